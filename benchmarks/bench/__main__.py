"""`invoke bench`: build generated sites with the kit and with vanilla Pelican, and measure.

    .venv/bin/invoke bench --quick                     # 250 posts, 1 and 3 languages, 1 run
    .venv/bin/invoke bench                             # 250, 1,000, 4,000 posts; 1, 3, 6; 3 runs
    .venv/bin/python -m benchmarks.bench --sizes 1000 --languages 6 --runs 5

For each size and number of languages a site is generated (``sitegen``), then built with the
real ``pelican`` command in a fresh process (production settings, ``publishconf.py``, with
``SITEURL`` and ``SOURCE_DATE_EPOCH`` fixed): cold (Pelican's cache and the media cache
removed), warm (nothing changed), and after each of the ``sitegen.EDITS`` in turn. The output
of the warm and each edited build (with ``--quick``, the warm one's only) must be the same,
byte for byte, as that of a cold build of the same content; a difference is printed and makes
the exit code 1, as does a build that fails. The same posts are built by vanilla Pelican
(its defaults and feeds, no plugins, its default theme), cold. The Benchmarks part of
docs/maintainers.md says what each figure means.
"""

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import pelican

from .measure import BuildFailed, Run, become_subreaper, differences, digests, measure
from .sitegen import EDITS, LANGUAGE_ORDER, LOCALES, generate

ROOT = Path(__file__).resolve().parents[2]
PELICAN = Path(sys.executable).with_name("pelican")
FIXED_EPOCH = "1768910400"  # 2026-01-20 12:00 UTC, as in the tests
SITEURL = "https://example.org"
# COLUMNS: Pelican's log lines unwrapped, so that an error is one line of the log. Builds run as
# on a maintainer's machine, with Python's bytecode cache: a PYTHONDONTWRITEBYTECODE in the
# caller's environment would have every build compile the kit's plugins again (0.1 s an edit),
# where Pelican's own modules were compiled when pip installed them.
ENVIRONMENT = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "SOURCE_DATE_EPOCH": FIXED_EPOCH,
    "SITEURL": SITEURL,
    "COLUMNS": "400",
}
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "latest.json"
BUILDS = ("cold", "warm", *EDITS)
# Vanilla Pelican: its default settings and theme, no plugins, the feeds it ships with (written
# out here although they are its defaults), a site address for the feeds.
VANILLA_SETTINGS = """\
SITENAME = "Vanilla Pelican"
SITEURL = "https://example.org"
TIMEZONE = "Europe/Brussels"
PLUGINS = []
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/{slug}.atom.xml"
AUTHOR_FEED_RSS = "feeds/{slug}.rss.xml"
"""


def kit_build(content: Path, folder: Path, languages: tuple[str, ...], name: str) -> Run:
    """Build ``content`` into ``folder``/output, with the caches in ``folder``/caches."""
    settings = {code: {"locale": LOCALES[code]} if code in LOCALES else {} for code in languages}
    output = folder / "output"
    command = [
        str(PELICAN), str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(output),
        "-e", f"CACHE_PATH={json.dumps(str(folder / 'caches' / 'pelican'))}",
        f"LANGUAGES={json.dumps(settings)}",
    ]  # fmt: skip
    return measure(command, ROOT, ENVIRONMENT, output, folder / f"{name}.log")


