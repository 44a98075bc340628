"""A recurrence rule in words, in the language of the pages: "Every month on the first Monday".

Phrases are built from Babel's data (day and month names, dates, lists, numbers) and a few UI
strings of the theme's catalogs, extracted from this file with the templates' (theme/babel.cfg).
A rule they do not cover (BYSETPOS, BYYEARDAY, BYWEEKNO, a fifth or second-to-last weekday,
every Monday of a month…) reads "Repeats (see the calendar file)": the .ics file carries the
rule itself, and the event's page lists its coming dates.
"""

import re
from datetime import date, datetime

from babel.dates import format_date, format_skeleton, get_day_names, get_month_names
from babel.lists import format_list
from babel.numbers import format_decimal
from icalendar import vRecur

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"}
WEEKDAY = re.compile(r"([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)")


def N_(message: str) -> str:
    """Marks a string for extraction; it is translated where it is used."""
    return message


# One string per position and weekday, not "the %(nth)s %(weekday)s": in many languages the
# ordinal agrees with the weekday (la prima domenica, il primo lunedì; w pierwszą środę).
NTH_WEEKDAYS = {
    1: (
        N_("the first Monday"),
        N_("the first Tuesday"),
        N_("the first Wednesday"),
        N_("the first Thursday"),
        N_("the first Friday"),
        N_("the first Saturday"),
        N_("the first Sunday"),
    ),
    2: (
        N_("the second Monday"),
        N_("the second Tuesday"),
        N_("the second Wednesday"),
        N_("the second Thursday"),
        N_("the second Friday"),
        N_("the second Saturday"),
        N_("the second Sunday"),
    ),
    3: (
        N_("the third Monday"),
        N_("the third Tuesday"),
        N_("the third Wednesday"),
        N_("the third Thursday"),
        N_("the third Friday"),
        N_("the third Saturday"),
        N_("the third Sunday"),
    ),
    4: (
        N_("the fourth Monday"),
        N_("the fourth Tuesday"),
        N_("the fourth Wednesday"),
        N_("the fourth Thursday"),
        N_("the fourth Friday"),
        N_("the fourth Saturday"),
        N_("the fourth Sunday"),
    ),
    -1: (
        N_("the last Monday"),
        N_("the last Tuesday"),
        N_("the last Wednesday"),
        N_("the last Thursday"),
        N_("the last Friday"),
        N_("the last Saturday"),
        N_("the last Sunday"),
    ),
}


class Unsupported(Exception):
    """A rule the phrases do not cover."""


def rule_in_words(rule: str, start: date | datetime, locale, text, time: str = "") -> str:
    """``rule`` (a Recurrence value) in words, in ``locale`` with the UI strings ``text`` (a
    gettext catalog). ``start`` gives what the rule leaves to it (the weekday of a weekly rule,
    the day of a monthly one); ``time`` ("17:00 CET") is said after the days."""
    try:
        parts = vRecur.from_ical(rule)
        words = _days(parts, start, locale, text)
    except (Unsupported, ValueError, KeyError):
        return text.gettext("Repeats (see the calendar file)")
    if time:
        # Translators: a rule, then its time of day: "Every week on Monday, 17:00 CET"
        words = text.pgettext("rule and time", "%(rule)s, %(time)s") % {
            "rule": words,
            "time": time,
        }
    if "COUNT" in parts:
        count = int(parts["COUNT"][0])
        # Translators: how many times the event takes place in all, from its first date
        words = text.ngettext("%(rule)s, %(num)d time", "%(rule)s, %(num)d times", count) % {
            "rule": words,
            "num": count,
        }
    if "UNTIL" in parts:
        words = text.gettext("%(rule)s, until %(date)s") % {
            "rule": words,
            "date": format_date(_last_day(parts["UNTIL"][0], start), "long", locale=locale),
        }
    return words


def _last_day(until: date | datetime, start: date | datetime) -> date:
    """The last day a rule ending at ``until`` can give, in the event's zone: an UNTIL of
    23:59 UTC is the next morning in Manila, and already the next day in Brussels, where
    an evening event of that day comes after it."""
    if not isinstance(until, datetime):
        return until
    if not isinstance(start, datetime):
        return until.date()
    local = until.astimezone(start.tzinfo)
    last = local.date()
    if datetime.combine(last, start.timetz()) > local:
        last = date.fromordinal(last.toordinal() - 1)
    return last


