"""Headless Chromium in the tests: the gates' own browser helpers, with a missing browser
skipping the test outside CI and failing it in CI (CI=true).
"""

import contextlib

from sitecheck.browser import axe_violations, chromium_missing, external_requests, serve
from sitecheck.browser import chromium as _chromium
from tests.quality import require

__all__ = ["VIOLATIONS", "axe_violations", "chromium", "external_requests", "serve"]

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
