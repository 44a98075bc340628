"""Headless Chromium in the tests: the gates' own browser helpers, with a missing browser
skipping the test outside CI and failing it in CI (CI=true).
"""

import contextlib

from sitecheck.browser import (
    _axe_source,
    axe_violations,
    chromium_missing,
    external_requests,
    serve,
    wait_until,
)
from sitecheck.browser import chromium as _chromium
from sitecheck.suite import AXE_RULES, SCHEMES
from tests.quality import require

__all__ = [
    "VIOLATIONS",
    "AxeTabs",
    "axe_violations",
    "chromium",
    "external_requests",
    "serve",
    "wait_until",
]

# An init script: every policy violation the page reports, as "directive blocked-URL", in
# window.violations.
VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation",
  event => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


@contextlib.contextmanager
def chromium():
    require(chromium_missing())
    with _chromium() as browser:
        yield browser


class AxeTabs:
    """The check of :func:`sitecheck.suite.axe_problems` (axe-core's WCAG 2.2 A/AA rules and
    best practices, and any request that leaves the site) over many pages of the site served
    at ``base``, in one tab kept open from page to page: loading the next page in an open tab
    costs a third of what opening a new one does, and a run checks hundreds. Each page is
    loaded once and checked in each colour scheme in turn, the scheme switched as a reader's
    system switches it (its styles recomputed, any transition let finish): a second load
    would cost more than the check itself. Every load is a new document; the tab keeps only
    the HTTP cache, whose answers still show as requests. axe is asked for its violations only
    (every node of each), not for the rules passed, which takes a third of its time."""

    RUN = """tags => axe.run(document,
        {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})"""
    SETTLED = """() => Promise.allSettled(document.getAnimations()
        .filter(animation => animation instanceof CSSTransition)
        .map(animation => animation.finished))"""

    def __init__(self, browser, base: str):
        self.browser, self.base = browser, base
        self.tab = None  # (page, the requests that left the site)

    def problems(self, path: str, schemes=SCHEMES) -> list[str]:
        """What axe finds on ``path`` in each of ``schemes``, and the requests that left the
        site while the page was shown in it, which in a later scheme include those of the
        load."""
        if self.tab is None:
            page = self.browser.new_page()
            self.tab = page, external_requests(page)
        page, outside = self.tab
        outside.clear()
        page.emulate_media(color_scheme=schemes[0])
        page.goto(self.base + path)
        page.evaluate(_axe_source())
        problems = []
        for scheme in schemes:
            page.emulate_media(color_scheme=scheme)
            page.evaluate(self.SETTLED)
            problems += [
                f"{path} ({scheme}): {violation['id']} ({violation['impact']}): "
                f"{node['target']} — {violation['help']}"
                for violation in page.evaluate(self.RUN, AXE_RULES)["violations"]
                for node in violation["nodes"]
            ]
            problems += [f"{path} ({scheme}): requested {url}" for url in outside]
        return problems

    def close(self) -> None:
        if self.tab:
            self.tab[0].close()
