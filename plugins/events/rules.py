"""Recurrence rules as dateutil rules, and the first date of one, found in bounded time.

dateutil walks a rule period by period from its DTSTART (day by day for FREQ=DAILY) and
stops only at a date the rule gives, once such a date passes UNTIL or COUNT, or after the
year 9999. A rule that gives no date at all (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) is
thus walked to the year 9999: seconds of work for one file. ``between``, ``xafter`` or an
earlier UNTIL do not shorten that walk, as they are only looked at when a date is found.

:func:`first_date` bounds it with the calendar's own cycle: leap years and weekdays repeat
every 400 years (146,097 days, exactly 20,871 weeks), so a rule gives the same dates, 400
years later, from a Start moved by 400 years. The search starts from a copy of Start moved
by whole cycles into the last centuries before 9999, where dateutil's own end stops it
after at most SEARCH_YEARS + 400 years. Once a rule is known to give its Start, walking on
costs at most one cycle between two dates, so expansion (:mod:`events.occurrences`) is
bounded too: by the span from Start (not before 1900) to the end of the window.
"""

from datetime import MAXYEAR, date, datetime

from dateutil.rrule import rrule, rrulestr

CYCLE_YEARS = 400
SEARCH_YEARS = 100  # a rule that gives no date this long after its Start is refused


def _anchor(start: date | datetime) -> datetime:
    return start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())


def rule_for(values: dict) -> rrule:
    """The dateutil rule of an event's values, anchored at its Start (dates at midnight).

    Raises ValueError when the rule and Start do not fit (an UNTIL of the wrong form)."""
    return rrulestr(values["recurrence"], dtstart=_anchor(values["start"]))


def first_date(rule: rrule, start: date | datetime) -> date | datetime | None:
    """The first date ``rule`` (anchored at ``start``) gives, a date for an all-day event; None
    when it gives none in the SEARCH_YEARS years after Start, or UNTIL comes before it.

    A rule dateutil cannot walk raises dateutil's error (IndexError, ValueError).
    """
    anchor = _anchor(start)
    cycles = max(0, (MAXYEAR - SEARCH_YEARS - anchor.year) // CYCLE_YEARS)
    moved = anchor.replace(year=anchor.year + cycles * CYCLE_YEARS)
    # The same rule from the moved Start, without its end: does it give anything at all?
    if next(iter(rule.replace(dtstart=moved, until=None, count=None)), None) is None:
        return None
    # It does, within the search: the rule itself walks no further than that first date,
    # where it gives it, or stops at UNTIL (COUNT is at least 1).
    first = next(iter(rule), None)
    if first is None or isinstance(start, datetime):
        return first
    return first.date()
