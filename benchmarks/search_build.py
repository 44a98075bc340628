"""What search costs: the time the Pagefind index adds to a build, and what a reader downloads
for one query, on the demo site and on the demo site with N generated news posts.

    .venv/bin/python benchmarks/search_build.py                 # 2,000 posts, median of 3
    .venv/bin/python benchmarks/search_build.py --posts 500 --runs 5

Each post has about 500 words, drawn with a Zipf law from the demo's own vocabulary and some
15,000 made-up words (a real site's long tail of names and rare words). Build times are the
median of --runs builds in a fresh process, after one cold build, with the
real `pelican` command, pelicanconf.py and SEARCH False and True in turn: wall time, and the
processor time of the build and Pagefind (steadier on shared cores); the index's own time is
the kit's log line. Images come from the media cache; Pelican's reader cache is emptied before
each build. The payload is measured in headless Chromium (Debian's): the search page
of the built site is served on 127.0.0.1, a query is typed, and every file the browser
fetches is counted as a web server would send it (text files gzip-compressed; Pagefind's
index and WebAssembly files are compressed already).
"""

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1768910400"  # 2026-01-20 12:00 UTC, as in the tests

sys.path.insert(0, str(ROOT / "plugins"))

WORDS_PER_POST = 500
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "gel", "mor", "tas")
TEXT_TYPES = (".html", ".css", ".js", ".json")
INDEX_LINE = re.compile(r"search: Pagefind indexed (\d+) pages in ([\d.]+) s")


def vocabulary(rng: random.Random) -> list[str]:
    """The demo's words, most frequent first, then made-up ones."""
    counts: dict[str, int] = {}
    for path in (ROOT / "content").rglob("*.md"):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        for word in re.findall(r"[a-z]{3,}", body.lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: -counts[w])
    made_up = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(20_000)}
    return words + sorted(made_up - set(words))[:15_000]


def generate_posts(content: Path, count: int) -> None:
    rng = random.Random(2017)
    words = vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    folder = content / "news" / "generated"
    folder.mkdir(parents=True)
    for number in range(count):
        drawn = rng.choices(words, weights, k=WORDS_PER_POST)
        paragraphs = [" ".join(drawn[i : i + 100]).capitalize() + "." for i in range(0, 500, 100)]
        title = " ".join(rng.choices(words, weights, k=5)).capitalize()
        campaign = "Campaign: day-of-prayer\n" if number % 4 == 0 else ""
        (folder / f"post-{number}.md").write_text(
            f"Title: {title} {number}\n"
            f"Date: {2010 + number % 16}-{1 + number % 12:02d}-{1 + number % 28:02d} 10:00\n"
            f"Category: {('News', 'Campaigns', 'Network')[number % 3]}\n"
            f"Tags: tag{number % 40}\n{campaign}\n" + "\n\n".join(paragraphs) + "\n",
            encoding="utf-8",
        )


def pelican_run(
    content: Path, output: Path, caches: Path, cold: bool, settings: dict | None = None
) -> tuple[float, str]:
    """Build ``content`` into ``output`` (``settings`` over pelicanconf.py's) with the real
    ``pelican`` command; return the wall time and the build's log."""
    if cold:
        shutil.rmtree(caches, ignore_errors=True)
    # One -e for every setting: Pelican keeps only the last -e's values.
    extra = {"CACHE_PATH": str(caches / "pelican"), **(settings or {})}
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "-v", "-e", *(f"{k}={json.dumps(v)}" for k, v in extra.items()),
    ]  # fmt: skip
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, done.stdout + done.stderr


def summary(times: list[float]) -> str:
    runs = ", ".join(f"{seconds:.2f}" for seconds in times)
    return f"median {statistics.median(times):.2f} s (runs {runs})"


def count_files(output: Path, pattern: str) -> int:
    return sum(1 for _ in output.rglob(pattern))


