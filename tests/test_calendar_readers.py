"""Calendars that every client reads alike: icalendar, vobject and Mozilla's ical.js read the same
UTC instants in every .ics file the build writes, and they are those of Python's zoneinfo, over
DST changes, odd offsets and recurrences, for as long as a rule runs: its occurrences decades
after the build are in the right offset too. The ical.js tests need Node and ``npm ci``."""

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from events import ical
from events.ical import vtimezone
from sitecheck.calendars import (
    LATER_LIMIT,
    calendar_problems,
    icalendar_instants,
    icaljs_command,
    icaljs_instants,
    later_days,
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

    def expected(self) -> tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...]]:
        """(start, end, first starts, later starts): the end of a whole day is the next day (RFC
        5545); a later start is the first on or after each of the gate's later days."""
        end = self.end
        if self.all_day:
            end = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
        starts, later = (), []
        if self.rule:
            walls = rrulestr(self.rule, dtstart=datetime.fromisoformat(self.start))
            fmt = "%Y-%m-%d" if self.all_day else "%Y-%m-%d %H:%M"
            starts = tuple(self.zoneinfo_says(w.strftime(fmt)) for w in islice(walls, OCCURRENCES))
            for day in later_days(date.fromisoformat(self.start[:10])):
                wall = next((w for w in islice(walls, LATER_LIMIT) if w.date() >= day), None)
                if wall:
                    later.append((day.isoformat(), self.zoneinfo_says(wall.strftime(fmt))))
        return self.zoneinfo_says(self.start), self.zoneinfo_says(end), starts, tuple(later)


WEEKLY = "FREQ=WEEKLY;BYDAY=SU"
MONTHLY = "FREQ=MONTHLY;BYDAY=2WE"
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
    "monthly-rome": Case("Europe/Rome", "2026-01-14 18:30", "2026-01-14 20:00", MONTHLY),
    "yearly-rome-summer": Case(
        "Europe/Rome", "2026-07-08 09:00", "2026-07-08 10:30", "FREQ=YEARLY"
    ),
    "monthly-kathmandu": Case("Asia/Kathmandu", "2026-01-14 18:30", "2026-01-14 20:00", MONTHLY),
    # the end of summer time on the Friday after the last Thursday of October: maybe 1 November
    "weekly-cairo": Case("Africa/Cairo", "2026-01-18 10:00", "2026-01-18 11:00", WEEKLY),
    # no summer time in Ramadan, which tzdata 2025b lists change by change up to 2087
    "weekly-casablanca": Case("Africa/Casablanca", "2026-01-18 10:00", "2026-01-18 11:00", WEEKLY),
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
    assert (event.start, event.end, event.occurrences, event.later) == CASES[name].expected()


@pytest.mark.parametrize("name", ["monthly-rome", "weekly-new-york", "weekly-lord-howe"])
def test_occurrences_ten_years_after_the_build_are_read_in_summer_and_winter(name):
    """The later starts that every reader must read as zoneinfo does include, ten years after the
    build (2026), one in summer time and one in standard time: past the years a VTIMEZONE would
    list one by one, where a zone that ends puts summer an hour off."""
    later = dict(CASES[name].expected()[3])
    zone = ZoneInfo(CASES[name].zone)
    offsets = {
        datetime.fromisoformat(later[f"2036-{month}-01"]).astimezone(zone).dst()
        for month in ("01", "07")
    }
    assert offsets == {timedelta(0), timedelta(hours=1 if name != "weekly-lord-howe" else 0.5)}


@pytest.mark.gates
def test_calendars_gate_of_invoke_check_passes_on_every_case(built):
    require_icaljs()
    (gate,) = [g for g in site_gates(built.output, "", "") if g.name == "calendars"]
    (outcome,) = run_gates([gate], tools_required=True)
    assert outcome.problems == []
    assert outcome.status == "passed"


def test_vtimezone_ends_with_the_current_rules_of_the_zone_and_no_end(built):
    """Rome's VTIMEZONE goes on with the EU's summer time (the last Sundays of March and October,
    as zoneinfo's changes show) for ever; Kathmandu's has one offset, for ever."""
    rome = zone_of(built.output / "events/monthly-rome/monthly-rome.ics", "Europe/Rome")
    rules = {
        (sub.name, sub["TZOFFSETTO"].to_ical()): sub["RRULE"].to_ical().decode()
        for sub in rome.subcomponents
        if "RRULE" in sub
    }
    assert rules == {
        ("DAYLIGHT", "+0200"): "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        ("STANDARD", "+0100"): "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    }
    kathmandu = zone_of(built.output / "events/kathmandu/kathmandu.ics", "Asia/Kathmandu")
    (only,) = kathmandu.subcomponents
    assert only.name == "STANDARD"
    assert only["TZOFFSETTO"].to_ical() == "+0545"
    assert "RRULE" not in only
    assert "RDATE" not in only


