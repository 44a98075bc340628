"""When a campaign's day comes: the next one, how far away, and which edition it belongs to."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo


def day_in_year(month: int, day: int, year: int) -> date:
    """The campaign day in ``year``; a 29 February day falls on the 28th in other years."""
    if (month, day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


@dataclass(frozen=True)
class NextDay:
    """The next campaign day (or today's), counted in the campaign's own time zone."""

    date: date
    days_left: int

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def is_today(self) -> bool:
        return self.days_left == 0


def next_day(month: int, day: int, zone: ZoneInfo, now: datetime) -> NextDay:
    today = now.astimezone(zone).date()
    candidate = day_in_year(month, day, today.year)
    if candidate < today:
        candidate = day_in_year(month, day, today.year + 1)
    return NextDay(candidate, (candidate - today).days)
