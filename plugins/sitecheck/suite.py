"""The whole set of quality gates over one built site, shared by ``invoke check`` and the
tests: links, privacy, safety, HTML, page weight, calendars read alike by three readers,
axe-core over one page of every type, Lighthouse on the pages that matter most. In CI (CI set)
a gate whose tool is missing fails.
"""

import os
from pathlib import Path

from .browser import AXE_TAGS, axe_violations, chromium, chromium_missing, external_requests
from .budget import budget_problems
from .calendars import calendar_problems, icaljs_command
from .check import check_site
from .gates import Gate
from .lighthouse import lighthouse_command, run_lighthouse
from .pagetypes import SiteTypes
from .privacy import image_metadata_problems, svg_problems, tracking_problems
from .safety import safety_problems
from .vnu import html_problems, vnu_command

SCHEMES = ("light", "dark")
AXE_RULES = [*AXE_TAGS, "best-practice"]
LIGHTHOUSE_TYPES = ("home", "campaign", "edition", "event")


def tools_required() -> bool:
    """In CI every gate must run: a missing tool is a failure, not a skip."""
    return bool(os.environ.get("CI"))


def axe_problems(browser, base: str, path: str, scheme: str) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations and its best practices (unique landmarks, one main
    heading…) on one page in one colour scheme, and any request that leaves the site."""
    page = browser.new_page(color_scheme=scheme)
    try:
        outside = external_requests(page)
        page.goto(base + path)
        problems = [
            f"{path} ({scheme}): {violation}" for violation in axe_violations(page, AXE_RULES)
        ]
        return problems + [f"{path} ({scheme}): requested {url}" for url in outside]
    finally:
        page.close()


def lighthouse_targets(types: SiteTypes) -> tuple[list[tuple[str, str]], list[str]]:
    """(type, URL path) of the pages Lighthouse audits, in the default language; and the
    types skipped because this build has none."""
    lang = next(iter(types.by_type.get("home", {})), None) or (types.languages or [""])[0]
    pages, skipped = [], []
    for kind in LIGHTHOUSE_TYPES:
        path = types.representative(kind, lang)
        if path:
            pages.append((kind, path))
        else:
            skipped.append(kind)
    return pages, skipped


def site_gates(output: Path, siteurl: str, base: str) -> list[Gate]:
    """Every gate over the site built at ``output`` for ``siteurl`` and served at ``base``
    (``siteurl`` may carry a sub-path that ``base`` lacks)."""
    types = SiteTypes(output)
    pages = types.pages
    sample = types.representatives()
    vnu_missing = vnu_command()[1]
    icaljs, icaljs_missing = icaljs_command()
    calendars = len(list(Path(output).rglob("*.ics")))
    lighthouse, lighthouse_missing = lighthouse_command()
    audited, unaudited = lighthouse_targets(types)
    prefix = siteurl.removeprefix(base)

    def axe():
        problems = []
        with chromium() as browser:
            for _kind, _lang, path in sample:
                for scheme in SCHEMES:
                    problems += axe_problems(browser, base, prefix + path, scheme)
        return problems

    def lighthouse_run():
        return [
            problem
            for _kind, path in audited
            for problem in run_lighthouse(base + prefix + path, lighthouse).problems()
        ]

    skipped = f"; no {', '.join(unaudited)} page in this build" if unaudited else ""
    unmapped = [f"{path}: a page of no known type: add it to PAGE_TYPES" for path in types.unmapped]
    return [
        Gate(
            "links",
            lambda: check_site(output, siteurl, pages) + unmapped,
            covers=f"{len(pages)} pages and the feeds: links, fragments, other hosts, CSP",
        ),
        Gate(
            "privacy",
            lambda: (
                image_metadata_problems(output) + svg_problems(output) + tracking_problems(output)
            ),
            covers="every image without metadata, every SVG self-contained; no cookie or tracker",
        ),
        Gate(
            "safety",
            lambda: safety_problems(output, siteurl),
            covers=f"{len(pages)} pages: the theme's scripts only; no refresh, <base>, "
            "javascript: URL, event handler, off-site frame or form",
        ),
        Gate(
            "HTML (Nu checker)",
            lambda: html_problems(output),
            missing=vnu_missing,
            covers=f"{len(pages)} pages and the stylesheets, one Java process",
        ),
        Gate(
            "page weight",
            lambda: budget_problems(output, siteurl, pages),
            covers=f"{len(pages)} pages of {len(types.by_type)} types: ≤ 50 KB, JS ≤ 15 KB gzip",
        ),
        Gate(
            "calendars",
            lambda: calendar_problems(output, icaljs),
            missing=icaljs_missing,
            covers=f"{calendars} .ics files: icalendar, vobject and ical.js read the same times",
        ),
        Gate(
            "accessibility (axe)",
            axe,
            missing=chromium_missing(),
            covers=f"{len(sample)} pages (one per type and language) × light, dark",
        ),
        Gate(
            "Lighthouse",
            lighthouse_run,
            missing=lighthouse_missing,
            covers=f"{', '.join(kind for kind, _ in audited)} (mobile) ≥ 95{skipped}",
        ),
    ]
