"""Build time of the demo site with 2,000 generated events (some recurring) against without.

    .venv/bin/python benchmarks/events_build.py              # 2,000 events, median of 3
    .venv/bin/python benchmarks/events_build.py --events 5000 --runs 5

Each figure is the median wall time of --runs cold builds (caches removed) in a fresh process:
the real `pelican` command with pelicanconf.py and a fixed SOURCE_DATE_EPOCH, on a copy of
content/ and on the same copy plus the generated events.
"""

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from common import ROOT, count_files, pelican_run, summary

ZONES = ("Europe/Rome", "Europe/Brussels", "Europe/Lisbon", "Asia/Manila", "America/Sao_Paulo")
BODY = "A generated event: a short programme, *a speaker*, and [a link](https://example.org/).\n"


def event_text(number: int) -> str:
    year, month, day = 2021 + number % 8, 1 + number % 12, 1 + number % 28
    lines = [f"Title: Generated event {number}", f"Timezone: {ZONES[number % len(ZONES)]}"]
    if number % 4 == 0:  # all-day, sometimes several days
        lines.append(f"Start: {year}-{month:02d}-{day:02d}")
        if number % 8 == 0:
            lines.append(f"End: {year}-{month:02d}-{min(day + 2, 28):02d}")
    else:
        lines += [
            f"Start: {year}-{month:02d}-{day:02d} {9 + number % 9:02d}:30",
            f"End: {year}-{month:02d}-{day:02d} {10 + number % 9:02d}:30",
        ]
    if number % 10 == 0:
        lines.append(f"Recurrence: FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}")
    elif number % 25 == 1:
        lines.append("Recurrence: FREQ=MONTHLY;INTERVAL=1;COUNT=24")
    lines.append("Location: Online" if number % 3 == 0 else f"Hall {number}, Example Street, Rome")
    if number % 5 == 0:
        lines.append("Campaign: day-of-prayer")
    if number % 50 == 0:
        lines.append("Status: cancelled")
    return "\n".join(lines) + "\n\n" + BODY


def generate_events(content: Path, count: int) -> None:
    folder = content / "events" / "generated"
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"event-{number}.md").write_text(event_text(number), encoding="utf-8")


def measure(label: str, content: Path, runs: int) -> float:
    with tempfile.TemporaryDirectory() as temp:
        output, caches = Path(temp) / "output", Path(temp) / "caches"
        times = [pelican_run(content, output, caches, cold=True)[0] for _ in range(runs)]
        pages, calendars = count_files(output, "*.html"), count_files(output, "*.ics")
    print(f"{label}: {pages} pages, {calendars} .ics files; cold {summary(times)}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        shutil.copytree(ROOT / "content", content)
        without = measure("demo site", content, args.runs)
        generate_events(content, args.events)
        with_events = measure(f"demo site + {args.events} events", content, args.runs)
    print(f"difference: {with_events - without:+.2f} s")


if __name__ == "__main__":
    main()
