"""A partner's history, derived from the content: whatever names it, wherever.

Any record type with a field that refers to partners counts (the campaigns plugin's editions
and campaigns, the events plugin's events, types that do not exist yet), and so does every
published news post whose ``Partners`` names it. Each mention falls into one section:

``campaigns``  campaigns it organises (a ``campaign``'s ``organizers``)
``editions``   campaign editions it took part in (an ``edition``'s partner fields)
``events``     events it organises (an ``event``'s ``organizers``)
``news``       news posts that mention it
``mentions``   any other record that names it
"""

import datetime as dt
from dataclasses import dataclass, field

SECTIONS = ("campaigns", "editions", "events", "news", "mentions")


def section_for(type_name: str, field_name: str) -> str:
    if type_name == "edition":
        return "editions"
    if field_name == "organizers" and type_name in ("campaign", "event"):
        return f"{type_name}s"
    return "mentions"


@dataclass(frozen=True)
class Mention:
    section: str
    label: str
    url: str  # site-relative; empty when the record has no page
    detail: str = ""
    date: dt.date | None = None
    year: int | None = None
    record: object = field(default=None, compare=False, repr=False)

    @property
    def sort_key(self) -> tuple:
        when = self.date
        if isinstance(when, dt.datetime):
            return (when.year, when.month, when.day, when.hour, when.minute)
        if isinstance(when, dt.date):
            return (when.year, when.month, when.day, 0, 0)
        return (self.year or 0, 0, 0, 0, 0)


@dataclass
class History:
    sections: dict[str, list[Mention]] = field(default_factory=lambda: {s: [] for s in SECTIONS})

    def add(self, mention: Mention) -> None:
        entries = self.sections[mention.section]
        if mention not in entries:
            entries.append(mention)

    def items(self) -> list[tuple[str, list[Mention]]]:
        """The sections that have entries, in a fixed order, newest entry first."""
        return [
            (name, sorted(entries, key=lambda m: m.sort_key, reverse=True))
            for name, entries in self.sections.items()
            if entries
        ]

    def __bool__(self) -> bool:
        return any(self.sections.values())


def _year(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mention(section: str, record, has_page: bool) -> Mention:
    title = getattr(record, "title", None)
    start = getattr(record, "start", None) or getattr(record, "date", None)
    year = _year(getattr(record, "year", None)) or _year(getattr(record, "edition", None))
    detail = ""
    if section == "editions":
        campaign = getattr(record, "campaign", None)
        if isinstance(campaign, list):
            campaign = campaign[0] if campaign else None
        campaign_title = getattr(campaign, "title", None)
        detail = getattr(record, "theme", None) or ""
        if campaign_title and year:
            title = f"{campaign_title} {year}"
    return Mention(
        section=section,
        label=str(title or detail or getattr(record, "id", "")),
        url=record.url if has_page else "",
        detail=str(detail) if detail and detail != title else "",
        date=start if isinstance(start, dt.date) else None,
        year=year,
        record=record,
    )


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def derive(store, articles: list, partner_ids: set[str]) -> dict[str, History]:
    """The history of each partner id, from every record and news post that names it."""
    history = {partner_id: History() for partner_id in partner_ids}
    for type_name, record_type in store.types.items():
        for declared in record_type.fields:
            if declared.target != "partner":
                continue
            section = section_for(type_name, declared.name)
            for record in store.all(type_name):
                for partner in _as_list(record.fields.get(declared.name)):
                    if getattr(partner, "id", None) in history:
                        history[partner.id].add(
                            _mention(section, record, record_type.template is not None)
                        )
    for article in articles:
        for partner in _as_list(getattr(article, "partners", None)):
            if getattr(partner, "id", None) in history:
                history[partner.id].add(_mention("news", article, True))
    return history
