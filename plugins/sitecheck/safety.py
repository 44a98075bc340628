"""Safety gate: no page runs a script that is not the theme's own, moves the reader on by itself
or sends them, their clicks or their form entries off-site.

:func:`safety_problems` returns one line per problem, ``page: problem``, for every HTML page
of an output folder:

- ``<meta http-equiv="refresh">`` and any ``<base>`` element;
- a ``javascript:`` or ``vbscript:`` URL in any attribute; a ``data:`` URL in ``href``,
  ``action`` or ``formaction``, or as what a ``<script>``, ``<iframe>``, ``<embed>`` or
  ``<object>`` loads;
- a ``<script>`` that is not one of the theme's: one whose ``src`` is not in the theme's
  script folder (``<THEME_STATIC_DIR>/js/``, wherever the site is served), or an inline one
  that is not ``type="application/ld+json"`` data;
- an inline event handler (``onclick=`` and every other ``on*`` attribute);
- an ``<iframe>``, ``<object>``, ``<embed>`` or ``<form>`` (or a button's ``formaction``)
  pointing off-site.
"""

from html.parser import HTMLParser
from pathlib import Path

from .check import Site, html_pages

THEME_SCRIPTS = "theme/js"  # Pelican's THEME_STATIC_DIR ("theme", kept by the kit) + "/js"
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
DATA_ATTRIBUTES = {"href", "action", "formaction"}
# Where an element's URL is run or shown inside the page: a data: URL is refused there.
EMBEDDING = {("script", "src"), ("iframe", "src"), ("embed", "src"), ("object", "data")}
# What a page shows inside itself or sends form entries to: never off-site.
TARGETS = {
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("form", "action"),
    ("button", "formaction"),
    ("input", "formaction"),
}


def _scheme_text(value: str) -> str:
    """A URL as a browser reads its scheme: tabs and newlines anywhere and leading spaces or
    control characters do not count (``java\\tscript:`` is ``javascript:``)."""
    value = value.translate({9: None, 10: None, 13: None})
    return value.lstrip("".join(map(chr, range(33)))).lower()


class _Elements(HTMLParser):
    """Every element of one page: its tag and its attributes, in the order written."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, [(name, value or "") for name, value in attrs]))


def page_problems(site: Site, path: Path, html: str) -> list[str]:
    """Every problem of the page at ``path`` in ``site``, whose text is ``html``."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    problems = []
    for tag, attrs in parser.elements:
        first = dict(reversed(attrs))  # a repeated attribute: the browser keeps the first
        if tag == "meta" and first.get("http-equiv", "").strip().lower() == "refresh":
            problems.append('<meta http-equiv="refresh">: the page moves on by itself')
        if tag == "base":
            problems.append("<base> element: it changes where every relative URL points")
        if tag == "script":
            problems += _script(site, path, first)
        for name, value in attrs:
            url = _scheme_text(value)
            if name.startswith("on"):
                problems.append(f"inline event handler {name} on <{tag}>")
            if url.startswith(SCRIPT_SCHEMES):
                problems.append(f"{url.split(':')[0]}: URL in <{tag} {name}>")
            elif url.startswith("data:") and (name in DATA_ATTRIBUTES or (tag, name) in EMBEDDING):
                problems.append(f"data: URL in <{tag} {name}>")
            elif (tag, name) in TARGETS and value.strip() and _off_site(site, path, value):
                problems.append(f"<{tag} {name}> points off-site: {value}")
    return problems


def _off_site(site: Site, path: Path, url: str) -> bool:
    """Another host or scheme, or out of the output folder (a path of the site's own host
    outside its sub-path is a broken link: the links gate reports it)."""
    found = site.resolve(path, url.strip())
    return found is None or not found[0].is_relative_to(site.root)


def _script(site: Site, path: Path, attributes: dict[str, str]) -> list[str]:
    src = attributes.get("src", "").strip()
    if not src:
        if attributes.get("type", "").strip().lower() == "application/ld+json":
            return []
        return ['inline <script>: only type="application/ld+json" data may be inline']
    if _scheme_text(src).startswith(("data:", *SCRIPT_SCHEMES)):
        return []  # reported with the other URLs
    found = site.resolve(path, src)
    if found is None or not found[0].is_relative_to(site.root / THEME_SCRIPTS):
        return [f'<script src="{src}">: not one of the theme\'s scripts']
    return []


def safety_problems(output: Path, siteurl: str = "") -> list[str]:
    """One line per problem, ``page: problem``, in the built site at ``output``, deployed at
    ``siteurl`` ("" for relative URLs)."""
    site = Site(output, siteurl, pages={})  # for its URL resolution; pages are read here
    return [
        f"{site.name(path)}: {problem}"
        for path in html_pages(site.root)
        for problem in page_problems(site, path, path.read_text(encoding="utf-8"))
    ]