def zone_of(path, tzid: str) -> icalendar.Timezone:
    (zone,) = [
        tz
        for tz in icalendar.Calendar.from_ical(path.read_bytes()).walk("VTIMEZONE")
        if tz["TZID"] == tzid
    ]
    return zone


@pytest.mark.parametrize(
    ("tzid", "first_year", "listed", "ruled"),
    [
        # the EU's summer time ended on the last Sunday of September until 1995
        ("Europe/Rome", 1994, ["19940925T030000", "19950924T030000"], "19961027T030000"),
        # the USA's summer time from the second Sunday of March since 2007
        ("America/New_York", 2005, ["20050403T020000", "20060402T020000"], "20070311T020000"),
    ],
)
def test_vtimezone_lists_the_changes_before_the_current_rules_one_by_one(
    tzid, first_year, listed, ruled
):
    zone = vtimezone(tzid, first_year)
    rdates = [
        rdate.to_ical().decode()
        for sub in zone.subcomponents
        for rdate in (sub.get("RDATE") if isinstance(sub.get("RDATE"), list) else [])
    ]
    assert set(listed) <= set(rdates)
    starts = [sub["DTSTART"].to_ical().decode() for sub in zone.subcomponents if "RRULE" in sub]
    assert ruled in starts
    assert all(start[:4] >= ruled[:4] for start in starts)


# One zone for each yearly pattern in the POSIX TZ strings of tzdata (second Sunday, last Sunday,
# at -1:00 or 24:00 or 2:45, a half-hour change, a negative one, a Friday that may fall in the
# next month), the zones that tzdata lists change by change for decades (Ramadan), and one that
# no longer changes.
RULE_ZONES = [
    "America/New_York",
    "Europe/Rome",
    "Europe/Kyiv",
    "Europe/Lisbon",
    "Atlantic/Azores",
    "Asia/Beirut",
    "Antarctica/Troll",
    "Europe/Dublin",
    "America/Havana",
    "America/Nuuk",
    "Asia/Jerusalem",
    "Africa/Cairo",
    "America/Santiago",
    "Pacific/Easter",
    "Pacific/Auckland",
    "Pacific/Norfolk",
    "Pacific/Chatham",
    "Australia/Lord_Howe",
    "Asia/Gaza",
    "Africa/Casablanca",
    "Asia/Kathmandu",
]
SAMPLE_YEARS = (2027, 2036, 2061, 2101)


def changes_in(zone: ZoneInfo, year: int) -> list[datetime]:
    """The instants (UTC, to the minute) at which ``zone`` changes its offset in ``year``."""
    step, found = timedelta(hours=6), []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    while moment.year == year:
        low, high = moment, moment + step
        if low.astimezone(zone).utcoffset() == high.astimezone(zone).utcoffset():
            moment = high
            continue
        while high - low > timedelta(minutes=1):
            middle = low + (high - low) / 2
            same = middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset()
            low, high = (middle, high) if same else (low, middle)
        found.append(high)
        moment = high
    return found


def clear_wall(zone: ZoneInfo, wall: datetime) -> bool:
    """Neither skipped nor repeated by a change."""
    earlier, later = wall.replace(tzinfo=zone), wall.replace(tzinfo=zone, fold=1)
    back = earlier.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return earlier.utcoffset() == later.utcoffset() and back == wall


