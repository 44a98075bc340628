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
)
from sitecheck.browser import chromium as _chromium
from sitecheck.suite import AXE_RULES
from tests.quality import require

__all__ = ["VIOLATIONS", "AxeTabs", "axe_violations", "chromium", "external_requests", "serve"]

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
    at ``base``, with one tab per colour scheme kept open from page to page: loading the next
    page in an open tab costs a third of what opening a new one does, and a run checks
    hundreds. Every load is a new document; the tab keeps only the HTTP cache, whose answers
    still show as requests. axe is asked for its violations only (every node of each), not
    for the rules passed, which takes a third of its time."""

    RUN = """tags => axe.run(document,
        {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})"""

    def __init__(self, browser, base: str):
        self.browser, self.base = browser, base
        self.tabs = {}  # scheme -> (page, the requests that left the site)

    def problems(self, path: str, scheme: str) -> list[str]:
        if scheme not in self.tabs:
            page = self.browser.new_page(color_scheme=scheme)
            self.tabs[scheme] = page, external_requests(page)
        page, outside = self.tabs[scheme]
        outside.clear()
        page.goto(self.base + path)
        page.evaluate(_axe_source())
        problems = [
            f"{path} ({scheme}): {violation['id']} ({violation['impact']}): {node['target']}"
            f" — {violation['help']}"
            for violation in page.evaluate(self.RUN, AXE_RULES)["violations"]
            for node in violation["nodes"]
        ]
        return problems + [f"{path} ({scheme}): requested {url}" for url in outside]

    def close(self) -> None:
        for page, _ in self.tabs.values():
            page.close()
