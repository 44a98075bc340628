"""Occurrences: the dated instances of an event, a recurring event's expanded in a window."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property

from records import FieldError

from .rules import rule_for

ONE_HOUR = timedelta(hours=1)
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Occurrence:
    """One instance of an event. Timed: aware datetimes in the event's zone. All-day: dates,
    ``end`` being the last day (inclusive) and ``end_exclusive`` the day after it."""

    event: object  # the event record
    start: date | datetime
    end: date | datetime
    index: int = 0  # 0 for the event's own Start, then 1, 2… for later occurrences

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def end_exclusive(self) -> date | datetime:
        return self.end + ONE_DAY if self.all_day else self.end

    @cached_property
    def start_utc(self) -> datetime:
        return _instant(self.start, self.event.timezone)

    @cached_property
    def end_utc(self) -> datetime:
        return _instant(self.end_exclusive, self.event.timezone)

    @property
    def start_iso(self) -> str:
        """For ``<time datetime>``: the UTC instant (``2026-02-06T10:00Z``), or the date."""
        return self.start.isoformat() if self.all_day else f"{self.start_utc:%Y-%m-%dT%H:%MZ}"

    @property
    def end_iso(self) -> str:
        """For ``<time datetime>``: the UTC instant, or the last day of an all-day event."""
        return self.end.isoformat() if self.all_day else f"{self.end_utc:%Y-%m-%dT%H:%MZ}"

    @property
    def multi_day(self) -> bool:
        return self.first_day != self.last_day

    @property
    def first_day(self) -> date:
        return self.start if self.all_day else self.start.date()

    @property
    def last_day(self) -> date:
        return last_day(self.start, self.end)

    def days(self) -> list[date]:
        count = day_count(self.start, self.end)
        return [self.first_day + timedelta(days=n) for n in range(count)]

    def is_past(self, now: datetime) -> bool:
        return self.end_utc <= now


def last_day(start: date | datetime, end: date | datetime) -> date:
    """The last day an event from ``start`` to ``end`` takes up (``end`` inclusive if a date)."""
    if not isinstance(start, datetime):
        return end
    # an event that ends at midnight does not take up the next day
    return (end - timedelta(microseconds=1)).date() if end > start else start.date()


def day_count(start: date | datetime, end: date | datetime) -> int:
    """How many calendar days an event from ``start`` to ``end`` takes up."""
    first = start.date() if isinstance(start, datetime) else start
    return (last_day(start, end) - first).days + 1


def _instant(value: date | datetime, zone) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.combine(value, time(0), zone).astimezone(UTC)


def duration(event) -> timedelta:
    """How long each occurrence lasts: End - Start (wall-clock), else one hour or one day."""
    if event.end is not None:
        return event.end - event.start
    return ONE_HOUR if isinstance(event.start, datetime) else timedelta(0)


def expand(event, today: datetime, years: int, limit: int) -> list[Occurrence]:
    """The occurrences of ``event``: its Start, and for a recurring event every occurrence
    that ends after ``years`` years before ``today`` and starts before ``years`` years after.
    ``today`` is the start of the build's day in the site's zone, not the build's instant, so
    that the dates shown change only when the day does (:func:`records.changes_at`).

    More than ``limit`` of them is a :class:`FieldError` of the event's Recurrence: the walk
    stops there, and the rule was checked to give its Start (:mod:`events.rules`), so it
    takes bounded time whatever the rule."""
    length = duration(event)
    if not event.recurrence:
        return [Occurrence(event, event.start, event.start + length)]
    zone = event.timezone
    low = (today - timedelta(days=366 * years)).astimezone(zone).replace(tzinfo=None)
    high = (today + timedelta(days=366 * years)).astimezone(zone).replace(tzinfo=None)
    timed = isinstance(event.start, datetime)
    found = []
    for index, when in enumerate(rule_for(event.fields)):
        naive = when.replace(tzinfo=None)
        if naive > high:
            break
        if naive + length + (timedelta(0) if timed else ONE_DAY) < low:
            continue
        if len(found) == limit:
            raise FieldError(
                f"gives more than {limit} dates between {low:%Y-%m-%d} and {high:%Y-%m-%d}, "
                "the years the site shows",
                "make it repeat less often, or end it sooner with UNTIL or COUNT",
            )
        start = when if timed else when.date()
        found.append(Occurrence(event, start, start + length, index))
    return found
