"""Event pages in headless Chromium: the month grid by keyboard (axe: test_quality_a11y)."""

import pytest

pytestmark = pytest.mark.browser

MONTH = "/events/calendar/2026-02/"


def test_month_grid_is_usable_by_keyboard(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + MONTH)
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
