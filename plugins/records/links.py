"""How a page names another record or a country: the few display helpers several plugins share.

A reference field holds the referred record once the core resolved it, or the bare id while no
plugin declares the referred type (a site without the partners plugin still lists the
organisers of its events by id). :func:`link_to` turns either into a :class:`Link`, which
templates show as a link when the record has a page, as plain text otherwise.
"""

import unicodedata
from dataclasses import dataclass

from babel import Locale


@dataclass(frozen=True)
class Link:
    """A reference shown as a link when its record exists, as plain text otherwise."""

    id: str
    title: str
    url: str | None = None
    website: str | None = None
    lang: str | None = None  # the language of the title


def link_to(value) -> Link | None:
    """The one place that turns a reference into a Link: a resolved record, or a bare id."""
    if value is None:
        return None
    if isinstance(value, str):
        return Link(value, value)
    return Link(value.id, value.title, value.url, getattr(value, "website", None), value.lang)


def ref_id(value) -> str | None:
    """The id of a reference, resolved or not."""
    return value if value is None or isinstance(value, str) else value.id


def country_name(code: str | None, locale: Locale) -> str:
    """The name of an ISO 3166-1 code in ``locale`` (Babel's); empty for none or for a word
    that is not a code (a partner's ``international``)."""
    if not code or not code.isupper():
        return ""
    return locale.territories.get(code, code)


def sort_name(name: str) -> str:
    """``name`` as it sorts in a list of names: case and accents left aside."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
