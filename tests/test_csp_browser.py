"""The Content-Security-Policy in headless Chromium, on the demo's production build.

The build is served on 127.0.0.1; the browser asks for it at its production address
(``https://example.org/campaigns/``) and every such request is answered by that server, so the
policy's ``script-src https://example.org/campaigns/theme/js/`` is checked as in production.
"""

import datetime

import pytest

from tests.browser import VIOLATIONS, serve, wait_until

pytestmark = pytest.mark.browser

SITEURL = "https://example.org/campaigns"
CAMPAIGN = "/campaigns/day-of-prayer/"  # its campaign day: 8 February 2026


@pytest.fixture(scope="module")
def browser_page(published, browser):
    """A page whose requests for the site reach the local server; any other request is
    refused and kept in ``page.outside``; console errors are kept in ``page.errors``."""
    with serve(published.output) as base:
        page = browser.new_page()
        page.outside, page.errors = [], []

        def answer(route):
            url = route.request.url
            if url.startswith(SITEURL + "/"):
                route.fulfill(response=route.fetch(url=base + url.removeprefix(SITEURL)))
            else:
                page.outside.append(url)
                route.abort()

        page.route("**/*", answer)
        page.add_init_script(VIOLATIONS)
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        yield page
        page.unroute_all(behavior="ignoreErrors")
        page.close()


def test_the_countdown_script_runs_under_the_policy(browser_page):
    page = browser_page
    # The page was built on 20 January ("in 19 days"); the script counts from the reader's day.
    page.clock.set_fixed_time(datetime.datetime(2026, 2, 7, 12, tzinfo=datetime.UTC))
    page.goto(SITEURL + CAMPAIGN)
    page.wait_for_load_state("load")
    assert page.text_content(".countdown").strip() == "tomorrow"
    assert page.evaluate("window.violations") == []
    assert page.errors == []
    assert page.outside == []


def test_a_script_of_the_site_outside_the_theme_folder_is_blocked(browser_page):
    page = browser_page
    page.goto(SITEURL + CAMPAIGN)
    blocked = SITEURL + "/files/planted.js"
    page.evaluate(
        "src => document.head.append(Object.assign(document.createElement('script'), {src}))",
        blocked,
    )
    wait_until(page, "window.violations.length > 0")
    assert page.evaluate("window.violations") == [f"script-src-elem {blocked}"]