def _days(parts: dict, start: date | datetime, locale, text) -> str:
    """The rule's frequency and days, without its time and end."""
    if set(parts) - PARTS:
        raise Unsupported
    freq = str(parts["FREQ"][0])
    interval = int(parts.get("INTERVAL", [1])[0])
    days = [_weekday(str(value)) for value in parts.get("BYDAY", [])]
    monthdays = [int(value) for value in parts.get("BYMONTHDAY", [])]
    months = [int(str(value)) for value in parts.get("BYMONTH", [])]
    if freq == "DAILY" and days and interval == 1:
        freq = "WEEKLY"  # every day that is a Tuesday or a Thursday
    every = _every(freq, interval, text)
    in_months = False  # whether the words name the months already
    if freq == "DAILY" and not (days or monthdays):
        words = every
    elif freq == "WEEKLY" and not monthdays and not any(nth for nth, _ in days):
        weekdays = sorted({day for _, day in days} or {start.weekday()})
        weekdays.sort(key=lambda day: (day - locale.first_week_day) % 7)
        names = get_day_names("wide", locale=locale)
        # Translators: "Every week on Tuesday and Thursday"; %(days)s is a list of day names
        words = text.pgettext("weekdays", "%(every)s on %(days)s") % {
            "every": every,
            "days": format_list([names[day] for day in weekdays], locale=locale),
        }
    elif freq == "MONTHLY" and days and not monthdays:
        # Translators: "Every month on the first Monday"; %(days)s is a list of "the first
        # Monday", "the last Friday"…
        words = text.pgettext("weekdays of the month", "%(every)s on %(days)s") % {
            "every": every,
            "days": _nth_weekdays(days, locale, text),
        }
    elif freq == "MONTHLY" and not days:
        words = _monthdays(every, monthdays or [start.day], locale, text)
    elif freq == "YEARLY" and days and months and not monthdays:
        names = get_month_names("wide", locale=locale)
        # Translators: "Every year on the fourth Thursday of November"
        words = text.pgettext("weekdays of months", "%(every)s on %(days)s of %(months)s") % {
            "every": every,
            "days": _nth_weekdays(days, locale, text),
            "months": format_list([names[month] for month in months], locale=locale),
        }
        in_months = True
    elif freq == "YEARLY" and not days:
        dates = [
            format_skeleton("MMMMd", date(2000, month, day), locale=locale)
            for month in months or [start.month]
            for day in _positive(monthdays or [start.day])
        ]
        # Translators: "Every year on 8 February"; %(dates)s is a list of days of the year
        words = text.pgettext("dates", "%(every)s on %(dates)s") % {
            "every": every,
            "dates": format_list(dates, locale=locale),
        }
        in_months = True
    else:
        raise Unsupported
    if not months or in_months:
        return words
    names = get_month_names("wide", context="stand-alone", locale=locale)
    # Translators: a rule that repeats only in some months: "Every week on Monday, in June
    # and July"
    return text.pgettext("months", "%(rule)s, in %(months)s") % {
        "rule": words,
        "months": format_list([names[month] for month in months], locale=locale),
    }


def _weekday(value: str) -> tuple[int, int]:
    """``1MO`` -> (1, 0), ``-1FR`` -> (-1, 4), ``TU`` -> (0, 1)."""
    found = WEEKDAY.fullmatch(value)
    if found is None:
        raise Unsupported
    return int(found[1] or 0), WEEKDAYS.index(found[2])


def _positive(monthdays: list[int]) -> list[int]:
    if any(day < 1 for day in monthdays):
        raise Unsupported
    return sorted(monthdays)


def _every(freq: str, interval: int, text) -> str:
    match freq, interval:
        case "DAILY", 1:
            return text.gettext("Every day")
        case "WEEKLY", 1:
            return text.gettext("Every week")
        case "MONTHLY", 1:
            return text.gettext("Every month")
        case "YEARLY", 1:
            return text.gettext("Every year")
        case "DAILY", _:
            found = text.ngettext("Every %(num)d day", "Every %(num)d days", interval)
        case "WEEKLY", _:
            found = text.ngettext("Every %(num)d week", "Every %(num)d weeks", interval)
        case "MONTHLY", _:
            found = text.ngettext("Every %(num)d month", "Every %(num)d months", interval)
        case "YEARLY", _:
            found = text.ngettext("Every %(num)d year", "Every %(num)d years", interval)
        case _:
            raise Unsupported
    return found % {"num": interval}


def _nth_weekdays(days: list[tuple[int, int]], locale, text) -> str:
    if any(nth not in NTH_WEEKDAYS for nth, _ in days):
        raise Unsupported
    ordered = sorted(days, key=lambda item: (item[0] < 0, item[0], item[1]))
    names = [text.gettext(NTH_WEEKDAYS[nth][day]) for nth, day in ordered]
    return format_list(names, locale=locale)


def _monthdays(every: str, monthdays: list[int], locale, text) -> str:
    if monthdays == [-1]:
        # Translators: "Every month on the last day"
        return text.pgettext("last day of the month", "%(every)s on the last day") % {
            "every": every
        }
    days = _positive(monthdays)
    # Translators: "Every month on day 15", "Every 2 months on days 1 and 15"
    found = text.npgettext(
        "days of the month", "%(every)s on day %(days)s", "%(every)s on days %(days)s", len(days)
    )
    numbers = [format_decimal(day, locale=locale) for day in days]
    return found % {"every": every, "days": format_list(numbers, locale=locale)}
