"""iCalendar files, written with the ``icalendar`` library: one event, or a feed of many."""

import calendar as calendar_module
import contextlib
import functools
import hashlib
import json
import os
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

# RFC 5545 has no "postponed": a postponed event stays in calendars, marked tentative.
ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
    "draft": "TENTATIVE",  # only in previews: never in a feed
}


def uid(event, domain: str) -> str:
    """Stable across rebuilds and time changes: the event's id, never its date."""
    return f"{event.id}@{domain}"


class Zones:
    """The VTIMEZONE components of one build, made once per zone and first year: files share them.

    Each is valid from 1 January of its first year for ever after (see :func:`vtimezone`), so
    only the first year of a file's events matters. Making one reads a zone's changes from
    zoneinfo year by year (about 50 ms a zone): with a ``folder`` (Pelican's cache, named after
    the kit's code), each is kept there between builds as its iCalendar text, under the zone's
    name, the year and a digest of the zone's data and of the icalendar library's version, so
    that new zone rules or a new library make it again.
    """

    FILE = "vtimezones.json"

    def __init__(self, folder: str | None = None):
        self._made: dict[tuple[str, int], Timezone] = {}
        self._path = folder and os.path.join(folder, self.FILE)
        self._kept: dict[str, str] = {}
        self._added = False
        if self._path:
            with contextlib.suppress(OSError, ValueError):
                with open(self._path, encoding="utf-8") as file:
                    kept = json.load(file)
                if isinstance(kept, dict):
                    self._kept = kept

    def get(self, tzid: str, first: date) -> Timezone:
        key = (tzid, first.year)
        if key not in self._made:
            self._made[key] = self._load(tzid, first.year)
        return self._made[key]

    def _load(self, tzid: str, year: int) -> Timezone:
        data = _zone_data(tzid) if self._path else None
        if data is None:
            return vtimezone(tzid, year)
        name = f"{tzid} {year} {_digest(data)}"
        text = self._kept.get(name)
        if isinstance(text, str):
            with contextlib.suppress(ValueError):
                return Timezone.from_ical(text)
        made = vtimezone(tzid, year)
        self._kept[name] = made.to_ical().decode()
        self._added = True
        return made

    def save(self) -> None:
        """Keep the components made in this build for the next (when any was made)."""
        if not self._added:
            return
        temporary = f"{self._path}.{os.getpid()}.tmp"
        with contextlib.suppress(OSError):  # a cache not written only costs the next build time
            with open(temporary, "w", encoding="utf-8") as file:
                json.dump(self._kept, file)
            os.replace(temporary, self._path)
        self._added = False


def _zone_data(tzid: str) -> bytes | None:
    """The compiled data of zone ``tzid``, where zoneinfo finds it (its TZPATH, then the tzdata
    package), or None."""
    for folder in zoneinfo.TZPATH:
        path = Path(folder, tzid)
        if path.is_file():
            with contextlib.suppress(OSError):
                return path.read_bytes()
    with contextlib.suppress(ImportError, OSError, ValueError):
        return resources.files("tzdata.zoneinfo").joinpath(*tzid.split("/")).read_bytes()
    return None


def _digest(data: bytes) -> str:
    made_by = f"icalendar {icalendar.__version__}\0".encode()
    return hashlib.sha256(made_by + data).hexdigest()[:16]


