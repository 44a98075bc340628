"""The ``event`` record type: its keys (see docs/editors.md, "Events") and its checks."""

import re
import zoneinfo
from datetime import date, datetime

from dateutil.rrule import rrulestr
from icalendar import vRecur

from records import (
    URL,
    Choice,
    DateTime,
    Field,
    FieldError,
    File,
    Integer,
    List,
    RecordType,
    Ref,
    Text,
    TimeZone,
)
from records.builtin import IMAGE_TYPES
from records.fields import FieldType

STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled")
RULE_EXAMPLE = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=8"
RULE_FIX = f"write an RFC 5545 rule such as {RULE_EXAMPLE} or FREQ=MONTHLY;BYDAY=1MO"


class Recurrence(FieldType):
    """An RFC 5545 RRULE value; returned upper-cased, without spaces or an ``RRULE:`` prefix."""

    example = RULE_EXAMPLE

    def parse(self, raw, context):
        text = re.sub(r"\s+", "", str(raw)).upper().removeprefix("RRULE:")
        parts = dict(part.partition("=")[::2] for part in text.split(";") if part)
        if "FREQ" not in parts:
            raise FieldError(f'"{raw}" has no FREQ part', RULE_FIX)
        if "COUNT" in parts and "UNTIL" in parts:
            raise FieldError(f'"{raw}" has both COUNT and UNTIL', "keep only one of them")
        try:
            vRecur.from_ical(text)
            rrulestr(text, dtstart=datetime(2000, 1, 1))
        except (ValueError, TypeError, KeyError) as error:
            raise FieldError(
                f'"{raw}" is not a valid recurrence rule ({error})', RULE_FIX
            ) from None
        return text


def _site_zone(settings: dict) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")


def rule_for(values: dict):
    """The dateutil rule of an event's values, anchored at its Start (dates at midnight)."""
    start = values["start"]
    anchor = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())
    return rrulestr(values["recurrence"], dtstart=anchor)


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
    try:
        rule = rule_for(values)
        first = next(iter(rule), None)  # the rule may never end: take one
    except (ValueError, TypeError) as error:
        until = (
            "UNTIL=20301231T235959Z (in UTC)"
            if isinstance(values["start"], datetime)
            else "UNTIL=20301231 (a date)"
        )
        return [("recurrence", f"does not fit Start ({error})", f"write {until}")]
    start = values["start"]
    anchor = start.replace(tzinfo=None) if isinstance(start, datetime) else start
    first_naive = first.replace(tzinfo=None) if first else None
    if isinstance(start, date) and not isinstance(start, datetime) and first_naive:
        first_naive = first_naive.date()
    if first_naive != anchor:
        return [
            (
                "recurrence",
                f"does not repeat on Start ({values['start']:%Y-%m-%d})",
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
    lang_url="{lang}/events/{slug}/",
    lang_save_as="{lang}/events/{slug}/index.html",
    fields=(
        Field("title", Text(), required=True),
        # Timezone comes before Start and End: they are read in its zone.
        Field("timezone", TimeZone(), default=_site_zone),
        Field("start", DateTime(), required=True),
        Field("end", DateTime()),
        Field("location", Text()),
        Field("online", URL()),
        Field("recurrence", Recurrence()),
        Field("status", Choice(STATUSES), default="scheduled"),
        Field("campaign", Ref("campaign")),
        Field("edition", Integer(minimum=1900, maximum=2200)),
        Field("organizers", List(Ref("partner")), default=[]),
        Field("registration", URL()),
        Field("image", File(IMAGE_TYPES)),
        Field("image-alt", Text()),
        Field("summary", Text()),
    ),
    check=check,
    order_by=lambda record: (
        record.start
        if isinstance(record.start, datetime)
        else datetime.combine(record.start, datetime.min.time(), record.timezone)
    ),
)
