"""The kinds of page a built site has, told apart by where they are written.

The quality gates check one page of each type (axe, Lighthouse) or every page by type (weight
budget). A page that matches no pattern is a new type: ``unmapped_pages`` names it so that a test
fails until it is added here, and so no new kind of page escapes the gates.
"""

import re
from pathlib import Path

from .check import Page, read_site

_PAGINATED = r"(page/\d+/)?index\.html"

# First match wins: the more specific patterns come first, "page" (a standalone page) last.
PAGE_TYPES: dict[str, str] = {
    "home": r"index\.html",
    "404": r"404\.html",
    "news list": rf"news/{_PAGINATED}",
    "news archives": r"news/archives/index\.html",
    "news categories": r"news/categories/index\.html",
    "news category": rf"news/category/[^/]+/{_PAGINATED}",
    "news tags": r"news/tags/index\.html",
    "news tag": rf"news/tag/[^/]+/{_PAGINATED}",
    "news authors": r"news/authors/index\.html",
    "news author": rf"news/author/[^/]+/{_PAGINATED}",
    "article": r"news/\d{4}/[^/]+/index\.html",
    "upcoming events": rf"events/{_PAGINATED}",
    "past events": rf"events/past/{_PAGINATED}",
    "month index": r"events/calendar/index\.html",
    "month grid": r"events/calendar/\d{4}-\d{2}/index\.html",
    "campaign events": rf"events/campaigns/[^/]+/{_PAGINATED}",
    "events by country": rf"events/country/[^/]+/{_PAGINATED}",
    "events online or in person": rf"events/(online|in-person)/{_PAGINATED}",
    "event": r"events/[^/]+/index\.html",
    "campaign index": r"campaigns/index\.html",
    "edition": r"campaigns/[^/]+/\d{4}/index\.html",
    "campaign": r"campaigns/[^/]+/index\.html",
    "partner directory": r"partners/index\.html",
    "partner countries": r"partners/countries/index\.html",
    "partner": r"partners/[^/]+/index\.html",
    "network": r"network/index\.html",
    "network country": r"network/[a-z]{2}/index\.html",
    "search": r"search/index\.html",
    "search letter": r"search/[^/]+/index\.html",
    "page": r"[^/]+/index\.html",
}
_COMPILED = {name: re.compile(pattern) for name, pattern in PAGE_TYPES.items()}

# Page types allowed more JavaScript than the budget's usual limit.
JS_HEAVY_TYPES = {"search"}

# Page types only a large site has, so the demo build need not: why (tests check them apart).
LARGE_SITE_TYPES = {
    "search letter": "the A–Z index gets a page per letter above SEARCH_AZ_MAX (500) pages; "
    "tests/test_search.py and test_search_browser.py check one",
}


def page_type(relative: str, lang: str = "") -> str | None:
    """The type of the page written at ``relative`` (a path inside the output, with "/"),
    or None. A language sub-site's prefix (``fr/``) is ignored."""
    if lang and relative.startswith(f"{lang}/"):
        relative = relative[len(lang) + 1 :]
    return next((name for name, rx in _COMPILED.items() if rx.fullmatch(relative)), None)


class SiteTypes:
    """Every HTML page of a built site sorted by type and language."""

    def __init__(self, output: Path, pages: dict[Path, Page] | None = None):
        self.root = Path(output).resolve()
        self.pages = read_site(self.root) if pages is None else pages
        self.kinds: dict[Path, str | None] = {}
        self.by_type: dict[str, dict[str, list[Path]]] = {}
        self.unmapped: list[str] = []
        for path, page in self.pages.items():
            relative = path.relative_to(self.root).as_posix()
            kind = self.kinds[path] = page_type(relative, page.lang)
            if kind is None:
                self.unmapped.append(relative)
            else:
                self.by_type.setdefault(kind, {}).setdefault(page.lang, []).append(path)

    @property
    def languages(self) -> list[str]:
        return sorted({page.lang for page in self.pages.values()})

    def missing(self) -> list[str]:
        """The known types of which this build has no page (but those of large sites)."""
        return [n for n in PAGE_TYPES if n not in self.by_type and n not in LARGE_SITE_TYPES]

    def representative(self, kind: str, lang: str) -> str | None:
        """The URL path (``/news/``) of the largest page of ``kind`` in ``lang``: the most
        content, so the most of the type's template is checked."""
        paths = self.by_type.get(kind, {}).get(lang)
        if not paths:
            return None
        largest = max(paths, key=lambda path: (path.stat().st_size, str(path)))
        return url_path(largest.relative_to(self.root).as_posix())

    def representatives(self) -> list[tuple[str, str, str]]:
        """(type, language, URL path) for one page of every type in every language."""
        return [
            (kind, lang, self.representative(kind, lang))
            for kind in PAGE_TYPES
            for lang in sorted(self.by_type.get(kind, {}))
        ]


def url_path(relative: str) -> str:
    """``news/index.html`` -> ``/news/``: the address a reader types."""
    return "/" + relative.removesuffix("index.html")