def calendar(views: list, conf, now: datetime, name: str, zones: Zones | None = None) -> bytes:
    """A VCALENDAR of ``views`` (each an :class:`~events.view.EventView`), folded, CRLF."""
    zones = zones or Zones()
    cal = Calendar()
    cal.add("prodid", f"-//{conf.sitename}//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for view in views:
        cal.add_component(vevent(view, conf, now))
    if views:
        first = min(_day(v.event.start) for v in views) - timedelta(days=1)
        for tzid in sorted(cal.get_missing_tzids(), reverse=True):
            cal.subcomponents.insert(0, zones.get(tzid, first))  # before the events
    return cal.to_ical()


def vevent(view, conf, now: datetime) -> Event:
    event = view.event
    first = view.first
    item = Event()
    item.add("uid", uid(event, conf.uid_domain))
    item.add("dtstamp", now.astimezone(UTC))
    item.add("dtstart", first.start)
    item.add("dtend", first.end_exclusive)
    if event.recurrence:
        item.add("rrule", vRecur.from_ical(event.recurrence))
    item.add("summary", event.title)
    item.add("status", ICAL_STATUS[view.status])
    if view.absolute_url:
        item.add("url", view.absolute_url)
    if view.location_text:
        item.add("location", view.location_text)
    if view.description:
        item.add("description", view.description)
    if view.campaign:
        item.add("categories", [view.campaign.title])
    return item


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


# VTIMEZONE: a zone's changes from zoneinfo, listed one by one, then its current yearly rules
#
# Readers that build a zone from the file's own VTIMEZONE (vobject, ical.js, so Thunderbird and
# Nextcloud) keep its last offset after its last listed change: a zone must never end while an
# event may still occur. RFC 5545 lets an observance repeat by an RRULE with no end, and every
# reader extends such a rule as far as it needs. What each reader needs:
#
# - ical.js reads only the RDATEs of an observance that has any, DTSTART aside: DTSTART is one of
#   them; it expands an RRULE from DTSTART, which must be its first onset;
# - ical.js finds no offset at all (it says UTC) before the first onset of a VTIMEZONE, so each
#   starts with an observance on 1 January of the first year, before any event;
# - vobject (dateutil) reads only the first date of an RDATE list: one RDATE a line;
# - ical.js matches BYMONTHDAY beside BYDAY and BYMONTH only in positive days (1 to 31).

# Changes are read from zoneinfo up to this year. tzdata lists its changes one by one up to 2087
# at most (Morocco's, which follow Ramadan), then each zone follows the yearly rule of its POSIX
# TZ string for ever: the last years before HORIZON show a zone's rule for ever after.
HORIZON = 2100
# A yearly pattern is written as a rule when it holds over this many years up to HORIZON. A zone
# whose changes follow no pattern that these rules can say (none in tzdata 2025b or 2026f) lists
# them one by one up to HORIZON and keeps its last offset after it: tzdata itself cannot foretell
# the changes of a zone without a yearly rule.
RULE_YEARS = 10
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DAY = 86400


def vtimezone(tzid: str, first_year: int) -> Timezone:
    """The VTIMEZONE of ``tzid``, right from 1 January of ``first_year`` for ever after.

    - An observance on 1 January of ``first_year`` gives the offset then;
    - the zone's changes until its current rules hold: one observance per kind of change (from
      offset, to offset, summer time or not, abbreviation), its onsets each an RDATE;
    - its current rules, derived from its changes in the years before :data:`HORIZON`: one
      observance per yearly change, with an RRULE and no end (``FREQ=YEARLY;BYMONTH=3;
      BYDAY=-1SU`` for the start of summer time in the EU). A zone without summer time (or whose
      last change is before ``first_year``) has no more than the first observance.
    """
    zone = ZoneInfo(tzid)
    begin = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    offset, daylight, name = _state(zone, begin)
    observances = [_observance((daylight, offset, offset, name), [_wall(begin, offset)])]
    since, rules = _current_rules(tzid, first_year, max(HORIZON, first_year + 2 * RULE_YEARS) - 1)
    onsets: dict[tuple, list[datetime]] = {}
    for year in range(first_year, since):
        for change in _changes(tzid, year):
            if change.at > begin:
                onsets.setdefault(change.kind, []).append(change.wall)
    observances += [_observance(kind, walls) for kind, walls in onsets.items()]
    for kind, rule in rules:
        for part in rule.parts:  # its first onset: the calendar repeats itself every 400 years
            onset = next(filter(None, (part.day(year) for year in range(since, since + 400))), None)
            if onset:
                wall = datetime.combine(onset, rule.time)
                observances.append(_observance(kind, [wall], part.rrule()))
    zone_component = Timezone()
    zone_component.add("tzid", tzid)
    for observance in sorted(observances, key=lambda o: o.DTSTART):
        zone_component.add_component(observance)
    return zone_component


def _observance(kind: tuple, onsets: list[datetime], rule: dict | None = None):
    """STANDARD or DAYLIGHT of a ``kind`` of change (see :attr:`_Change.kind`) from its
    ``onsets`` (local times on the clocks before it), or from the first and a yearly ``rule``."""
    daylight, before, after, name = kind
    observance = TimezoneDaylight() if daylight else TimezoneStandard()
    observance.add("dtstart", onsets[0])
    observance.add("tzoffsetfrom", before)
    observance.add("tzoffsetto", after)
    observance.add("tzname", name)
    if rule:
        observance.add("rrule", rule)
    elif len(onsets) > 1:
        for onset in onsets:
            observance.add("rdate", onset)
    return observance


@dataclass(frozen=True)
class _Change:
    """A change of a zone's offset, summer time or abbreviation, at the UTC instant ``at``."""

    at: datetime
    before: timedelta
    after: timedelta
    daylight: bool
    name: str

    @property
    def wall(self) -> datetime:
        """Its local time on the clocks before it: what an observance's DTSTART says."""
        return _wall(self.at, self.before)

    @property
    def kind(self) -> tuple[bool, timedelta, timedelta, str]:
        return (self.daylight, self.before, self.after, self.name)


def _wall(instant: datetime, offset: timedelta) -> datetime:
    return (instant + offset).replace(tzinfo=None)


def _state(zone: ZoneInfo, instant: datetime) -> tuple[timedelta, bool, str]:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.dst() > timedelta(0), local.tzname() or ""


@functools.cache
def _changes_in_utc_year(tzid: str, year: int) -> tuple[_Change, ...]:
    """The changes of ``tzid`` after 1 January of ``year`` (UTC) up to 1 January of the next:
    zoneinfo's state day by day, each change pinned to the second by bisection."""
    zone = ZoneInfo(tzid)

    def state(second: int) -> tuple[timedelta, bool, str]:
        return _state(zone, EPOCH + timedelta(seconds=second))

    first = int((datetime(year, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())
    last = int((datetime(year + 1, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())
    found = []
    low, before = first, state(first)
    for high in [*range(first + DAY, last, DAY), last]:
        after = state(high)
        while after != before:  # maybe several changes in one day
            lo, hi = low, high
            while hi - lo > 1:
                middle = (lo + hi) // 2
                lo, hi = (middle, hi) if state(middle) == before else (lo, middle)
            now = state(hi)
            found.append(_Change(EPOCH + timedelta(seconds=hi), before[0], *now))
            low, before = hi, now
        low = high
    return tuple(found)


@functools.cache
def _changes(tzid: str, year: int) -> tuple[_Change, ...]:
    """The changes of ``tzid`` whose local time is in ``year``."""
    around = [c for y in (year - 1, year, year + 1) for c in _changes_in_utc_year(tzid, y)]
    return tuple(change for change in around if change.wall.year == year)


@dataclass(frozen=True)
class _Part:
    """One RRULE of a yearly change: in ``month``, its ``nth`` ``weekday`` (-1: the last), or
    the ``weekday`` that falls on one of ``days``, or the day ``days[0]``."""

    month: int
    days: tuple[int, ...] = ()
    weekday: int | None = None
    nth: int | None = None

    def day(self, year: int) -> date | None:
        length = calendar_module.monthrange(year, self.month)[1]
        if self.nth is not None:
            days = [
                d for d in range(1, length + 1) if _weekday(year, self.month, d) == self.weekday
            ]
            return date(year, self.month, days[self.nth - 1 if self.nth > 0 else self.nth])
        days = [
            d
            for d in self.days
            if d <= length and self.weekday in (None, _weekday(year, self.month, d))
        ]
        return date(year, self.month, days[0]) if len(days) == 1 else None

    def rrule(self) -> dict:
        rule = {"freq": "yearly", "bymonth": self.month}
        if self.nth is not None:
            rule["byday"] = f"{self.nth}{WEEKDAYS[self.weekday]}"
            return rule
        if self.weekday is not None:
            rule["byday"] = WEEKDAYS[self.weekday]
        rule["bymonthday"] = list(self.days)
        return rule


def _weekday(year: int, month: int, day: int) -> int:
    return date(year, month, day).weekday()


@dataclass(frozen=True)
class _Yearly:
    """A change once a year at ``time`` (on the clocks before it), on the one day its parts
    give: two parts when the days it may fall on straddle the end of a month."""

    parts: tuple[_Part, ...]
    time: time

    def wall(self, year: int) -> datetime | None:
        days = [day for part in self.parts if (day := part.day(year))]
        return datetime.combine(days[0], self.time) if len(days) == 1 else None


def _candidates(wall: datetime) -> list[_Yearly]:
    """Rules that give the change at ``wall``, simplest first: its weekday's rank in the month
    (first to fourth, or last), its day of the month, or its weekday in a window of 7 days (the
    Saturday before the last Sunday: ``BYDAY=SA;BYMONTHDAY=24,...,30``)."""
    day, weekday = wall.date(), wall.weekday()
    length = calendar_module.monthrange(day.year, day.month)[1]
    parts = []
    if day.day + 7 > length:
        parts.append((_Part(day.month, weekday=weekday, nth=-1),))
    if day.day <= 28:
        parts.append((_Part(day.month, weekday=weekday, nth=(day.day - 1) // 7 + 1),))
    parts.append((_Part(day.month, days=(day.day,)),))
    for back in range(7):
        window = [day + timedelta(days=n - back) for n in range(7)]
        months = dict.fromkeys((d.year, d.month) for d in window)
        parts.append(
            tuple(
                _Part(
                    month,
                    tuple(d.day for d in window if (d.year, d.month) == (year, month)),
                    weekday,
                )
                for year, month in months
            )
        )
    return [_Yearly(p, wall.time()) for p in parts]


@functools.cache
def _current_rules(tzid: str, first_year: int, last_year: int) -> tuple[int, tuple]:
    """``(since, rules)``: from the year ``since`` (``first_year`` at the earliest) up to
    ``last_year`` and so for ever, the changes of ``tzid`` are those of ``rules``, pairs of a
    kind of change and its :class:`_Yearly` rule; none for a zone that no longer changes.

    Each change of ``last_year`` takes the candidate rule that holds the most years back; a
    pattern of fewer than :data:`RULE_YEARS` years is no rule: ``(last_year + 1, ())``.
    """

    def holds(kind, rule: _Yearly, year: int) -> bool:
        wall = rule.wall(year)
        return any(c.kind == kind and c.wall == wall for c in _changes(tzid, year))

    def years(kind, rule: _Yearly) -> int:
        year = last_year
        while year > first_year and holds(kind, rule, year - 1):
            year -= 1
        return year

    rules = []
    for change in _changes(tzid, last_year):
        kind = change.kind
        rules.append((kind, min(_candidates(change.wall), key=lambda r: years(kind, r))))

    def follows(year: int) -> bool:
        said = sorted((kind, rule.wall(year) or datetime.min) for kind, rule in rules)
        return said == sorted((c.kind, c.wall) for c in _changes(tzid, year))

    since = last_year
    while since > first_year and follows(since - 1):
        since -= 1
    if rules and last_year - since + 1 < RULE_YEARS:
        return last_year + 1, ()
    return since, tuple(rules)
