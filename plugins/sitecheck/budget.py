"""Page weight: what a reader on a slow phone downloads for a page, compressed as a web server
sends it, and whether a script holds up the first paint."""

import gzip
from dataclasses import dataclass
from pathlib import Path

from .check import Page, Site
from .pagetypes import JS_HEAVY_TYPES, SiteTypes

PAGE_BUDGET = 50 * 1024  # HTML + CSS + JS, gzip-compressed
JS_BUDGET = 15 * 1024  # JS, gzip-compressed; JS_HEAVY_TYPES (search) are exempt


@dataclass
class Weight:
    html: int
    css: int
    js: int
    blocking: list[str]  # scripts in <head> without defer, async or type="module"
    missing: list[str]  # stylesheets and scripts the page names but the output lacks

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


class Budget:
    """Measures pages of a built site; each file is compressed once however many pages use it."""

    def __init__(self, site: Site):
        self.site = site
        self._compressed: dict[Path, int] = {}

    def _size(self, path: Path) -> int:
        if path not in self._compressed:
            self._compressed[path] = len(gzip.compress(path.read_bytes(), compresslevel=9))
        return self._compressed[path]

    def _assets(self, path: Path, urls: list[str], missing: list[str]) -> int:
        total = 0
        for url in dict.fromkeys(urls):  # a file named twice is downloaded once
            found = self.site.resolve(path, url)
            if found is None:
                continue  # another host: sitecheck reports it
            if found[0].is_file():
                total += self._size(found[0])
            else:
                missing.append(url)
        return total

    def measure(self, path: Path) -> Weight:
        page = self.site.pages[path]
        missing: list[str] = []
        return Weight(
            html=self._size(path),
            css=self._assets(path, page.stylesheets, missing),
            js=self._assets(path, [script.src for script in page.scripts], missing),
            blocking=[s.src for s in page.scripts if s.in_head and not s.deferred],
            missing=missing,
        )

    def problems(self, path: Path, kind: str) -> list[str]:
        weight = self.measure(path)
        name = self.site.name(path)
        problems = []
        if weight.total > PAGE_BUDGET:
            problems.append(
                f"{name} ({kind}): {kb(weight.total)} compressed (HTML {kb(weight.html)}, "
                f"CSS {kb(weight.css)}, JS {kb(weight.js)}); the budget is {kb(PAGE_BUDGET)}"
            )
        if weight.js > JS_BUDGET and kind not in JS_HEAVY_TYPES:
            problems.append(
                f"{name} ({kind}): {kb(weight.js)} of JavaScript compressed; "
                f"the budget is {kb(JS_BUDGET)}"
            )
        problems += [
            f"{name} ({kind}): render-blocking script {src} in <head>: add defer "
            '(or async, or type="module")'
            for src in weight.blocking
        ]
        problems += [
            f"{name} ({kind}): cannot measure {url}: not in the output" for url in weight.missing
        ]
        return problems


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def budget_problems(output: Path, siteurl: str = "", pages: dict[Path, Page] | None = None):
    """One line per page over budget or with a render-blocking script; every page is measured."""
    budget = Budget(Site(output, siteurl, pages))
    types = SiteTypes(output, budget.site.pages)
    return [
        problem
        for path, kind in types.kinds.items()
        for problem in budget.problems(path, kind or "page of no known type")
    ]
