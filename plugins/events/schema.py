"""The ``event`` record type: its keys (see docs/editors.md, "Events") and its checks.

Besides what an editor means, the checks bound what one file can cost a build: a rule
repeats at most daily and is short, dates are between FIRST_YEAR and LAST_YEAR, an event
covers at most EVENTS_MAX_DAYS days, and a rule is searched for its first date in bounded
time (:mod:`events.rules`). The number of dates in the window is checked on expansion
(:mod:`events.occurrences`), which needs the build's date.
"""

import re
from datetime import UTC, datetime

from dateutil.rrule import rrulestr
from icalendar import vRecur

from records import (
    URL,
    Choice,
    Country,
    DateTime,
    Field,
    FieldError,
    Integer,
    List,
    RecordType,
    Ref,
    Text,
    TimeZone,
    site_zone,
)
from records.builtin import IMAGE_FIELDS
from records.fields import FieldType

from .occurrences import day_count
from .rules import SEARCH_YEARS, first_date, rule_for
from .settings import max_days

STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled", "draft")
RULE_EXAMPLE = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=8"
RULE_FIX = f"write an RFC 5545 rule such as {RULE_EXAMPLE} or FREQ=MONTHLY;BYDAY=1MO"
# The parts of an RFC 5545 rule but BYHOUR, BYMINUTE and BYSECOND: the time comes from Start.
RULE_PARTS = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
)
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_RULE_LENGTH = 200  # the longest useful rule is about half that; dateutil's work grows with it
MAX_POSITIONS = 7  # BYSETPOS values: enough to pick any days of a week
FIRST_YEAR, LAST_YEAR = 1900, 2200


class Recurrence(FieldType):
    """An RFC 5545 RRULE value; returned upper-cased, without spaces or an ``RRULE:`` prefix.

    At most daily: no FREQ finer than DAILY, and no BYHOUR, BYMINUTE or BYSECOND."""

    example = RULE_EXAMPLE

    def parse(self, raw, context):
        text = re.sub(r"\s+", "", str(raw)).upper().removeprefix("RRULE:")
        if len(text) > MAX_RULE_LENGTH:
            raise FieldError(
                f"is {len(text)} characters long; a rule has at most {MAX_RULE_LENGTH}", RULE_FIX
            )
        parts = dict(part.partition("=")[::2] for part in text.split(";") if part)
        if "FREQ" not in parts:
            raise FieldError(f'"{raw}" has no FREQ part', RULE_FIX)
        if "COUNT" in parts and "UNTIL" in parts:
            raise FieldError(f'"{raw}" has both COUNT and UNTIL', "keep only one of them")
        try:
            recur = vRecur.from_ical(text)
            # UNTIL in UTC goes with a Start that has a time: try the rule with one of its form
            until = recur.get("UNTIL", [None])[0]
            zone = UTC if isinstance(until, datetime) and until.tzinfo else None
            rrulestr(text, dtstart=datetime(2000, 1, 1, tzinfo=zone))
        except (ValueError, TypeError, KeyError) as error:
            raise FieldError(
                f'"{raw}" is not a valid recurrence rule ({error})', RULE_FIX
            ) from None
        _check_parts(parts, recur)
        return text


def _check_parts(parts: dict, recur: vRecur) -> None:
    """What a valid rule may still do that the site does not take: repeat within a day,
    repeat forever on one date (INTERVAL=0), or cost dateutil much work for each day it walks
    (many BYSETPOS values), or fail in dateutil (a 9th Monday of the month)."""
    if parts["FREQ"] not in FREQUENCIES:
        raise FieldError(
            f'"FREQ={parts["FREQ"]}" repeats within a day; an event repeats at most daily',
            "use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, or write one event per time of day",
        )
    for name in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if name in parts:
            raise FieldError(
                f'"{name}" sets times within a day; an event repeats at most daily',
                f"remove {name}: every date is at the time of Start",
            )
    unknown = [name for name in parts if name not in RULE_PARTS]
    if unknown:
        raise FieldError(
            f'"{unknown[0]}" is not a part of an RFC 5545 rule that calendar apps read',
            "use only " + ", ".join(RULE_PARTS),
        )
    # dateutil goes through every BYSETPOS value for every day, week, month or year it walks
    positions = recur.get("BYSETPOS", [])
    if positions and parts["FREQ"] == "DAILY":
        raise FieldError(
            '"BYSETPOS" picks among the dates of a week, month or year; FREQ=DAILY has one',
            "remove BYSETPOS, or use it with FREQ=WEEKLY, MONTHLY or YEARLY",
        )
    if len(positions) > MAX_POSITIONS:
        raise FieldError(
            f'"BYSETPOS" has {len(positions)} values; a rule has at most {MAX_POSITIONS}',
            "keep the positions you need, e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 "
            "for the last weekday",
        )
    for name in ("INTERVAL", "COUNT"):
        if name in recur and recur[name][0] < 1:
            raise FieldError(f'"{name}={recur[name][0]}" is below 1', f"use {name}=1 or more")
    most = 5 if parts["FREQ"] == "MONTHLY" else 53
    for day in recur.get("BYDAY", []):
        number = re.match(r"[+-]?\d+", str(day))
        if number and abs(int(number[0])) > most:
            raise FieldError(
                f'"{day}" in BYDAY: there is no such weekday of the '
                + ("month" if most == 5 else "year"),
                f"use a number from 1 to {most} (or -1 for the last) before the weekday",
            )


