"""How a page names another record: the few display helpers several plugins share.

A reference field holds the referred record once the core resolved it, or the bare id while no
plugin declares the referred type (a site without the partners plugin still lists the
organisers of its events by id). :func:`link_to` turns either into a :class:`Link`, which
templates show as a link when the record has a page, as plain text otherwise.
:func:`listed_as` names and dates any page where pages of every kind are listed together.
"""

from dataclasses import dataclass


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


def listed_as(item) -> tuple[str, object]:
    """``(title, date)`` of a page where pages of every kind are listed together (the search's
    results and A–Z index): what its record type's ``listed_as`` gives (an edition has no
    Title: "Day of Prayer 2026: its theme", on its day), else its ``title`` and its ``date`` or
    ``start`` (a date, a datetime, or None)."""
    record_type = getattr(item, "record_type", None)
    if record_type is not None and record_type.listed_as is not None:
        return record_type.listed_as(item)
    return item.title, getattr(item, "date", None) or getattr(item, "start", None)
