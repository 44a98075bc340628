"""Build time of the demo site, and of the demo site with N generated news posts.

    .venv/bin/python benchmarks/build_posts.py            # demo, and demo + 1,000 posts
    .venv/bin/python benchmarks/build_posts.py --posts 5000 --runs 5

Each figure is the median wall time of --runs builds in a fresh process (the real `pelican`
command with pelicanconf.py), cold (every cache removed before each run, so share cards are
drawn again) and warm (caches kept).
"""

import argparse
import shutil
import tempfile
from pathlib import Path

from common import ROOT, count_files, pelican_run, summary

PARAGRAPH = (
    "Religious congregations across Europe meet local groups, parishes and shelters to talk about "
    "exploitation, *safe migration* and the support that survivors can ask for. "
    "[Read the guide]({filename}/pages/about.md) or see the **news list**.\n\n"
)


def generate_posts(content: Path, count: int) -> None:
    folder = content / "news" / "generated"
    folder.mkdir(parents=True)
    for number in range(count):
        year = 2010 + number % 16
        text = (
            f"Title: Generated post {number}\n"
            f"Date: {year}-{1 + number % 12:02d}-{1 + number % 28:02d} 10:00\n"
            f"Category: {('News', 'Campaigns', 'Network')[number % 3]}\n"
            f"Tags: tag{number % 40}, tag{number % 7}\n"
            "Authors: RENATE Editorial Team\n"
            f"Summary: Summary of generated post {number}.\n\n"
            f"## Section\n\n{PARAGRAPH * 4}- one\n- two\n- three\n"
        )
        (folder / f"post-{number}.md").write_text(text, encoding="utf-8")


def measure(label: str, content: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as temp:
        output, caches = Path(temp) / "output", Path(temp) / "caches"
        cold = [pelican_run(content, output, caches, cold=True)[0] for _ in range(runs)]
        warm = [pelican_run(content, output, caches, cold=False)[0] for _ in range(runs)]
        pages = count_files(output, "*.html")
    print(f"{label}: {pages} pages; cold {summary(cold)}; warm {summary(warm)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    measure("demo site", ROOT / "content", args.runs)
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        shutil.copytree(ROOT / "content", content)
        generate_posts(content, args.posts)
        measure(f"demo site + {args.posts} posts", content, args.runs)


if __name__ == "__main__":
    main()
