"""Settings of the search plugin, read in one place, with their defaults.

SEARCH (True; ``pelicanconf.py`` sets False for local work, ``publishconf.py`` True)
    Build the search index: Pagefind runs over the written site before it is swapped into
    place (about a second on the demo site, more on a large one: see docs/maintainers.md).
    False: no index; the search page is still written, with its A–Z index of every page but
    no search field, and no page carries Pagefind's attributes.
SEARCH_URL / SEARCH_SAVE_AS ("search/", "search/index.html")
    The search page, in every language under its prefix (``fr/search/``). An empty
    ``SEARCH_SAVE_AS`` writes no search page and no link to it.
SEARCH_EXCLUDE ((".card", ".logo-wall"))
    CSS selectors of the parts of a page Pagefind leaves out of its text: the cards and logo
    walls that show other pages (which have entries of their own). Pagefind already leaves
    out ``<nav>``, ``<script>``, ``<form>`` and the like.
SEARCH_AZ_MAX (500)
    The search page lists every page it finds from A to Z (for readers without JavaScript).
    Above this many, each letter gets a page of its own (``search/a/``…) and the search page
    links to them: 500 titles keep the page within the weight budget (50 KB compressed).
SEARCH_TIMEOUT (600)
    Seconds the indexing may take before it stops and fails the build.
SEARCH_PART_PAGES (2000)
    Pagefind holds the words of every page it indexes in memory (about 0.18 MB a page: 0.9 GB
    for 5,000 pages). Above this many indexed pages the index is made in parts of at most
    this many, one Pagefind run each (``pagefind/``, ``pagefind/part-2/``…), and the search
    page searches them all: the build's memory stays bounded, at the cost of one more set of
    files to load for a reader's first search per part.
"""

from dataclasses import dataclass

from records.passes import page_path
from records.security import SettingError

# Pagefind's bundle folder in the output (a slug the records core refuses, see records.slugs):
# the search page's script loads Pagefind's module from it, and its policy names it.
BUNDLE = "pagefind"

DEFAULTS = {
    "SEARCH": True,
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    "SEARCH_EXCLUDE": (".card", ".logo-wall"),
    "SEARCH_AZ_MAX": 500,
    "SEARCH_TIMEOUT": 600,
    "SEARCH_PART_PAGES": 2000,
}


@dataclass(frozen=True)
class SearchSettings:
    enabled: bool  # build the index
    url: str
    save_as: str
    exclude: tuple[str, ...]
    az_max: int
    timeout: float
    part_pages: int  # the most pages one Pagefind run indexes


def read(settings: dict) -> SearchSettings:
    """The settings, with the search page under the prefix of the language being written."""

    def get(key):
        return settings.get(key, DEFAULTS[key])

    save_as = get("SEARCH_SAVE_AS")
    return SearchSettings(
        enabled=bool(get("SEARCH")),
        url=page_path(settings, get("SEARCH_URL")) if save_as else "",
        save_as=page_path(settings, save_as),
        exclude=tuple(get("SEARCH_EXCLUDE") or ()),
        az_max=_count(get, "SEARCH_AZ_MAX"),
        timeout=float(get("SEARCH_TIMEOUT")),
        part_pages=_count(get, "SEARCH_PART_PAGES"),
    )


def _count(get, key: str) -> int:
    """The setting ``key``, a whole number of 1 or more; a SettingError (one line) if not."""
    value = get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingError(
            f"{key}: {value!r} is not a whole number of 1 or more — write e.g. "
            f"{key} = {DEFAULTS[key]}"
        )
    return value