def build(content: Path, output: Path, caches: Path, search: bool) -> tuple[float, float, str]:
    """One build with the media cache warm and Pelican's reader cache cold (which also
    empties the kit's note of the last build, so that nothing is skipped): its wall time,
    the processor time of the build and of Pagefind (which wall time on shared cores does
    not show), and its log."""
    shutil.rmtree(caches / "pelican", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, log = pelican_run(content, output, caches, cold=False, settings={"SEARCH": search})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu, log


def build_times(label: str, content: Path, output: Path, caches: Path, runs: int) -> None:
    pelican_run(content, output, caches, cold=True, settings={"SEARCH": True})  # media cache
    times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    indexed = []
    for _ in range(runs):  # alternated, so that a busy moment weighs on both alike
        for search in (False, True):
            seconds, cpu, log = build(content, output, caches, search)
            times[search].append((seconds, cpu))
            found = INDEX_LINE.search(log) if search else None
            if found:
                indexed.append(float(found[2]))
                marked = found[1]
    pages = count_files(output, "*.html")
    for search in (False, True):
        wall = [w for w, _ in times[search]]
        cpu = [c for _, c in times[search]]
        print(
            f"{label}, SEARCH {search}: wall {summary(wall)}; processor time median "
            f"{statistics.median(cpu):.2f} s"
        )
    print(
        f"{label}: {pages} pages, {marked} indexed; Pagefind's own wall time median "
        f"{statistics.median(indexed):.2f} s; bundle {folder_size(output / 'pagefind') / 1e6:.1f} "
        "MB on disk"
    )


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def sent_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6)) if path.suffix in TEXT_TYPES else len(data)


def kind_of(path: str) -> str:
    path = path.split("?", maxsplit=1)[0]
    name = path.rsplit("/", 1)[-1]
    if path.startswith("/pagefind/"):
        if name.startswith("wasm."):
            return "WebAssembly"
        if name.endswith(".js"):
            return "Pagefind JS"
        return {"fragment": "fragments", "index": "index chunks", "filter": "filter chunks"}.get(
            path.split("/")[2], "entry and metadata"
        )
    return "search page (HTML, CSS, JS)"


def payload(output: Path, path: str, query: str) -> None:
    """What the browser fetches to show the first results for ``query`` on ``path``."""
    from sitecheck.browser import chromium, serve  # noqa: PLC0415

    with serve(output) as base, chromium() as browser:
        page = browser.new_page()
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url.removeprefix(base)))
        page.goto(base + path)
        page.fill("#search-query", query)
        page.press("#search-query", "Enter")
        status = page.locator("[data-search-status]")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
            not status.text_content() or status.text_content().endswith("…")
        ):
            page.wait_for_timeout(100)
        shown = page.locator(".search-result").count()
        said = status.text_content()
    by_kind: dict[str, list[int]] = {}
    for url in dict.fromkeys(fetched):  # pagefind.js?en: a second module, fetched apart
        file = output / url.split("?")[0].lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            by_kind.setdefault(kind_of(url), []).append(sent_size(file))
    total = sum(sum(sizes) for sizes in by_kind.values())
    parts = "; ".join(
        f"{kind} {sum(sizes) / 1024:.1f} KB ({len(sizes)})" for kind, sizes in by_kind.items()
    )
    print(f"  {path} “{query}”: {said!r}, {shown} shown; {total / 1024:.0f} KB: {parts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        temp = Path(folder)
        build_times("demo site", ROOT / "content", temp / "demo", temp / "demo-caches", args.runs)
        for path, query in (("/search/", "children"), ("/fr/search/", "children")):
            payload(temp / "demo", path, query)
        content = temp / "content"
        shutil.copytree(ROOT / "content", content)
        generate_posts(content, args.posts)
        label = f"demo site + {args.posts} posts of {WORDS_PER_POST} words"
        build_times(label, content, temp / "big", temp / "big-caches", args.runs)
        for path, query in (
            ("/search/", "children"),
            ("/search/", "prayer"),
            ("/fr/search/", "children"),
        ):
            payload(temp / "big", path, query)
        search_page = temp / "big" / "search" / "index.html"
        print(
            f"  the search page's HTML (A–Z index of every page): "
            f"{sent_size(search_page) / 1024:.0f} KB compressed, "
            f"{sent_size(temp / 'big' / 'fr' / 'search' / 'index.html') / 1024:.0f} KB in French"
        )


if __name__ == "__main__":
    main()
