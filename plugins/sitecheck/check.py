"""Reads every page and feed of an output folder once and reports what a reader would trip on."""

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "imagesrcset"),
}
SRCSETS = {"srcset", "imagesrcset"}
LINKING = {("a", "href"), ("area", "href"), ("form", "action")}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
# <meta property|name="..." content="URL">: share cards point at a page and an image of the site.
URL_METAS = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"  # a sitemap's hreflang alternates
FEED_ROOTS = {"feed", "rss", f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex"}


@dataclass(frozen=True)
class Script:
    src: str
    in_head: bool
    deferred: bool  # defer, async or type="module": does not block rendering


class Page(HTMLParser):
    """What one HTML document holds: ids, URLs it fetches and links to, scripts, language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.direction = "ltr"
        self.ids: set[str] = set()
        self.fetches: list[str] = []
        self.links: list[str] = []
        self.references: list[str] = []  # share-card URLs: must resolve, are not fetched here
        self.stylesheets: list[str] = []
        self.scripts: list[Script] = []
        self.inline: list[str] = []
        self._in_head = True

    def handle_starttag(self, tag, attrs):
        attributes = {name: value for name, value in attrs if value is not None}
        flags = {name for name, _ in attrs}
        if tag == "html":
            self.lang = attributes.get("lang", "")
            self.direction = attributes.get("dir", "ltr")
        if tag == "body":
            self._in_head = False
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if "style" in attributes:
            self.inline.append(f"style attribute on <{tag}>")
        if any(name.startswith("on") for name in attributes):
            self.inline.append(f"event handler attribute on <{tag}>")
        if tag == "script":
            kind = attributes.get("type", "")
            if attributes.get("src"):
                deferred = bool(flags & {"defer", "async"}) or kind == "module"
                self.scripts.append(Script(attributes["src"], self._in_head, deferred))
            elif kind != "application/ld+json":
                self.inline.append("inline <script>")
        if tag == "style":
            self.inline.append("inline <style>")
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name") or ""
            if key.lower() in URL_METAS and attributes.get("content"):
                self.references.append(attributes["content"])
        for name, value in attributes.items():
            if (tag, name) in FETCHING:
                self.fetches.extend(_srcset_urls(value) if name in SRCSETS else [value])
            elif tag == "link" and name == "href":
                rels = set((attributes.get("rel") or "").lower().split())
                (self.fetches if rels & FETCHING_LINK_RELS else self.links).append(value)
                if "stylesheet" in rels:
                    self.stylesheets.append(value)
            elif (tag, name) in LINKING:
                self.links.append(value)


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def _page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def feed_urls(path: Path) -> list[str]:
    """Every URL an Atom or RSS feed (or a sitemap) gives a reader: its links and the
    links and images inside each entry's HTML. Other XML files give none."""
    root = ET.parse(path).getroot()
    if root.tag.removeprefix(ATOM) not in FEED_ROOTS:
        return []
    urls = []
    for element in root.iter():
        tag = element.tag.removeprefix(ATOM).removeprefix(SITEMAP).removeprefix(XHTML)
        if tag == "link" and element.get("href"):  # Atom, a sitemap's alternates
            urls.append(element.get("href"))
        elif (
            tag in ("link", "loc", "icon", "logo") and (element.text or "").strip()
        ):  # RSS, sitemap
            urls.append(element.text.strip())
        elif tag == "enclosure" and element.get("url"):
            urls.append(element.get("url"))
        elif tag in ("content", "summary", "description") and element.text:
            page = _page(element.text)
            urls += page.links + page.fetches + page.references
    return urls


# Not pages of the site: the browser editor (plugins/cms writes it at admin/), an application
# with a policy of its own, that no page links to and no reader sees.
NOT_PAGES = ("admin",)


def html_pages(output: Path) -> list[Path]:
    """Every HTML page of the site built at ``output``, resolved."""
    root = Path(output).resolve()
    return [
        path
        for path in sorted(root.rglob("*.html"))
        if path.relative_to(root).parts[0] not in NOT_PAGES
    ]


def read_site(output: Path) -> dict[Path, Page]:
    """Parse every HTML page of ``output`` once; keys are resolved paths."""
    return {html: _page(html.read_text(encoding="utf-8")) for html in html_pages(output)}


class Site:
    """A built site at ``output``, deployed at ``siteurl`` ("" for relative URLs)."""

    def __init__(self, output: Path, siteurl: str = "", pages: dict[Path, Page] | None = None):
        self.root = Path(output).resolve()
        self.siteurl = siteurl.rstrip("/")
        self.own = urlsplit(self.siteurl)
        self.prefix = self.own.path.rstrip("/") + "/"
        self.pages = read_site(self.root) if pages is None else pages

    def name(self, path: Path) -> str:
        return os.path.relpath(path, self.root)

    def resolve(self, source: Path, url: str) -> tuple[Path, str] | None:
        """The file in the output that ``url``, written in ``source``, points at, and its
        fragment; None when the URL leaves the site (another host, mailto:, data:...)."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            own_host = parts.scheme in ("http", "https", "") and parts.netloc == self.own.netloc
            if not (self.own.netloc and own_host):
                return None
            url = parts.path or "/"
            url += f"#{parts.fragment}" if parts.fragment else ""
        path, fragment = urldefrag(url)
        path = unquote(path)
        if not path:
            return source, fragment
        if path.startswith("/"):
            if not (path + "/").startswith(self.prefix):
                return self.root / "__outside_the_site__", fragment
            target = self.root / path[len(self.prefix) :]
        else:
            target = source.parent / path
        if target.is_dir() or path.endswith("/"):
            target = target / "index.html"
        return target.resolve(), fragment

    def external_host(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob"):
            return None
        return parts.netloc if parts.netloc and parts.netloc != self.own.netloc else None

    def broken(self, source: Path, urls: list[str]) -> list[str]:
        problems = []
        for url in urls:
            found = self.resolve(source, url)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                problems.append(f"{self.name(source)}: broken link to {url}")
            elif fragment and target in self.pages and fragment not in self.pages[target].ids:
                problems.append(
                    f"{self.name(source)}: link to {url}: no element has the id {fragment!r}"
                )
        return problems


def check_site(output: Path, siteurl: str = "", pages: dict[Path, Page] | None = None) -> list[str]:
    """Return one line per problem found in the built site at ``output``: broken links and
    fragments (pages, srcset, <link>, share-card metadata, feeds and sitemaps), anything
    loaded from another host, anything inline that the Content-Security-Policy blocks."""
    site = Site(output, siteurl, pages)
    problems = []
    for path, page in site.pages.items():
        name = site.name(path)
        problems += [
            f"{name}: {what} (the Content-Security-Policy blocks it)" for what in page.inline
        ]
        for url in page.fetches:
            host = site.external_host(url)
            if host:
                problems.append(f"{name}: loads {url} from another host ({host})")
        problems += site.broken(path, page.fetches + page.links + page.references)
    for feed in sorted(site.root.rglob("*.xml")):
        try:
            problems += site.broken(feed, feed_urls(feed))
        except ET.ParseError as error:
            problems.append(f"{site.name(feed)}: not well-formed XML ({error})")
    if "404.html" not in {p.name for p in site.pages}:
        problems.append("404.html is missing")
    return problems
