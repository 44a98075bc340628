"""The build's agenda: every occurrence by month and campaign, the past ones, and the next
date of each event that has one (upcoming lists show a recurring event once)."""

from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

from records import FieldError
from records.links import Link, link_to

from .links import webcal_url
from .months import Month
from .occurrences import expand
from .view import EventView


def written_in_language(views: list) -> list:
    """The views of events written in the language of the pages (not shown untranslated),
    drafts left out: what a calendar feed of that language holds, so that no subscriber's
    calendar mixes languages or shows what is not published."""
    return [
        view
        for view in views
        if not getattr(view.event, "untranslated", False) and view.status != "draft"
    ]


@dataclass
class CampaignEvents:
    """One campaign's events, for its list page and its feed (None when no event of the
    campaign is written in the language of the pages)."""

    link: Link
    url: str
    save_as: str
    feed: str | None
    feed_webcal: str | None
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    views: list = field(default_factory=list)


def _in_order(occurrence) -> tuple:
    return occurrence.start_utc, occurrence.end_utc, occurrence.event.title


class Agenda:
    """``refused`` lists (event, FieldError) for the events left out: too many dates."""

    def __init__(self, store, now: datetime, today: datetime, conf, *, locale, text):
        """``now``: the build's instant; ``today``: the start of its day in the site's zone
        (the window of a recurring event's dates, see :func:`events.occurrences.expand`)."""
        self.now = now
        self.conf = conf
        self.views = []
        self.refused = []
        occurrences = []
        for event in store.all("event"):
            try:
                found = expand(event, today, conf.window_years, conf.max_occurrences)
            except FieldError as error:
                self.refused.append((event, error))
                continue
            event.view = EventView(event, found, now, conf, locale=locale, text=text)
            self.views.append(event.view)
            occurrences.extend(found)
        occurrences.sort(key=_in_order)
        self.occurrences = occurrences
        # Upcoming lists show a recurring event once, at its next date, with its rule in words.
        self.upcoming = sorted((v.upcoming[0] for v in self.views if v.upcoming), key=_in_order)
        self.past = [o for o in reversed(occurrences) if o.is_past(now)]
        self.by_day: dict = {}
        for occurrence in occurrences:
            for day in occurrence.days():
                self.by_day.setdefault(day, []).append(occurrence)
        self.months = self._months()
        self.campaigns = self._campaigns()
        self.feed = conf.feed_save_as if written_in_language(self.views) else None
        # The next instant an occurrence starts or ends: the lists and pages change then.
        later = [t for o in occurrences for t in (o.start_utc, o.end_utc) if t > now]
        self.next_change = min(later, default=None)
        self.feed_webcal = webcal_url(conf.absolute(self.feed)) if self.feed else None
        for view in self.views:
            view.feed_webcal = self.feed_webcal

    def _months(self) -> list[Month]:
        found: dict[tuple[int, int], Month] = {}
        for day in sorted(self.by_day):
            key = (day.year, day.month)
            if key not in found:
                values = {"year": day.year, "month": day.month}
                found[key] = Month(
                    day.year,
                    day.month,
                    self.conf.url("MONTH", **values),
                    self.conf.path("MONTH", **values),
                )
            found[key].occurrences.extend(self.by_day[day])
        months = list(found.values())
        for before, after in pairwise(months):
            before.next, after.previous = after, before
        return months

    def _campaigns(self) -> dict[str, CampaignEvents]:
        campaigns: dict[str, CampaignEvents] = {}
        for view in self.views:
            if view.campaign_id is None:
                continue
            key = view.campaign_id
            if key not in campaigns:
                feed = self.conf.campaign_feed_save_as.format(campaign=key)
                campaigns[key] = CampaignEvents(
                    link=link_to(view.event.campaign),
                    url=self.conf.url("CAMPAIGN", campaign=key),
                    save_as=self.conf.path("CAMPAIGN", campaign=key),
                    feed=feed,
                    feed_webcal=webcal_url(self.conf.absolute(feed)),
                )
            campaigns[key].views.append(view)
        for key, campaign in campaigns.items():
            campaign.upcoming = [o for o in self.upcoming if o.event.view.campaign_id == key]
            campaign.past = [o for o in self.past if o.event.view.campaign_id == key]
            if not written_in_language(campaign.views):
                campaign.feed = campaign.feed_webcal = None
        return dict(sorted(campaigns.items(), key=lambda item: item[1].link.title.lower()))