@pytest.fixture(scope="module")
def zone_files(tmp_path_factory):
    """For each of RULE_ZONES, a file with its VTIMEZONE for a build in 2026 and events at noon
    on 15 January and 15 July, and 3 hours before and after each change, of SAMPLE_YEARS; and the
    UTC instants of zoneinfo for each: ``{tzid: (path, {uid: (start, end)})}``."""
    root = tmp_path_factory.mktemp("zones")
    made = {}
    for tzid in RULE_ZONES:
        zone = ZoneInfo(tzid)
        walls = []
        for year in SAMPLE_YEARS:
            walls += [datetime(year, 1, 15, 12), datetime(year, 7, 15, 12)]
            for change in changes_in(zone, year):
                for hours in (-3, 3):
                    moment = change + timedelta(hours=hours)
                    walls.append(moment.astimezone(zone).replace(tzinfo=None))
        cal = icalendar.Calendar()
        cal.add("prodid", "-//Test//Zones//EN")
        cal.add("version", "2.0")
        cal.add_component(vtimezone(tzid, 2026))
        expected = {}
        for n, wall in enumerate(w for w in walls if clear_wall(zone, w)):
            event = icalendar.Event()
            event.add("uid", f"{n}@zones")
            event.add("dtstamp", datetime(2026, 1, 20, tzinfo=UTC))
            start, end = (
                wall.replace(tzinfo=zone),
                (wall + timedelta(minutes=1)).replace(tzinfo=zone),
            )
            event.add("dtstart", start)
            event.add("dtend", end)
            cal.add_component(event)
            utc = [t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for t in (start, end)]
            expected[f"{n}@zones"] = tuple(utc)
        path = root / f"{tzid.replace('/', '-')}.ics"
        path.write_bytes(cal.to_ical())
        made[tzid] = (path, expected)
    return made


@pytest.fixture(scope="module")
def zone_readings_icaljs(zone_files):
    """What ical.js reads in every file of zone_files, from one Node process."""
    command = require_icaljs()
    return icaljs_instants([path for path, _ in zone_files.values()], OCCURRENCES, command)


@pytest.mark.parametrize("tzid", RULE_ZONES)
@pytest.mark.parametrize("reader", READERS)
def test_vtimezone_of_every_kind_of_zone_reads_as_zoneinfo_for_decades(
    request, zone_files, reader, tzid
):
    path, expected = zone_files[tzid]
    if reader == "ical.js":
        read = request.getfixturevalue("zone_readings_icaljs")[path]
    else:
        instants = {"icalendar": icalendar_instants, "vobject": vobject_instants}[reader]
        read = instants(path.read_bytes())
    assert {event.uid: (event.start, event.end) for event in read} == expected


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


ROME_UNTIL_2028 = """BEGIN:VCALENDAR
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
DTSTART:20260329T020000
RDATE:20260329T020000
RDATE:20270328T020000
RDATE:20280326T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20261025T030000
RDATE:20261025T030000
RDATE:20271031T030000
RDATE:20281029T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:weekly@example.org
DTSTAMP:20260120T120000Z
DTSTART;TZID=Europe/Rome:20260708T090000
DTEND;TZID=Europe/Rome:20260708T100000
RRULE:FREQ=WEEKLY
SUMMARY:Weekly
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.gates
def test_calendars_gate_reports_a_vtimezone_that_ends_while_the_rule_runs(tmp_path):
    """The shape that put every summer after a VTIMEZONE's last year one hour off in vobject and
    ical.js, beyond the first occurrences: the gate reads occurrences years later too."""
    text = ROME_UNTIL_2028.replace("\n", "\r\n")
    write_files(tmp_path, {"events/weekly.ics": text.encode()})
    problems = calendar_problems(tmp_path, require_icaljs(), OCCURRENCES)
    found = {
        (line.split(": ")[2].split(" says ")[0], line.split(" from ")[1][:10]) for line in problems
    }
    assert found == {
        (reader, f"{year}-07-01")
        for reader in ("vobject", "ical.js")
        for year in (2031, 2036, 2051)
    }


def test_calendars_gate_says_when_node_is_missing(monkeypatch):
    monkeypatch.setenv("PATH", os.devnull)
    assert icaljs_command() == (None, "node not found (Debian package: nodejs)")


def test_a_vtimezone_made_once_is_taken_from_the_cache_by_the_next_build(tmp_path, monkeypatch):
    zones = ical.Zones(str(tmp_path))
    first = zones.get("Europe/Rome", date(2026, 2, 7))
    zones.save()
    zones = ical.Zones(str(tmp_path))
    zones.get("Asia/Manila", date(2026, 2, 7))  # a second build adds one
    zones.save()

    def made_again(tzid, first_year):
        raise AssertionError(f"{tzid} {first_year} made again")

    monkeypatch.setattr(ical, "vtimezone", made_again)
    again = ical.Zones(str(tmp_path))
    assert again.get("Europe/Rome", date(2026, 2, 7)).to_ical() == first.to_ical()
    assert (
        again.get("Asia/Manila", date(2026, 1, 1)).to_ical()
        == vtimezone("Asia/Manila", 2026).to_ical()
    )
    with pytest.raises(AssertionError, match="made again"):
        again.get("Europe/Rome", date(2025, 2, 7))  # another first year: another component
