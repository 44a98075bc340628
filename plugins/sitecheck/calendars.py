"""Calendars that every client reads alike: each .ics file of a built site read by three
independent readers, which must give the same UTC instants for every event and for the first
occurrences of a recurring one, and for occurrences years later: the first on or after 1 January
and 1 July (winter and summer in either hemisphere) of years after its start, where a VTIMEZONE
that ends, or that lists its changes only up to a year, puts them an hour off.

- icalendar reads a TZID as the IANA zone of that name, from Python's zoneinfo (as Google and
  Apple calendars do): what the kit means;
- vobject builds each zone from the file's own VTIMEZONE (with dateutil);
- Mozilla's ical.js, the library inside Thunderbird and Nextcloud, builds it from the VTIMEZONE
  with code of its own (``icaljs_instants.mjs``, run with Node over every file at once).
"""

import itertools
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import vobject
from dateutil.rrule import rrulestr
from vobject.icalendar import getTzid, registerTzid

ROOT = Path(__file__).resolve().parents[2]
ICALJS = ROOT / "node_modules/ical.js"
SCRIPT = Path(__file__).with_name("icaljs_instants.mjs")
OCCURRENCES = 10
# Years after an event's start whose 1 January and 1 July each give one more occurrence to read
LATER_YEARS = (1, 5, 10, 25)
# A rule is followed to its later occurrences for no more starts than these (FREQ=DAILY: 13 years)
LATER_LIMIT = 5000


@dataclass(frozen=True)
class Instants:
    """One event as a reader understands it: UTC instants (``2026-07-08T07:00:00Z``), or dates
    (``2026-11-13``) for whole days; the first starts of a recurring event, () otherwise, and
    its ``later`` ones: (day, start) for each of :func:`later_days` that the rule reaches."""

    uid: str
    start: str
    end: str
    occurrences: tuple[str, ...] = ()
    later: tuple[tuple[str, str], ...] = ()

    def differences(self, other: "Instants") -> list[tuple[str, str, str]]:
        """(what, mine, theirs) for each value that ``other`` reads otherwise."""
        pairs = [("start", self.start, other.start), ("end", self.end, other.end)]
        starts = itertools.zip_longest(self.occurrences, other.occurrences, fillvalue="nothing")
        pairs += [(f"occurrence {n}", mine, theirs) for n, (mine, theirs) in enumerate(starts, 1)]
        mine, theirs = dict(self.later), dict(other.later)
        pairs += [
            (f"first occurrence from {day}", mine.get(day, "nothing"), theirs.get(day, "nothing"))
            for day in sorted({*mine, *theirs})
        ]
        return [(what, mine, theirs) for what, mine, theirs in pairs if mine != theirs]


def instant(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _first(starts, count: int, all_day: bool) -> tuple[str, ...]:
    return tuple(instant(s.date() if all_day else s) for s in itertools.islice(starts, count))


def later_days(start: date) -> list[date]:
    """1 January and 1 July of each of :data:`LATER_YEARS` after the year of ``start``."""
    return [date(start.year + years, month, 1) for years in LATER_YEARS for month in (1, 7)]


def _later(starts, start: date, all_day: bool) -> tuple[tuple[str, str], ...]:
    """(day, instant) of the first of ``starts`` (local times) on or after each later day."""
    days, found = later_days(start), []
    for each in itertools.islice(starts, LATER_LIMIT):
        while days and each.date() >= days[0]:
            found.append((days.pop(0).isoformat(), instant(each.date() if all_day else each)))
        if not days:
            break
    return tuple(found)


def icalendar_instants(data: bytes, count: int = OCCURRENCES) -> list[Instants]:
    found = []
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        start = event.decoded("DTSTART")
        all_day = not isinstance(start, datetime)
        starts, later = (), ()
        if "RRULE" in event:
            anchor = datetime(start.year, start.month, start.day) if all_day else start
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=anchor)
            starts, later = _first(rule, count, all_day), _later(rule, anchor.date(), all_day)
        end = instant(event.decoded("DTEND"))
        found.append(Instants(str(event["UID"]), instant(start), end, starts, later))
    return found


