"""Event pages in headless Chromium: the month grid by keyboard, the month as an agenda on a
small screen, tables that fit it, and the reader's own time (axe over every type of page:
test_quality_a11y)."""

import pytest

from sitecheck.browser import AXE_TAGS
from sitecheck.pagetypes import url_path
from tests.browser import axe_violations

pytestmark = pytest.mark.browser

MONTH = "/events/calendar/2026-02/"  # with events on Sunday 8 February
ONLINE = "/events/2026-day-of-prayer-online-gathering/"  # Friday 6 February, 11:00–14:00 CET
SMALL = {"width": 360, "height": 800}

# Whether the page scrolls sideways, and which of its boxes scroll sideways themselves (a table
# in a scrolling region) or cut their content off (a cell, a list item); text kept for screen
# readers only (.visually-hidden) is clipped on purpose.
SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth > 0"
CUT = """() => [...document.querySelectorAll("main *")]
  .filter(el => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1)
  .filter(el => !el.closest(".visually-hidden"))
  .map(el => el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 40))"""


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


def test_month_on_a_small_screen_shows_every_event_without_scrolling_sideways(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport=SMALL)
    page.goto(base + MONTH)
    assert page.locator("table.event-month").is_hidden()
    in_grid = page.eval_on_selector_all(
        "table.event-month a", "links => links.map(a => a.getAttribute('href'))"
    )
    shown = page.evaluate("""() => [...document.querySelectorAll(".event-agenda a")]
      .filter(a => { const box = a.getBoundingClientRect();
                     return box.width > 0 && box.left >= 0 && box.right <= innerWidth; })
      .map(a => a.getAttribute("href"))""")
    assert len(in_grid) >= 4
    assert sorted(shown) == sorted(in_grid), "each event of each day, whole on the screen"
    assert page.get_by_role("heading", level=2, name="Sunday, 8 February 2026").is_visible()
    assert not page.evaluate(SIDEWAYS)
    page.close()


def test_month_agenda_is_usable_by_keyboard(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport=SMALL)
    page.goto(base + MONTH)
    links = page.eval_on_selector_all(".event-agenda a", "links => links.map(a => a.href)")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const el = document.activeElement;
          return {href: el.href, agenda: !!el.closest(".event-agenda"),
                  hidden: !el.getClientRects().length}; }""")
        assert not focused["hidden"], "focus never goes to the hidden grid"
        if focused["agenda"]:
            reached.append(focused["href"])
        if len(reached) == len(links):
            break
    assert reached == links, "every link of the agenda, in order"
    page.close()


def test_no_page_of_the_events_section_scrolls_sideways_at_360_pixels(browser_site, demo):
    base, browser = browser_site
    paths = sorted(
        url_path(path.relative_to(demo.output).as_posix())
        for path in (demo.output / "events").rglob("index.html")
    )
    page = browser.new_page(viewport=SMALL)
    problems = []
    for path in paths:
        page.goto(base + path)
        if page.evaluate(SIDEWAYS):
            problems.append(f"{path}: scrolls sideways")
        problems += [f"{path}: {box} is cut off" for box in page.evaluate(CUT)]
    assert len(paths) > 40
    assert problems == []
    page.close()


@pytest.mark.parametrize(
    "path", [ONLINE, "/campaigns/day-of-prayer/", "/fr/campaigns/day-of-prayer/"]
)
def test_tables_and_resource_lists_fit_360_pixels(browser_site, path):
    base, browser = browser_site
    page = browser.new_page(viewport=SMALL)
    page.goto(base + path)
    assert page.locator("main table").count() >= 1, "the times around the world"
    assert page.evaluate(CUT) == []
    assert not page.evaluate(SIDEWAYS)
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_month_page_has_no_axe_violation_best_practices_included(browser_site, width, scheme):
    base, browser = browser_site
    page = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page.goto(base + MONTH)
    assert axe_violations(page, [*AXE_TAGS, "best-practice"]) == []
    page.close()


@pytest.mark.parametrize(
    ("path", "zone", "local"),
    [
        (ONLINE, "Asia/Manila", "(your time: 18:00–21:00 GMT+8)"),
        # 19:00 in Rome on Sunday is 02:00 on Monday in Manila: the day is said too
        (
            "/events/example-cancelled-vigil/",
            "Asia/Manila",
            "(your time: Mon 9 Feb, 02:00–03:00 GMT+8)",
        ),
        (ONLINE, "America/New_York", "(your time: 05:00–08:00 GMT-5)"),
        (ONLINE, "Europe/Rome", None),  # the event's own zone
        (ONLINE, "Europe/Paris", None),  # another zone, the same time
    ],
)
def test_reader_sees_their_own_time_where_their_zone_differs(browser_site, path, zone, local):
    base, browser = browser_site
    context = browser.new_context(timezone_id=zone)
    page = context.new_page()
    page.goto(base + path)
    notes = page.locator(".event-facts .event-when + .event-local")
    if local is None:
        assert page.locator(".event-local").count() == 0
    else:
        assert notes.count() == 1
        assert notes.text_content() == " " + local
        assert notes.is_visible()
    context.close()


def test_reader_time_is_in_the_pages_language(browser_site):
    base, browser = browser_site
    context = browser.new_context(timezone_id="Asia/Manila")
    page = context.new_page()
    page.goto(base + "/fr" + ONLINE)
    note = page.locator(".event-facts .event-local").text_content()
    assert note.startswith(" (chez vous\u00a0: 18:00")
    assert note.endswith("21:00 UTC+8)")
    context.close()
