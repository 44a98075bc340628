"""Month pages: a grid of weeks for each month that has an event."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from babel.dates import get_day_names


@dataclass
class Day:
    date: date
    in_month: bool
    today: bool
    occurrences: list


@dataclass
class Month:
    year: int
    month: int
    url: str
    save_as: str
    occurrences: list = field(default_factory=list)  # every occurrence on a day of the month
    previous: "Month | None" = None
    next: "Month | None" = None

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def events(self) -> list:
        """The month's distinct occurrences, in order (an event over many days counts once)."""
        return list({id(o): o for o in self.occurrences}.values())


def weeks(month: Month, by_day: dict, today: date, first_weekday: int) -> list[list[Day]]:
    """The weeks of ``month`` as rows of seven days, from the locale's first day of the week."""
    first = month.first
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    start = first - timedelta(days=(first.weekday() - first_weekday) % 7)
    end = last + timedelta(days=6 - (last.weekday() - first_weekday) % 7)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    cells = [Day(d, d.month == month.month, d == today, by_day.get(d, [])) for d in days]
    return [cells[n : n + 7] for n in range(0, len(cells), 7)]


def weekday_names(locale, first_weekday: int) -> list[tuple[str, str]]:
    """(full name, short name) of the seven weekdays, in column order."""
    wide = get_day_names("wide", locale=locale)
    short = get_day_names("abbreviated", locale=locale)
    order = [(first_weekday + n) % 7 for n in range(7)]
    return [(wide[n], short[n]) for n in order]
