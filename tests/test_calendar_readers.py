"""Calendars that every client reads alike: icalendar, vobject and Mozilla's ical.js read the same
UTC instants in every .ics file the build writes, and they are those of Python's zoneinfo, over
DST changes, odd offsets and recurrences. The ical.js tests need Node and ``npm ci``."""

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from sitecheck.calendars import (
    calendar_problems,
    icalendar_instants,
    icaljs_command,
    icaljs_instants,
    vobject_instants,
)
from sitecheck.gates import run_gates
from sitecheck.suite import site_gates
from tests.conftest import FIXED_EPOCH, FIXTURES, run_pelican, write_files
from tests.quality import require_icaljs

OCCURRENCES = 8


@dataclass(frozen=True)
class Case:
    """One event as an editor writes it: a zone, Start and End (``2026-07-08 09:00`` or a whole
    day, ``2026-11-13``), maybe a Recurrence."""

    zone: str
    start: str
    end: str
    rule: str = ""

    def markdown(self, title: str) -> str:
        lines = [f"Title: {title}", f"Timezone: {self.zone}"]
        lines += [f"Start: {self.start}", f"End: {self.end}"]
        lines += [f"Recurrence: {self.rule}"] if self.rule else []
        return "\n".join(lines) + "\n"

    @property
    def all_day(self) -> bool:
        return len(self.start) == len("2026-11-13")

    def zoneinfo_says(self, value: str) -> str:
        """A wall time in the event's zone as a UTC instant, by Python's zoneinfo; a day as is."""
        if self.all_day:
            return value
        wall = datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(self.zone))
        return wall.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def expected(self) -> tuple[str, str, tuple[str, ...]]:
        """(start, end, first starts): the end of a whole day is the next day (RFC 5545)."""
        end = self.end
        if self.all_day:
            end = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
        starts = ()
        if self.rule:
            walls = rrulestr(self.rule, dtstart=datetime.fromisoformat(self.start))
            fmt = "%Y-%m-%d" if self.all_day else "%Y-%m-%d %H:%M"
            starts = tuple(self.zoneinfo_says(w.strftime(fmt)) for w in islice(walls, OCCURRENCES))
        return self.zoneinfo_says(self.start), self.zoneinfo_says(end), starts


