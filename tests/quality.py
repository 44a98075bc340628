"""The quality gates that need a browser or an outside tool, shared by the tests and by
``invoke check``: which tools are here, axe-core over one page of every type, Lighthouse on the
pages that matter most, and the list of gates to run over a built site.

Outside CI a missing tool skips the tests that need it; in CI (CI=true) it fails them.
"""

import base64
import os
import random
from pathlib import Path

import pytest

from sitecheck import SiteTypes, budget_problems, check_site
from sitecheck.gates import Gate
from sitecheck.lighthouse import lighthouse_command, run_lighthouse
from sitecheck.privacy import image_metadata_problems, tracking_problems
from sitecheck.vnu import html_problems, vnu_command
from tests.browser import CHROMIUM, axe_violations, chromium, external_requests

SCHEMES = ("light", "dark")
LIGHTHOUSE_TYPES = ("home", "campaign", "event")


def tools_required() -> bool:
    """In CI (CI set, as tests/browser.py reads it) every gate must run."""
    return bool(os.environ.get("CI"))


def chromium_missing() -> str:
    if Path(CHROMIUM).exists():
        return ""
    return f"Chromium not found at {CHROMIUM} (Debian package: chromium)"


def require(missing: str) -> None:
    """Skip the test when a tool is ``missing`` (a reason); fail it instead in CI."""
    if not missing:
        return
    if tools_required():
        pytest.fail(f"CI needs this tool: {missing}")
    pytest.skip(missing)


def require_vnu() -> list[str]:
    command, missing = vnu_command()
    require(missing)
    return command


def require_lighthouse() -> list[str]:
    command, missing = lighthouse_command()
    require(missing)
    return command


def incompressible_js(size: int) -> str:
    """About ``size`` bytes of JavaScript (a comment) that gzip barely shrinks: a planted defect."""
    data = random.Random(7).randbytes(size * 3 // 4)
    return f"// {base64.b64encode(data).decode()}\n"


def axe_problems(browser, base: str, path: str, scheme: str) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on one page in one colour scheme, and any request
    that leaves the site."""
    page = browser.new_page(color_scheme=scheme)
    try:
        outside = external_requests(page)
        page.goto(base + path)
        problems = [f"{path} ({scheme}): {violation}" for violation in axe_violations(page)]
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
            lambda: image_metadata_problems(output) + tracking_problems(output),
            covers="every image without metadata; no cookie, analytics or tracking pixel",
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