def cold_build(content: Path, folder: Path, languages: tuple[str, ...], name: str) -> Run:
    for path in (folder / "output", folder / "caches"):
        shutil.rmtree(path, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return kit_build(content, folder, languages, name)


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def bench_site(
    work: Path, size: int, languages: tuple[str, ...], runs: int, compare_edits: bool
) -> dict:
    """Every build of BUILDS, ``runs`` times, on one generated site; the medians. The output of
    the warm build is compared with the cold one's; with ``compare_edits``, that of each edited
    build with a cold build of the same content (which doubles the time of a run). A build
    that fails ends the site's runs: the builds after it depend on it."""
    label = f"{size} posts, {len(languages)} language{'s' * (len(languages) > 1)}"
    progress(f"{label}: generating")
    pristine = work / f"{size}-{len(languages)}" / "content"
    site = generate(pristine, size, languages, photos=work / f"photos-{size}")
    measured: dict[str, list[Run]] = {name: [] for name in BUILDS}
    checked = BUILDS[1:] if compare_edits else ("warm",)
    mismatches: dict[str, list[str]] = {name: [] for name in checked}
    failure = None
    for run in range(runs):
        folder = pristine.parent / f"run-{run}"
        content, reference = folder / "content", folder / "reference"
        shutil.copytree(pristine, content, copy_function=os.link)
        stage = "cold"
        try:
            progress(f"{label}: run {run + 1} of {runs}: cold")
            measured["cold"].append(cold_build(content, folder, languages, "cold"))
            expected = digests(folder / "output")
            for name in BUILDS[1:]:
                stage = name
                progress(f"{label}: run {run + 1} of {runs}: {name}")
                if name in EDITS:
                    EDITS[name](content, site)
                measured[name].append(kit_build(content, folder, languages, name))
                if name not in checked:
                    continue
                if name in EDITS:  # the same content, built cold
                    stage = f"{name}, its cold reference"
                    cold_build(content, reference, languages, "reference")
                    expected = digests(reference / "output")
                for line in differences(expected, digests(folder / "output")):
                    mismatches[name].append(f"{label}, run {run + 1}, {name}: {line}")
        except BuildFailed as error:
            failure = {"run": run + 1, "build": stage, "error": error.summary}
            progress(f"{label}: run {run + 1}: {stage}: BUILD FAILED: {error.summary}")
            break
        finally:
            shutil.rmtree(folder)
    builds = {name: summarise(found) for name, found in measured.items() if len(found) == runs}
    for name, lines in mismatches.items():
        if name in builds:
            builds[name]["same_as_cold"] = not lines
    return {
        "posts": size,
        "languages": list(languages),
        "content": asdict(site),
        "builds": builds,
        "failure": failure,
        "mismatches": [line for lines in mismatches.values() for line in lines],
    }


def bench_vanilla(work: Path, source: Path, size: int, runs: int) -> dict:
    """The news posts of the generated site in ``source`` (not their translations), and its
    images, built cold by vanilla Pelican."""
    folder = work / f"vanilla-{size}"
    content = folder / "content"
    translations = shutil.ignore_patterns("*.??.md")
    shutil.copytree(source / "news", content / "news", ignore=translations, copy_function=os.link)
    shutil.copytree(source / "images", content / "images", copy_function=os.link)
    settings = folder / "vanilla.py"
    settings.write_text(VANILLA_SETTINGS, encoding="utf-8")
    measured = []
    for run in range(runs):
        progress(f"{size} posts, vanilla Pelican: run {run + 1} of {runs}")
        output = folder / "output"
        shutil.rmtree(output, ignore_errors=True)
        command = [str(PELICAN), str(content), "-s", str(settings), "-o", str(output)]
        try:
            measured.append(measure(command, folder, ENVIRONMENT, output, folder / "vanilla.log"))
        except BuildFailed as error:
            progress(f"{size} posts, vanilla Pelican: BUILD FAILED: {error.summary}")
            return {"posts": size, "failure": {"run": run + 1, "error": error.summary}}
    return {"posts": size, **summarise(measured), "failure": None}


def summarise(runs: list[Run]) -> dict:
    """The median of each figure over ``runs``, and every run's wall time."""
    median = {
        key: round(statistics.median(getattr(run, key) for run in runs), 3)
        for key in ("wall_s", "cpu_s", "peak_process_mib", "peak_tree_mib", "processes")
    }
    pages = runs[0].pages
    return {
        **median,
        "pages": pages,
        "ms_per_page": round(1000 * median["wall_s"] / max(pages, 1), 2),
        "cpu_ms_per_page": round(1000 * median["cpu_s"] / max(pages, 1), 2),
        "runs_wall_s": [round(run.wall_s, 3) for run in runs],
    }


def table(sites: list[dict], vanilla: dict[int, dict]) -> str:
    head = (
        f"{'site':28} {'build':13} {'wall s':>7} {'cpu s':>7} {'pages':>6} {'ms/page':>8} "
        f"{'kit/vanilla':>11} {'MiB process':>11} {'MiB tree':>9}  output"
    )
    lines = [head, "-" * len(head)]

    def row(label, name, figures, ratio="", verdict=""):
        lines.append(
            f"{label:28} {name:13} {figures['wall_s']:7.2f} {figures['cpu_s']:7.2f} "
            f"{figures['pages']:6} {figures['ms_per_page']:8.2f} {ratio:>11} "
            f"{figures['peak_process_mib']:11.0f} {figures['peak_tree_mib']:9.0f}  {verdict}"
        )

    def failed(label, failure):
        lines.append(
            f"{label:28} {failure.get('build', 'cold'):13} BUILD FAILED: {failure['error']}"
        )

    for site in sites:
        count = len(site["languages"])
        label = f"{site['posts']} posts, {count} language{'s' * (count > 1)}"
        base = vanilla[site["posts"]].get("ms_per_page")
        for name, figures in site["builds"].items():
            ratio = f"{figures['ms_per_page'] / base:.1f}×" if name == "cold" and base else ""
            same = figures.get("same_as_cold")
            verdict = {True: "= cold", False: "DIFFERS", None: "not compared"}[same]
            verdict = "(reference)" if name == "cold" else verdict
            row(label, name, figures, ratio, verdict)
            label = ""  # on the site's first line only
        if site["failure"]:
            failed(label, site["failure"])
    for size, figures in vanilla.items():
        label = f"{size} posts, vanilla Pelican"
        if figures["failure"]:
            failed(label, figures["failure"])
        else:
            row(label, "cold", figures, "1.0×")
    return "\n".join(lines)


def describe(site: dict) -> str:
    c = site["content"]
    return (
        f"{site['posts']} posts in {', '.join(site['languages'])}: {c['events']} events, "
        f"{c['partners']} partners, {c['editions']} editions, {c['photos']} photos, "
        f"{c['translations']} translations; {c['files']} files, {c['megabytes']} MB"
    )


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="250 posts, 1 and 3 languages, 1 run; the edited builds' output not compared",
    )
    parser.add_argument("--sizes", type=numbers, help="numbers of posts (250,1000,4000)")
    parser.add_argument("--languages", type=numbers, help="numbers of languages (1,3,6)")
    parser.add_argument("--runs", type=int, help="runs of each build, the median shown (3)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write results")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([250] if args.quick else [250, 1000, 4000])
    counts = args.languages or ([1, 3] if args.quick else [1, 3, 6])
    runs = args.runs or (1 if args.quick else 3)
    if max(counts) > len(LANGUAGE_ORDER) or min(counts) < 1:
        parser.error(f"--languages: from 1 to {len(LANGUAGE_ORDER)}")
    become_subreaper()
    started, load = time.perf_counter(), os.getloadavg()
    sites, vanilla = [], {}
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for size in sizes:
            for count in counts:
                languages = LANGUAGE_ORDER[:count]
                sites.append(bench_site(Path(temp), size, languages, runs, not args.quick))
            source = Path(temp) / f"{size}-{counts[0]}" / "content"
            vanilla[size] = bench_vanilla(Path(temp), source, size, runs)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    results = {
        "command": shlex.join(["invoke", "bench", *(sys.argv[1:] if argv is None else argv)]),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load,
            "load_average_after": os.getloadavg(),
            "python": platform.python_version(),
            "pelican": pelican.__version__,
            "commit": commit.stdout.strip(),
        },
        "settings": f"publishconf.py, SITEURL={SITEURL}, SOURCE_DATE_EPOCH={FIXED_EPOCH}",
        "runs": runs,
        "edited_output_compared": not args.quick,
        "seconds": round(time.perf_counter() - started, 1),
        "sites": sites,
        "vanilla": list(vanilla.values()),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print()
    for site in sites:
        print(describe(site))
    print()
    print(table(sites, vanilla))
    print(
        f"\n{runs} run(s) each, medians; {results['seconds']:.0f} s in all; load average "
        f"{load[0]:.1f} before, {results['machine']['load_average_after'][0]:.1f} after; "
        f"JSON: {args.json}"
    )
    return report_problems(sites, vanilla)


def report_problems(sites: list[dict], vanilla: dict[int, dict]) -> int:
    """Say loudly what went wrong (exit code 1), or nothing (0)."""
    mismatches = [line for site in sites for line in site["mismatches"]]
    failures = [site["failure"] for site in [*sites, *vanilla.values()] if site["failure"]]
    if mismatches:
        print(
            f"\nOUTPUT MISMATCH: {len(mismatches)} file(s) differ from a cold build of the same "
            "content (a stale cache?):",
            file=sys.stderr,
        )
        print("\n".join(f"  {line}" for line in mismatches[:50]), file=sys.stderr)
    if failures:
        print(f"\nBUILD FAILED: {len(failures)} site(s) could not be built; see the table.",
              file=sys.stderr)  # fmt: skip
    return 1 if mismatches or failures else 0


if __name__ == "__main__":
    sys.exit(main())
