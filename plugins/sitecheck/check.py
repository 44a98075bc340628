"""Reads every HTML page of an output folder once and reports what a reader would trip on."""

import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

# Attributes that make the browser fetch something (as opposed to following a link).
FETCHING = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}
LINKING = {("a", "href"), ("area", "href")}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.fetches: list[str] = []
        self.links: list[str] = []
        self.inline: list[str] = []
        self._script_type = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if "style" in attributes:
            self.inline.append(f"style attribute on <{tag}>")
        if any(name.startswith("on") for name in attributes):
            self.inline.append(f"event handler attribute on <{tag}>")
        if tag == "script":
            self._script_type = attributes.get("type", "")
            if not attributes.get("src") and self._script_type != "application/ld+json":
                self.inline.append("inline <script>")
        if tag == "style":
            self.inline.append("inline <style>")
        for name, value in attributes.items():
            if value is None:
                continue
            if (tag, name) in FETCHING:
                urls = [part.split()[0] for part in value.split(",") if part.strip()]
                self.fetches.extend(urls if name == "srcset" else [value])
            elif tag == "link" and name == "href":
                rels = set((attributes.get("rel") or "").lower().split())
                (self.fetches if rels & FETCHING_LINK_RELS else self.links).append(value)
            elif (tag, name) in LINKING:
                self.links.append(value)


def _target(page: Path, url: str, root: Path, site_prefix: str) -> tuple[Path, str] | None:
    """Map a URL found on ``page`` to a file in the output, or None when it is not internal."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path, fragment = urldefrag(url)
    path = unquote(path)
    if not path:
        return page, fragment
    if path.startswith("/"):
        if not path.startswith(site_prefix):
            return root / "__outside_the_site__", fragment
        target = root / path[len(site_prefix) :].lstrip("/")
    else:
        target = page.parent / path
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, fragment


def _path_absolute(url: str, siteurl: str) -> str:
    """Turn an absolute URL into the site into a path-absolute one (``/sub/path/``)."""
    base = siteurl.rstrip("/")
    if base and (url == base or url.startswith(base + "/")):
        return urlsplit(base).path + (url[len(base) :] or "/")
    return url


def _external_host(url: str, own_host: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return None
    host = parts.netloc or ("" if not url.startswith("//") else url[2:].split("/", maxsplit=1)[0])
    return host if host and host != own_host else None


def check_site(output: Path, siteurl: str = "") -> list[str]:
    """Return one line per problem found in the built site at ``output``."""
    root = Path(output).resolve()
    own = urlsplit(siteurl)
    site_prefix = own.path.rstrip("/") + "/"
    pages: dict[Path, _Page] = {}
    for html in root.rglob("*.html"):
        parser = _Page()
        parser.feed(html.read_text(encoding="utf-8"))
        pages[html.resolve()] = parser
    problems = []
    for path, page in sorted(pages.items()):
        name = os.path.relpath(path, root)
        problems += [
            f"{name}: {what} (the Content-Security-Policy blocks it)" for what in page.inline
        ]
        for url in page.fetches:
            host = _external_host(url, own.netloc)
            if host:
                problems.append(f"{name}: loads {url} from another host ({host})")
        for written in page.fetches + page.links:
            url = _path_absolute(written, siteurl)
            found = _target(path, url, root, site_prefix)
            if found is None:
                continue
            target, fragment = found
            target = target.resolve()
            if not target.exists():
                problems.append(f"{name}: broken link to {url}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{name}: link to {url}: no element has the id {fragment!r}")
    if "404.html" not in {p.name for p in pages}:
        problems.append("404.html is missing")
    return problems