def vobject_instants(data: bytes, count: int = OCCURRENCES) -> list[Instants]:
    found = []
    for event in _read_in_own_zones(data.decode("utf-8")).vevent_list:
        start = event.dtstart.value
        all_day = not isinstance(start, datetime)
        starts, later = (), ()
        if hasattr(event, "rrule"):
            rule = event.getrruleset(addRDate=True)
            day = start.date() if isinstance(start, datetime) else start
            starts, later = _first(rule, count, all_day), _later(rule, day, all_day)
        end = instant(event.dtend.value)
        found.append(Instants(event.uid.value, instant(start), end, starts, later))
    return found


def _read_in_own_zones(text: str):
    """vobject keeps one zone per TZID for the whole process, the first it met, and reads every
    later file in it: read this file in its own VTIMEZONEs, and leave the others as they were."""
    tzids = re.findall(r"^TZID:(.+?)\r?$", text, flags=re.MULTILINE)
    before = {tzid: getTzid(tzid, False) for tzid in tzids}
    try:
        for zone in getattr(vobject.readOne(text), "vtimezone_list", []):
            registerTzid(zone.tzid.value, zone.gettzinfo())
        return vobject.readOne(text)
    finally:
        for tzid, tzinfo in before.items():
            registerTzid(tzid, tzinfo)


def icaljs_command() -> tuple[list[str] | None, str]:
    """The command that runs the ical.js reader, or None and what is missing."""
    node = shutil.which("node")
    if not node:
        return None, "node not found (Debian package: nodejs)"
    if not ICALJS.is_dir():
        return None, f"{ICALJS.relative_to(ROOT)} not found (run `npm ci`)"
    return [node, str(SCRIPT)], ""


def icaljs_instants(
    paths: list[Path], count: int = OCCURRENCES, command: list[str] | None = None
) -> dict[Path, list[Instants]]:
    """What ical.js reads in each file of ``paths``, from one Node process."""
    command = command or icaljs_command()[0]
    if command is None:
        raise RuntimeError(icaljs_command()[1])
    if not paths:
        return {}
    years = ",".join(str(years) for years in LATER_YEARS)
    result = subprocess.run(
        [*command, str(count), years, str(LATER_LIMIT), *[str(path) for path in paths]],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        read = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"ical.js failed: {result.stderr[-2000:]}") from None
    return {
        Path(path): [
            Instants(
                e["uid"],
                e["start"],
                e["end"],
                tuple(e["occurrences"]),
                tuple((day, start) for day, start in e["later"]),
            )
            for e in events
        ]
        for path, events in read.items()
    }


def disagreements(reference: list[Instants], readers: dict[str, list[Instants]]) -> list[str]:
    """``UID: vobject says X, icalendar says Y``: one line for each value, event or occurrence
    that a reader reads otherwise than icalendar does (``reference``)."""
    ours = {event.uid: event for event in reference}
    lines = []
    for reader, events in readers.items():
        theirs = {event.uid: event for event in events}
        for uid in dict.fromkeys([*ours, *theirs]):
            if uid not in theirs:
                lines.append(f"{uid}: {reader} finds no such event, icalendar does")
            elif uid not in ours:
                lines.append(f"{uid}: {reader} finds this event, icalendar does not")
            else:
                lines += [
                    f"{uid}: {reader} says {what} {their}, icalendar says {our}"
                    for what, our, their in ours[uid].differences(theirs[uid])
                ]
    return lines


def calendar_problems(
    output: Path, command: list[str] | None = None, count: int = OCCURRENCES
) -> list[str]:
    """One line per disagreement between icalendar and the other readers in the .ics files of
    the built site at ``output``: ``path: UID: ical.js says X, icalendar says Y``."""
    root = Path(output).resolve()
    paths = sorted(root.rglob("*.ics"))
    by_icaljs = icaljs_instants(paths, count, command)
    problems = []
    for path in paths:
        data = path.read_bytes()
        readers = {"vobject": vobject_instants(data, count), "ical.js": by_icaljs[path]}
        name = path.relative_to(root)
        problems += [
            f"{name}: {line}" for line in disagreements(icalendar_instants(data, count), readers)
        ]
    return problems
