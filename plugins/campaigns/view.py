"""What campaign and edition pages show, computed once per record and language.

``campaign.view`` (:class:`CampaignView`) and ``edition.view`` (:class:`EditionView`) hold
everything the plugin derives, so that no derived value takes the name of a field or of one of
Pelican's attributes; templates only lay it out (``theme/README.md`` lists every name).
"""

from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from babel import Locale

from records.countries import country_name, name_order
from records.links import Link

from .days import NextDay
from .resources import Resource


@dataclass(frozen=True)
class Action:
    """One way to take part, as a landing page offers it: ``kind`` says what it is (the
    template words it), and it leads to a page of the site (``url``, site-relative), to a
    part of the page itself (``anchor``), or to both.

    Kinds: ``join`` (the online gathering), ``events`` (find an event), ``add`` (add your
    own), ``resources`` (download them), ``share`` (the page's share links), ``next_day``
    (from a past edition, the campaign's coming day).
    """

    kind: str
    url: str = ""
    anchor: str = ""
    external: bool = False  # ``url`` is a full address (CAMPAIGNS_ADD_EVENT may be one)


@dataclass
class EventGroup:
    """The events of one country (``code``, ``name`` in the page's language), the events
    people join online (``online``), or those that name no country (neither)."""

    code: str | None
    name: str
    online: bool
    occurrences: list = field(default_factory=list)


def group_by_country(occurrences: list, locale: Locale) -> list[EventGroup]:
    """``occurrences`` (in date order) by the country of their event, countries by name in
    ``locale``, then the online ones, then those with no country. An event with a place and
    an online link counts in its place's country."""
    groups: dict[tuple, EventGroup] = {}
    for occurrence in occurrences:
        event = occurrence.event
        code = event.country
        online = code is None and event.view.attendance == "online"
        key = (code, online)
        if key not in groups:
            groups[key] = EventGroup(code, country_name(code, locale), online)
        groups[key].occurrences.append(occurrence)

    def order(group: EventGroup) -> tuple:
        return (0 if group.code else 1 if group.online else 2, name_order(group.name))

    return sorted(groups.values(), key=order)


def pending(event) -> bool:
    """An online gathering still to come (or going on), and not cancelled: worth an
    invitation to join."""
    view = getattr(event, "view", None)
    return view is not None and not view.is_past and view.status != "cancelled"


class _TakingPart:
    """A landing page's ``steps``, the ways to take part, of which the first are its calls
    to action."""

    @property
    def actions(self) -> list[Action]:
        """The first two or three steps: the calls to action of the page's first screen."""
        return self.steps[:3]


@dataclass
class EditionView(_TakingPart):
    """One year of a campaign, ready for its page and for the campaign's."""

    edition: object = field(repr=False)
    number: int | None  # counted from the campaign's First-year (or first edition)
    day: date  # the campaign's day in the edition's year
    countdown: NextDay | None  # the day and the days left, while it is today or to come
    previous_edition: object | None
    next_edition: object | None
    news: list  # the news posts that name the campaign and this year
    occurrences: list  # the events of this year, in date order
    events_by_country: list[EventGroup]
    resources: list[Resource]  # the files of its Resources field, described
    resources_by_language: dict[str, list[Resource]]
    online_event: object | None  # its online gathering while it is to come, else None
    add_event: Action | None  # where readers add an event, while the day is to come
    steps: list[Action]  # every way to take part the page offers, the most direct first

    @property
    def visual(self):
        """The picture that stands for the year: its Image, else artwork drawn from the
        campaign's colour and the theme (the media plugin's ``lead_picture``, ``artwork``)."""
        edition = self.edition
        return getattr(edition, "lead_picture", None) or getattr(edition, "artwork", None)


@dataclass
class CampaignView(_TakingPart):
    """A campaign, its coming day and the year it features, ready for its landing page."""

    campaign: object = field(repr=False)
    zone: ZoneInfo  # where the day is counted: the campaign's Timezone, else the site's
    next_day: NextDay  # the coming day (or today's), and the days left
    editions: list  # oldest first
    latest_edition: object | None  # the coming day's edition, else the latest before it
    current_edition: object | None  # the coming day's edition, once its theme is announced
    earlier_editions: list  # before the coming day's year, newest first
    news: list  # the news posts that name the campaign, newest first
    latest_news: list  # the first CAMPAIGNS_LATEST_NEWS of them
    events: object | None  # the events plugin's list of the campaign's events, if any
    events_by_country: list[EventGroup]  # its next CAMPAIGNS_EVENTS_SHOWN events
    online_event: object | None  # the coming day's online gathering, while it is to come
    organizers: list[Link]  # its Organizers, linked to the partners' pages
    feed_url: str | None  # its Atom feed, in production
    add_event: Action | None  # where readers add an event (CAMPAIGNS_ADD_EVENT)
    steps: list[Action]  # every way to take part the page offers, the most direct first

    @property
    def card_picture(self):
        """The picture of its card in the list of campaigns: that of its featured year (the
        coming day's, else the latest), else its own (the media plugin's ``card_picture``)."""
        pictured = getattr(self.latest_edition, "card_picture", None)
        return pictured or getattr(self.campaign, "card_picture", None)

    @property
    def visual(self):
        """The campaign's own Image; else its featured year's visual; else artwork drawn from
        its colour, name and day."""
        own = getattr(self.campaign, "lead_picture", None)
        if own is not None:
            return own
        if self.latest_edition is not None:
            return self.latest_edition.view.visual
        return getattr(self.campaign, "artwork", None)
