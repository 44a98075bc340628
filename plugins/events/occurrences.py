"""Occurrences: the dated instances of an event, a recurring event's expanded in a window."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property

from .schema import rule_for

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
    def multi_day(self) -> bool:
        return self.first_day != self.last_day

    @property
    def first_day(self) -> date:
        return self.start if self.all_day else self.start.date()

    @property
    def last_day(self) -> date:
        if self.all_day:
            return self.end
        # an event that ends at midnight does not take up the next day
        return (
            (self.end - timedelta(microseconds=1)).date()
            if self.end > self.start
            else (self.start.date())
        )

    def days(self) -> list[date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=n) for n in range(count)]

    def is_past(self, now: datetime) -> bool:
        return self.end_utc <= now


def _instant(value: date | datetime, zone) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.combine(value, time(0), zone).astimezone(UTC)


def duration(event) -> timedelta:
    """How long each occurrence lasts: End - Start (wall-clock), else one hour or one day."""
    if event.end is not None:
        return event.end - event.start
    return ONE_HOUR if isinstance(event.start, datetime) else timedelta(0)


def expand(event, now: datetime, years: int) -> list[Occurrence]:
    """The occurrences of ``event``: its Start, and for a recurring event every occurrence
    that ends after ``years`` years before ``now`` and starts before ``years`` years after."""
    length = duration(event)
    if not event.recurrence:
        return [Occurrence(event, event.start, event.start + length)]
    zone = event.timezone
    low = (now - timedelta(days=366 * years)).astimezone(zone).replace(tzinfo=None)
    high = (now + timedelta(days=366 * years)).astimezone(zone).replace(tzinfo=None)
    timed = isinstance(event.start, datetime)
    found = []
    for index, when in enumerate(rule_for(event.fields)):
        naive = when.replace(tzinfo=None)
        if naive > high:
            break
        if naive + length + (timedelta(0) if timed else ONE_DAY) < low:
            continue
        start = when if timed else when.date()
        found.append(Occurrence(event, start, start + length, index))
    return found