class EventDateTime(DateTime):
    """A DateTime between FIRST_YEAR and LAST_YEAR: other years are typing mistakes, and a
    recurring event is expanded from its Start (a Start in the year 1 is 2,000 years to walk)."""

    def parse(self, raw, context):
        value = super().parse(raw, context)
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise FieldError(
                f"{value.isoformat()[:10]} is not between {FIRST_YEAR} and {LAST_YEAR}",
                "check the year",
            )
        return value


class EventEnd(EventDateTime):
    """End: at most EVENTS_MAX_DAYS calendar days from the day of Start (a month page lists
    the event on every one of them). Its form and order are checked by :func:`check`."""

    def parse(self, raw, context):
        end = super().parse(raw, context)
        start = context.values.get("start")
        if start is None or isinstance(start, datetime) != isinstance(end, datetime):
            return end
        days, most = day_count(start, end), max_days(context.settings)
        if days > most:
            raise FieldError(
                f"makes the event {days} days long; an event lasts at most {most} days",
                f"end it within {most} days of Start, or write one event for each part "
                "(the site's maintainer can raise EVENTS_MAX_DAYS)",
            )
        return end


def check(values: dict) -> list[tuple[str, str, str]]:
    """Rules across several keys: End after Start in the same form, a rule that fits Start."""
    start, end = values.get("start"), values.get("end")
    problems = []
    if end is not None and isinstance(start, datetime) != isinstance(end, datetime):
        problems.append(
            (
                "end",
                "is a whole day but Start has a time"
                if isinstance(start, datetime)
                else "has a time but Start is a whole day",
                "write Start and End in the same form: both YYYY-MM-DD or both YYYY-MM-DD HH:MM",
            )
        )
    elif end is not None and end < start:
        problems.append(("end", "is before Start", "make End the same as or later than Start"))
    if values.get("image") and not values.get("image-alt"):
        problems.append(("image-alt", "missing for the Image", 'add "Image-alt: what it shows"'))
    if values.get("recurrence") and not problems:
        problems.extend(_check_rule(values))
    return problems


def _check_rule(values: dict) -> list[tuple[str, str, str]]:
    start = values["start"]
    try:
        rule = rule_for(values)
    except (ValueError, TypeError) as error:
        until = (
            "UNTIL=20301231T235959Z (in UTC)"
            if isinstance(start, datetime)
            else "UNTIL=20301231 (a date)"
        )
        return [("recurrence", f"does not fit Start ({error})", f"write {until}")]
    try:
        first = first_date(rule, start)
    except (ValueError, IndexError) as error:  # dateutil fails on some values it accepted
        return [("recurrence", f"is not a valid recurrence rule ({error})", RULE_FIX)]
    if first is None:
        return [
            (
                "recurrence",
                f"gives no date in the {SEARCH_YEARS} years from Start ({start:%Y-%m-%d})",
                "check BYMONTH, BYMONTHDAY, BYYEARDAY and BYWEEKNO against each other "
                "(30 February never comes) and that UNTIL is after Start",
            )
        ]
    if first != start:
        return [
            (
                "recurrence",
                f"does not repeat on Start ({start:%Y-%m-%d}): its first date is {first:%Y-%m-%d}",
                "make Start the first day the rule gives, or change the rule",
            )
        ]
    return []


EVENT = RecordType(
    name="event",
    folder="events",
    context_name="events",
    template="event",
    url="events/{slug}/",
    save_as="events/{slug}/index.html",
    fields=(
        Field(
            "title",
            Text(),
            required=True,
            translatable=True,
            help="the name of the event, as readers see it",
        ),
        # Timezone comes before Start and End: they are read in its zone.
        Field(
            "timezone",
            TimeZone(),
            default=site_zone,
            help="the time zone of Start and End, a region and a city: Europe/Rome",
        ),
        Field(
            "start",
            EventDateTime(),
            required=True,
            help="when it starts: YYYY-MM-DD HH:MM, or YYYY-MM-DD for a whole day",
        ),
        Field("end", EventEnd(), help="when it ends, in the same form as Start (optional)"),
        Field("location", Text(), help="the place and its address on one line, or Online"),
        Field(
            "online", URL(), help="the address of the stream or call, if it can be joined online"
        ),
        Field(
            "country",
            Country(),
            help="the country where it takes place, as a two-letter code: PT (none if only online)",
        ),
        Field(
            "recurrence",
            Recurrence(),
            help="how it repeats, as a calendar rule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=8",
        ),
        Field(
            "status",
            Choice(STATUSES),
            default="scheduled",
            help="scheduled, cancelled, postponed, rescheduled, or draft (only in previews)",
        ),
        Field("campaign", Ref("campaign"), help="the campaign it belongs to, by id: day-of-prayer"),
        Field(
            "edition",
            Integer(minimum=1900, maximum=2200),
            help="the year of that campaign's edition: 2026",
        ),
        Field(
            "organizers",
            List(Ref("partner")),
            default=[],
            help="the partners who organise it, by id, separated by commas",
        ),
        Field("registration", URL(), help="the address where people sign up, if they must"),
        *IMAGE_FIELDS,
        Field(
            "summary",
            Text(max_length=5000, multiline=True),
            translatable=True,
            help="one or two sentences shown in lists and calendars",
        ),
    ),
    check=check,
    order_by=lambda record: (
        record.start
        if isinstance(record.start, datetime)
        else datetime.combine(record.start, datetime.min.time(), record.timezone)
    ),
)
