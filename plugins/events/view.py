"""What an event page shows, computed once per event: the templates only lay it out."""

import zoneinfo
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from babel.dates import get_timezone_location
from markupsafe import Markup

from records.links import link_to, ref_id

from . import ical, jsonld, links
from .occurrences import Occurrence, duration
from .words import rule_in_words
from .zones import zone_name


def utc_offset(value: datetime) -> str:
    """``UTC+01:00``, ``UTC−03:00``, ``UTC+05:45``: the offset written out."""
    minutes = int(value.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


@dataclass(frozen=True)
class ZoneTime:
    """One row of an online event's time table."""

    city: str
    zone: str
    start: datetime
    end: datetime
    offset: str
    day_shift: int  # -1: the day before the event's own date, +1: the day after


class EventView:
    """The display-ready facts of one event record (``event.view`` in templates)."""

    def __init__(self, event, occurrences: list, now: datetime, conf, *, locale, text):
        self.event = event
        self.conf = conf
        self.occurrences = occurrences
        self.status = event.fields.get("status") or "scheduled"
        self.first = occurrences[0] if occurrences and occurrences[0].index == 0 else None
        if self.first is None:  # a recurring event whose Start is before the window
            self.first = Occurrence(event, event.start, event.start + duration(event))
        upcoming = [o for o in occurrences if not o.is_past(now)]
        self.upcoming = upcoming
        self.is_past = not upcoming
        # The dates a recurring event's page lists, each with its own id (see ``url_of``).
        self.listed = {o.first_day for o in upcoming} if event.recurrence else set()
        # The occurrence a page is about: the next one, else the latest.
        self.current = upcoming[0] if upcoming else (occurrences or [self.first])[-1]
        place = (event.location or "").strip()
        self.place = "" if place.lower() == "online" else place
        self.online = bool(event.online) or place.lower() == "online"
        self.attendance = (
            "mixed" if self.place and self.online else "online" if self.online else "offline"
        )
        self.organizers = [link_to(o) for o in event.organizers or []]
        self.campaign = link_to(event.campaign)
        self.campaign_id = ref_id(event.campaign)
        self.location_text = ", ".join(
            part for part in (self.place, event.online or ("Online" if self.online else "")) if part
        )
        self.ics_url = conf.ics_save_as.format(slug=event.id)
        self.absolute_url = conf.absolute(event.url)
        self.feed_webcal = None  # the all-events feed, when the agenda has one
        self.uid = ical.uid(event, conf.uid_domain)
        self.locale = locale  # of the pages being written
        self.text = text  # their UI strings

    # Read when pages are written, not before: the body's links need the whole site known.
    @cached_property
    def description(self) -> str:
        return _plain_text(self.event)

    @cached_property
    def google_url(self) -> str:
        return links.google_url(
            self.current, self.event.title, self.description, self.location_text
        )

    @cached_property
    def outlook_url(self) -> str:
        return links.outlook_url(
            self.conf.outlook_url,
            self.current,
            self.event.title,
            self.description,
            self.location_text,
        )

    @cached_property
    def jsonld(self) -> dict | None:
        return jsonld.event_data(self, self.conf)

    @cached_property
    def time_table(self) -> list:
        return self._time_table() if self.online and not self.current.all_day else []

    @cached_property
    def rule_text(self) -> str:
        """A recurring event's rule in words, with its time: "Every month on the first
        Monday, 17:00 CET"; "" for an event that does not repeat."""
        if not self.event.recurrence:
            return ""
        start = self.current.start
        time = "" if self.current.all_day else f"{start:%H:%M} {self.zone_name(start)}"
        return rule_in_words(self.event.recurrence, self.event.start, self.locale, self.text, time)

    def zone_name(self, value: datetime) -> str:
        """The zone written after a time of this event: CET, GMT+8 (:mod:`events.zones`)."""
        return zone_name(value, self.locale)

    def anchor(self, occurrence) -> str | None:
        """The id of ``occurrence`` in the event page's list of coming dates, if listed."""
        return occurrence.first_day.isoformat() if occurrence.first_day in self.listed else None

    def url_of(self, occurrence) -> str:
        """The event's page, at ``occurrence`` in its list of coming dates when it is there."""
        anchor = self.anchor(occurrence)
        return f"{self.event.url}#{anchor}" if anchor else self.event.url

    @property
    def zone(self) -> str:
        return self.event.timezone.key

    @property
    def zone_city(self) -> str:
        return get_timezone_location(self.event.timezone, locale=self.locale, return_city=True)

    @property
    def start_offset(self) -> str:
        return "" if self.current.all_day else utc_offset(self.current.start)

    @property
    def end_offset(self) -> str:
        return "" if self.current.all_day else utc_offset(self.current.end)

    def _time_table(self) -> list[ZoneTime]:
        rows = []
        own_day = self.current.start.date()
        for key in self.conf.time_zones:
            zone = zoneinfo.ZoneInfo(key)
            start = self.current.start_utc.astimezone(zone)
            rows.append(
                ZoneTime(
                    city=get_timezone_location(zone, locale=self.locale, return_city=True),
                    zone=key,
                    start=start,
                    end=self.current.end_utc.astimezone(zone),
                    offset=utc_offset(start),
                    day_shift=(start.date() - own_day).days,
                )
            )
        return rows


def _plain_text(event) -> str:
    """The summary, else the body, as plain text (for .ics, links and structured data)."""
    summary = event.metadata.get("summary")
    text = str(summary) if summary else (event.content or "")
    return Markup(text).striptags()
