"""The event list's filters: by country, by campaign, online or in person.

Each filter is a page of its own (no script needed), in every language, listing every event
of its kind once: the ones still to come at their next date, soonest first, then the others
at their last date, latest first. A recurring event is one entry, as in the upcoming list.
"""

from dataclasses import dataclass, field

from records import Crumb
from records.countries import country_name, name_order


@dataclass
class EventFilter:
    """One filter of the list: what its link says, where its pages are, what they list."""

    kind: str  # "country", "campaign", "online" or "in-person"
    key: str  # the country's code, the campaign's id, or the kind again
    name: str  # the link's words: a country's name, a campaign's title, a UI string
    url: str
    save_as: str
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    lang: str | None = None  # the language of ``name`` (a campaign shown untranslated)
    breadcrumbs: tuple = ()

    @property
    def occurrences(self) -> list:
        return self.upcoming + self.past

    @property
    def count(self) -> int:
        return len(self.upcoming) + len(self.past)


@dataclass
class EventFilters:
    """Every filter of one language, in the order the filter links show them."""

    attendance: list[EventFilter]
    countries: list[EventFilter]
    campaigns: list[EventFilter]

    def __iter__(self):
        yield from self.attendance
        yield from self.countries
        yield from self.campaigns

    @property
    def by_country(self) -> dict[str, EventFilter]:
        return {f.key.upper(): f for f in self.countries}


def _in_order(occurrence) -> tuple:
    return occurrence.start_utc, occurrence.end_utc, occurrence.event.title


def _fill(found: EventFilter, views: list) -> EventFilter:
    """Each event of ``views`` once: at its next date if it has one, else at its last."""
    found.upcoming = sorted((v.current for v in views if not v.is_past), key=_in_order)
    found.past = sorted((v.current for v in views if v.is_past), key=_in_order, reverse=True)
    return found


def build_filters(agenda, locale, text, trail) -> EventFilters:
    """The filters of the agenda's events (one language's); a campaign's filter keeps the
    address of the campaign's list. ``trail(crumb)`` is the trail of a filter's page, ending
    with its crumb."""
    views, conf = agenda.views, agenda.conf

    def make(kind: str, key: str, name: str, page: str, members: list, **values):
        url, save_as = conf.url(page, **values), conf.path(page, **values)
        found = EventFilter(kind, key, name, url, save_as, breadcrumbs=trail(Crumb(name, url)))
        return _fill(found, members)

    attendance = []
    online = [v for v in views if v.online]
    if online:
        attendance.append(make("online", "online", text.gettext("Online events"), "ONLINE", online))
    in_person = [v for v in views if v.place]
    if in_person:
        name = text.gettext("Events in person")
        attendance.append(make("in-person", "in-person", name, "IN_PERSON", in_person))

    by_country: dict[str, list] = {}
    for view in views:
        if view.event.country:
            by_country.setdefault(view.event.country, []).append(view)
    countries = [
        make("country", code.lower(), country_name(code, locale), "COUNTRY", members,
             country=code.lower())
        for code, members in by_country.items()
    ]  # fmt: skip
    countries.sort(key=lambda f: name_order(f.name))

    campaign_filters = []
    for key, campaign in agenda.campaigns.items():
        members = [v for v in views if v.campaign_id == key]
        crumbs = trail(Crumb(campaign.link.title, campaign.url, campaign.link.lang))
        found = EventFilter(
            "campaign",
            key,
            campaign.link.title,
            campaign.url,
            campaign.save_as,
            lang=campaign.link.lang,
            breadcrumbs=crumbs,
        )
        campaign_filters.append(_fill(found, members))
    return EventFilters(attendance, countries, campaign_filters)
