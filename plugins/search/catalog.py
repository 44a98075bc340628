"""What the search covers, in one place: which pages are indexed, what each one tells Pagefind
(its type, campaigns, year, date), and each language's A–Z index of the same pages.

A page is indexed when it is real content in its own language: a news post, a page, or a
record whose type has a page of its own (campaigns, editions, events, partners), published
(never a draft or a hidden page), and not an untranslated stand-in (an original shown in a
language it is not written in, ``item.untranslated``). List pages, the 404 page and the
search page itself have no item, so they are never indexed.

A stand-in is not indexed a second time in each language that shows it: its original is
indexed once, in its own language, and tells Pagefind where each language shows it (a
``standin`` filter naming those languages, a ``url_<code>`` entry with each address). A
language's search page then also searches the index of each language whose originals it shows
untranslated, keeping only those originals, and links to them at its own addresses; its A–Z
index lists them too.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from records.links import listed_as

KEY = "search_catalog"  # the build's Catalog, in the context

NEWS, PAGE = "news", "page"
# Pelican's statuses of what readers do not find (a record's status is "" unless it says).
NOT_PUBLISHED = ("draft", "hidden", "skip")
# The order of the types in the search page's filter; types declared by other plugins follow.
KIND_ORDER = (NEWS, PAGE, "campaign", "edition", "event", "partner")


def kind(item) -> str | None:
    """The type of the page of ``item``: "news", "page", or its record type's name; None for
    what has no page of its own."""
    record_type = getattr(item, "record_type", None)
    if record_type is not None:
        return record_type.name if record_type.template else None
    return {"article": NEWS, "page": PAGE}.get(getattr(item, "default_template", None))


def written_here(item) -> bool:
    """Whether ``item``'s page is indexed: real content in its own language, published."""
    return (
        item is not None
        and not getattr(item, "untranslated", False)
        and getattr(item, "status", "") not in NOT_PUBLISHED
        and bool(getattr(item, "save_as", None))
        and kind(item) is not None
    )


def day(value) -> date | None:
    """The day a reader sees with a result (from :func:`records.links.listed_as`): a post's
    date, an edition's day, an event's (first) start; None for pages, campaigns and partners."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def campaigns(item) -> tuple:
    """The campaigns ``item`` belongs to (a campaign belongs to itself), as records."""
    if kind(item) == "campaign":
        return (item,)
    value = getattr(item, "campaign", None)
    found = value if isinstance(value, list | tuple) else [value]
    return tuple(c for c in found if isinstance(getattr(c, "id", None), str))


@dataclass(frozen=True)
class Entry:
    """One page as the search knows it."""

    kind: str
    title: str
    url: str
    lang: str  # the language its text is written in
    date: date | None
    campaigns: tuple[tuple[str, str], ...]  # (id, title)
    untranslated: bool = False  # a stand-in: listed in this language, indexed in its own
    standins: dict[str, str] = field(default_factory=dict)  # language -> its address there

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


def _entry(item, standins: dict[str, str], untranslated: bool = False) -> Entry:
    title, when = listed_as(item)
    return Entry(
        kind=kind(item),
        title=str(title),
        url=item.url,
        lang=item.lang,
        date=day(when),
        campaigns=tuple((c.id, str(c.title)) for c in campaigns(item)),
        untranslated=untranslated,
        standins=standins,
    )


def sort_key(title: str) -> str:
    """A title as the A–Z index orders it: without accents, case or leading punctuation."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"^\W+", "", text).casefold()


def initial(title: str) -> str:
    """The A–Z group of a title: its first letter, or "#" for a digit or anything else."""
    first = sort_key(title)[:1]
    return first.upper() if first.isalpha() else "#"


def _anchor(letter: str, number: int) -> str:
    """``a`` for A; ``letter-1`` for "#" or a letter outside a–z (an address stays ASCII)."""
    return letter.lower() if letter.isascii() and letter.isalpha() else f"letter-{number}"


@dataclass(frozen=True)
class Group:
    letter: str
    anchor: str  # its id on the search page, and the last part of its own page's address
    entries: list[Entry]
    url: str | None = None  # its own page, when the index is split (see search.pages)
    save_as: str | None = None


@dataclass(frozen=True)
class SearchPage:
    """What one language's search page shows."""

    groups: list[Group]  # the A–Z index
    count: int  # pages listed in the A–Z index
    split: bool  # whether each letter has a page of its own (a large site)
    own: int  # of which written in this language (the rest: untranslated stand-ins)
    kinds: list[str]  # the types, for the type filter
    campaigns: list[tuple[str, str]]  # (id, title), for the campaign filter
    years: list[int]  # newest first, for the year filter
    also: list[str]  # languages whose indexes also hold pages shown here (untranslated)


class Catalog:
    """The build's indexed pages, by language. Filled on ``records_ready`` (once per
    language, with that language's items), read as pages are written."""

    def __init__(self):
        self._items: dict[str, list] = {}
        self._standins: dict[object, dict[str, str]] = {}  # original -> {lang: url}

    def add_language(self, lang: str, items: list) -> None:
        """The articles, pages and records with a page that language ``lang`` shows."""
        self._items[lang] = items
        for item in items:
            if getattr(item, "untranslated", False) and written_here(item.original):
                self._standins.setdefault(item.original, {})[lang] = item.url

    def indexed_count(self) -> int:
        """Pages indexed, in every language."""
        return sum(1 for items in self._items.values() for item in items if written_here(item))

    def parts(self, part_pages: int) -> int:
        """How many Pagefind runs index the site: one per ``part_pages`` indexed pages."""
        return max(1, -(-self.indexed_count() // part_pages))

    def indexes_anything(self) -> bool:
        return any(written_here(item) for items in self._items.values() for item in items)

    def entry(self, item) -> Entry | None:
        """``item``'s entry if its page is indexed, else None."""
        if not written_here(item):
            return None
        return _entry(item, dict(self._standins.get(item, {})))

    def listed(self, lang: str) -> list[Entry]:
        """What language ``lang`` finds: its own indexed pages and the stand-ins of indexed
        originals."""
        found = []
        for item in self._items.get(lang, []):
            if getattr(item, "untranslated", False):
                if written_here(item.original):
                    found.append(_entry(item, {}, untranslated=True))
            elif written_here(item):
                found.append(_entry(item, {}))
        return found

    def page(self, lang: str, split_above: int) -> SearchPage:
        """Language ``lang``'s search page; with more than ``split_above`` pages to list,
        its A–Z index is split into a page per letter (their addresses: search.pages)."""
        entries = sorted(self.listed(lang), key=lambda e: (sort_key(e.title), e.title, e.url))
        groups: dict[str, list[Entry]] = {}
        for entry in entries:
            groups.setdefault(initial(entry.title), []).append(entry)
        letters = sorted(groups, key=lambda letter: (letter != "#", sort_key(letter)))
        kinds = {entry.kind for entry in entries}
        order = [k for k in KIND_ORDER if k in kinds] + sorted(kinds - set(KIND_ORDER))
        campaign_titles = dict(c for entry in entries for c in entry.campaigns)
        return SearchPage(
            groups=[
                Group(letter, _anchor(letter, n), groups[letter])
                for n, letter in enumerate(letters, 1)
            ],
            count=len(entries),
            split=len(entries) > split_above,
            own=sum(1 for entry in entries if not entry.untranslated),
            kinds=order,
            campaigns=sorted(campaign_titles.items(), key=lambda c: (sort_key(c[1]), c[0])),
            years=sorted({e.year for e in entries if e.year}, reverse=True),
            also=sorted({e.lang for e in entries if e.untranslated}),
        )
