"""'Add to calendar' links for Google Calendar and Outlook, in UTC so no zone is guessed."""

from urllib.parse import urlencode

GOOGLE = "https://calendar.google.com/calendar/render"


def google_url(occurrence, title: str, details: str, location: str) -> str:
    """Google Calendar's template link: ``dates`` in UTC (``Z``), or as DATEs for a whole day.

    A recurring event's link starts at ``occurrence`` and carries its rule, unless the rule
    counts its occurrences (a COUNT from a later start would add too many).
    """
    event = occurrence.event
    if occurrence.all_day:
        dates = f"{occurrence.start:%Y%m%d}/{occurrence.end_exclusive:%Y%m%d}"
    else:
        dates = f"{occurrence.start_utc:%Y%m%dT%H%M%SZ}/{occurrence.end_utc:%Y%m%dT%H%M%SZ}"
    query = {"action": "TEMPLATE", "text": title, "dates": dates}
    if details:
        query["details"] = details
    if location:
        query["location"] = location
    if event.recurrence and "COUNT=" not in event.recurrence:
        query["recur"] = f"RRULE:{event.recurrence}"
    return f"{GOOGLE}?{urlencode(query)}"


def outlook_url(base: str, occurrence, title: str, details: str, location: str) -> str:
    """Outlook's compose link: ``startdt``/``enddt`` in UTC, or dates with ``allday=true``."""
    if occurrence.all_day:
        start = occurrence.start.isoformat()
        end = occurrence.end_exclusive.isoformat()
    else:
        start = f"{occurrence.start_utc:%Y-%m-%dT%H:%M:%SZ}"
        end = f"{occurrence.end_utc:%Y-%m-%dT%H:%M:%SZ}"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": start,
        "enddt": end,
    }
    if occurrence.all_day:
        query["allday"] = "true"
    if details:
        query["body"] = details
    if location:
        query["location"] = location
    return f"{base}?{urlencode(query)}"


def webcal_url(absolute: str | None) -> str | None:
    """``webcal://`` for an absolute http(s) address of a feed, so calendar apps subscribe."""
    if not absolute:
        return None
    return "webcal://" + absolute.split("://", 1)[1]