WEEKLY = "FREQ=WEEKLY;BYDAY=SU"
# Times on the nights of a DST change lie just outside the hour skipped or repeated (the kit
# refuses times inside it) and End is on the other side of the change.
CASES = {
    "rome-summer": Case("Europe/Rome", "2026-07-08 09:00", "2026-07-08 10:30"),
    "rome-winter": Case("Europe/Rome", "2026-12-09 09:00", "2026-12-09 10:30"),
    "rome-spring-forward": Case("Europe/Rome", "2026-03-29 01:30", "2026-03-29 03:30"),
    "rome-fall-back": Case("Europe/Rome", "2026-10-25 01:30", "2026-10-25 03:30"),
    "new-york-spring-forward": Case("America/New_York", "2026-03-08 01:30", "2026-03-08 03:30"),
    "new-york-fall-back": Case("America/New_York", "2026-11-01 00:30", "2026-11-01 02:30"),
    "kathmandu": Case("Asia/Kathmandu", "2026-07-08 09:00", "2026-07-08 10:00"),
    "lord-howe-spring-forward": Case("Australia/Lord_Howe", "2026-10-04 01:30", "2026-10-04 02:30"),
    "lord-howe-fall-back": Case("Australia/Lord_Howe", "2026-04-05 01:15", "2026-04-05 02:15"),
    "weekly-rome": Case("Europe/Rome", "2026-03-15 10:00", "2026-03-15 11:00", WEEKLY),
    "weekly-new-york": Case("America/New_York", "2026-10-18 18:00", "2026-10-18 19:00", WEEKLY),
    "weekly-lord-howe": Case("Australia/Lord_Howe", "2026-03-22 10:00", "2026-03-22 11:00", WEEKLY),
    "all-day": Case("Europe/Rome", "2026-11-13", "2026-11-13"),
    "yearly-all-day": Case(
        "Europe/Rome", "2026-02-08", "2026-02-08", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=8"
    ),
    "multi-day": Case("Europe/Rome", "2026-10-23 09:00", "2026-10-27 17:00"),
    "multi-day-all-day": Case("Europe/Rome", "2026-11-13", "2026-11-19"),
}
FILES = {"its own file": "events/{name}/{name}.ics", "the feed": "events/events.ics"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One tiny site with every case, built once."""
    root = tmp_path_factory.mktemp("calendars")
    content = write_files(
        root / "content",
        {f"events/{name}.md": case.markdown(name) for name, case in CASES.items()},
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        build = run_pelican(
            content,
            root / "output",
            PLUGINS=["records", "i18n", "events"],
            THEME_TEMPLATES_OVERRIDES=[str(FIXTURES / "templates")],
        )
    assert build.issues == []
    return build


@pytest.fixture(scope="module")
def icaljs_readings(built):
    """What ical.js reads in every .ics file of the site, from one Node process."""
    command = require_icaljs()
    return icaljs_instants(sorted(built.output.rglob("*.ics")), OCCURRENCES, command)


def read(request, reader: str, path):
    if reader == "ical.js":
        return request.getfixturevalue("icaljs_readings")[path]
    instants = {"icalendar": icalendar_instants, "vobject": vobject_instants}[reader]
    return instants(path.read_bytes(), OCCURRENCES)


READERS = ["icalendar", "vobject", pytest.param("ical.js", marks=pytest.mark.gates)]


@pytest.mark.parametrize("where", FILES)
@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("reader", READERS)
def test_reader_gives_the_instants_of_zoneinfo(request, built, reader, name, where):
    path = built.output / FILES[where].format(name=name)
    (event,) = [e for e in read(request, reader, path) if e.uid == f"{name}@localhost"]
    assert (event.start, event.end, event.occurrences) == CASES[name].expected()


@pytest.mark.gates
def test_calendars_gate_of_invoke_check_passes_on_every_case(built):
    require_icaljs()
    (gate,) = [g for g in site_gates(built.output, "", "") if g.name == "calendars"]
    (outcome,) = run_gates([gate], tools_required=True)
    assert outcome.problems == []
    assert outcome.status == "passed"


def test_every_zone_change_of_a_vtimezone_is_an_rdate_on_a_line_of_its_own(built):
    """ical.js reads only the RDATEs of an observance that has any, so DTSTART is one of them;
    vobject reads only the first date of an RDATE list, so each has its own line."""
    for path in sorted(built.output.rglob("*.ics")):
        data = path.read_bytes()
        for zone in icalendar.Calendar.from_ical(data).walk("VTIMEZONE"):
            for observance in zone.subcomponents:
                rdates = observance.get("RDATE", [])
                rdates = rdates if isinstance(rdates, list) else [rdates]
                assert all(len(rdate.dts) == 1 for rdate in rdates), path
                onsets = [rdate.dts[0].dt for rdate in rdates]
                assert not onsets or observance.DTSTART in onsets, (path, observance.DTSTART)


# The gate on planted defects: a VTIMEZONE that misplaces a zone change


ROME = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Planted//EN
BEGIN:VTIMEZONE
TZID:Europe/Rome
BEGIN:STANDARD
DTSTART:20260101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
{daylight}TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20261025T030000
RDATE:20261025T030000
RDATE:20271031T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:summer@example.org
DTSTAMP:20260120T120000Z
DTSTART;TZID=Europe/Rome:20260708T090000
DTEND;TZID=Europe/Rome:20260708T100000
SUMMARY:Summer
END:VEVENT
END:VCALENDAR
"""


def planted(tmp_path, daylight: str):
    text = ROME.format(daylight=daylight).replace("\n", "\r\n")
    write_files(tmp_path, {"events/summer.ics": text.encode()})
    return tmp_path


@pytest.mark.gates
def test_calendars_gate_reports_a_reader_that_misplaces_a_first_zone_change(tmp_path):
    """The shape that put a summer event in Rome one hour off in ical.js: the first change to
    summer time given only as DTSTART, beside RDATEs for the later years."""
    output = planted(tmp_path, "DTSTART:20260329T020000\nRDATE:20270328T020000\n")
    assert calendar_problems(output, require_icaljs(), OCCURRENCES) == [
        "events/summer.ics: summer@example.org: ical.js says start 2026-07-08T08:00:00Z, "
        "icalendar says 2026-07-08T07:00:00Z",
        "events/summer.ics: summer@example.org: ical.js says end 2026-07-08T09:00:00Z, "
        "icalendar says 2026-07-08T08:00:00Z",
    ]


@pytest.mark.gates
def test_calendars_gate_reports_every_reader_that_misreads_a_zone(tmp_path):
    output = planted(tmp_path, "DTSTART:20270328T020000\n")  # no summer time in 2026
    problems = calendar_problems(output, require_icaljs(), OCCURRENCES)
    assert [line.split(" says ")[0] for line in problems] == [
        f"events/summer.ics: summer@example.org: {reader}"
        for reader in ("vobject", "vobject", "ical.js", "ical.js")
    ]


def test_calendars_gate_says_when_node_is_missing(monkeypatch):
    monkeypatch.setenv("PATH", os.devnull)
    assert icaljs_command() == (None, "node not found (Debian package: nodejs)")
