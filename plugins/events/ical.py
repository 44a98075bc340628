"""iCalendar files, written with the ``icalendar`` library: one event, or a feed of many."""

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, vRecur

# RFC 5545 has no "postponed": a postponed event stays in calendars, marked tentative.
ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def uid(event, domain: str) -> str:
    """Stable across rebuilds and time changes: the event's id, never its date."""
    return f"{event.id}@{domain}"


class Zones:
    """The VTIMEZONE components of one build, made once per zone and span of whole years.

    Making one from zoneinfo walks every hour of its span: with thousands of .ics files
    that was most of the build. Years (not days) as bounds let files share them.
    """

    def __init__(self):
        self._made: dict[tuple[str, int, int], Timezone] = {}

    def get(self, tzid: str, first: date, last: date) -> Timezone:
        key = (tzid, first.year, last.year + 1)
        if key not in self._made:
            zone = Timezone.from_tzid(
                tzid, first_date=date(key[1], 1, 1), last_date=date(key[2], 1, 1)
            )
            _every_onset_an_rdate(zone)
            self._made[key] = zone
        return self._made[key]


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
        last = max(
            [_day(v.event.start) for v in views]
            + [(now + timedelta(days=366 * conf.window_years)).date()]
        ) + timedelta(days=366)
        for tzid in sorted(cal.get_missing_tzids(), reverse=True):
            cal.subcomponents.insert(0, zones.get(tzid, first, last))  # before the events
    return cal.to_ical()


def _every_onset_an_rdate(zone: Timezone) -> None:
    """Give each observance of a VTIMEZONE with RDATEs one RDATE per onset, its DTSTART too.

    RFC 5545 counts DTSTART as the first onset and allows RDATE lists, but ical.js (Thunderbird,
    Nextcloud) reads only the RDATEs of an observance that has any, so it lost the first change
    of the span and put a summer event one hour off; and vobject 0.9 reads only the first date of
    a list, which would put every later summer in winter time.
    """
    for observance in zone.subcomponents:
        lists = observance.pop("RDATE", None)
        if lists is None:
            continue
        observance.add("rdate", observance.DTSTART)
        for group in lists if isinstance(lists, list) else [lists]:
            for moment in group.dts:
                observance.add("rdate", moment.dt)


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
