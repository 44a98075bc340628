"""The network's map and the event filters in headless Chromium (axe over every type of
page: test_quality_a11y; every page of the events section at 360 pixels:
test_events_browser)."""

import pytest

from tests.test_events_browser import CUT, SIDEWAYS, SMALL

pytestmark = pytest.mark.browser

# The focused element, and the fill of what it draws (a path or a dot).
FOCUSED_COUNTRY = """() => {
  const link = document.activeElement;
  const shape = link.querySelector("path, circle");
  return {label: link.getAttribute("aria-label"), inMap: !!link.closest("svg"),
          fill: shape ? getComputedStyle(shape).fill : null};
}"""
FOCUS_YELLOW = "rgb(255, 221, 0)"


@pytest.mark.parametrize("path", ["/network/", "/fr/network/it/", "/events/", "/it/network/"])
def test_map_and_country_pages_fit_360_pixels(browser_site, path):
    base, browser = browser_site
    page = browser.new_page(viewport=SMALL)
    page.goto(base + path)
    assert not page.evaluate(SIDEWAYS)
    assert page.evaluate(CUT) == []
    width = page.evaluate(
        "document.querySelector('.network-map svg')?.getBoundingClientRect().width"
    )
    assert width is None or 300 <= width <= 360
    page.close()


def test_each_country_on_the_map_is_reached_by_keyboard_and_shows_its_focus(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport=SMALL)
    page.goto(base + "/fr/network/")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_COUNTRY)
        if focused["inMap"]:
            reached.append(focused["label"])
            assert focused["fill"] == FOCUS_YELLOW, focused
        elif reached:
            break
    assert sorted(reached) == ["Italie", "Portugal", "État de la Cité du Vatican"]
    page.close()


def test_a_country_group_of_the_filters_opens_without_a_script(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport=SMALL, java_script_enabled=False)
    page.goto(base + "/events/")
    filters = page.locator(".event-filters")
    portugal = filters.get_by_role("link", name="Portugal", exact=True, include_hidden=True)
    assert not portugal.is_visible()
    filters.get_by_text("By country").click()
    portugal.click()
    assert page.url.endswith("/events/country/pt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Events: Portugal"
    page.close()
