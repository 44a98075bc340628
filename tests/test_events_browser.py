"""Event pages in headless Chromium: no axe-core violations, the month grid by keyboard."""

import pytest

from tests.browser import axe_violations

pytestmark = pytest.mark.browser

PAGES = {
    "upcoming": "/events/",
    "past": "/events/past/",
    "month": "/events/calendar/2026-02/",
    "month with today": "/events/calendar/2026-01/",
    "months": "/events/calendar/",
    "campaign": "/events/campaigns/day-of-prayer/",
    "online event": "/events/2026-day-of-prayer-online-gathering/",
    "cancelled event": "/events/example-cancelled-vigil/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_events_page_has_no_axe_violations(browser_site, name, scheme):
    base, browser = browser_site
    page = browser.new_page(color_scheme=scheme)
    page.goto(base + PAGES[name])
    assert axe_violations(page) == []
    page.close()


def test_month_grid_is_usable_by_keyboard(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + PAGES["month"])
    target = None
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('table.event-month')"):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline not in ("", "none"), "focus is visible"
            name = page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ')")
            if name.strip().startswith("Sunday, 8 February 2026:"):
                target = page.evaluate("document.activeElement.href")
                break
    assert target, "an event link of 8 February is reached with Tab"
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    page.close()
