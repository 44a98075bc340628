"""Campaign and edition pages in headless Chromium on a phone (360×800): the first screen holds
what a reader arriving from a shared link needs, and nothing scrolls sideways (axe over every
type of page: test_quality_a11y)."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
# The demo at the tests' date (20 January 2026): the Day of Prayer's 2026 edition is announced,
# the World Day's 2026 theme is not (its page shows the 2025 theme, with its year).
LANDING_PAGES = [
    "/campaigns/day-of-prayer/",
    "/campaigns/day-of-prayer/2026/",
    "/campaigns/world-day-against-trafficking/",
]

# Each part of the first screen: its text, and whether it lies whole within the screen.
FIRST_SCREEN = """() => {
  const box = el => el && el.getBoundingClientRect();
  const within = el => { const b = box(el);
    return !!b && b.height > 0 && b.top >= 0 && b.bottom <= innerHeight; };
  const part = selector => { const el = document.querySelector("main " + selector);
    return {text: el ? el.textContent.replace(/\\s+/g, " ").trim() : null, seen: within(el)}; };
  return {
    day: part(".landing h1, .landing-kicker"),
    theme: part(".landing .theme-quote"),
    date: part(".landing .campaign-when time"),
    countdown: part(".landing .countdown"),
    actions: [...document.querySelectorAll("main .landing .cta")].map(a => ({
      text: a.textContent.trim(), seen: within(a), height: box(a).height})),
  };
}"""


@pytest.mark.parametrize("path", LANDING_PAGES)
def test_the_first_screen_on_a_phone_holds_the_day_theme_date_and_calls_to_action(
    browser_site, path
):
    base, browser = browser_site
    page = browser.new_page(viewport=PHONE)
    page.goto(base + path)
    shown = page.evaluate(FIRST_SCREEN)
    page.close()
    for part in ("day", "theme", "date", "countdown"):
        assert shown[part]["text"], f"{path}: the first screen has a {part}"
        assert shown[part]["seen"], f"{path}: {part} {shown[part]['text']!r} is below 800 px"
    seen = [action for action in shown["actions"] if action["seen"]]
    assert len(seen) >= 2, f"{path}: two calls to action on the first screen: {shown['actions']}"
    assert all(action["height"] >= 44 for action in shown["actions"]), shown["actions"]


@pytest.mark.parametrize("path", LANDING_PAGES)
def test_landing_pages_do_not_scroll_sideways_on_a_phone(browser_site, path):
    base, browser = browser_site
    page = browser.new_page(viewport=PHONE)
    page.goto(base + path)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.close()


def test_the_world_days_first_screen_names_the_latest_themes_year(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport=PHONE)
    page.goto(base + "/campaigns/world-day-against-trafficking/")
    label = page.locator("main .landing-label").first
    assert label.text_content().strip() == "2025 theme"
    assert label.is_visible()
    page.close()
