"""Accessibility gate: axe-core (WCAG 2.2 A/AA) in headless Chromium over one page of every
type the demo build has, in every language it has, in light and dark (half the types here, the
other half and some variants in test_quality_a11y_types.py, which another test worker takes);
a keyboard walk; and the reading checks that need a browser (no JavaScript, 320 pixels wide,
nothing from another host).
"""

import re

import pytest

from sitecheck import PAGE_TYPES, SiteTypes
from sitecheck.pagetypes import LARGE_SITE_TYPES
from sitecheck.suite import axe_problems
from tests.browser import AxeTabs, serve
from tests.conftest import write_files

pytestmark = [pytest.mark.browser, pytest.mark.gates]

# The page types whose axe checks this file holds; test_quality_a11y_types.py holds the rest.
HALF = len(PAGE_TYPES) // 2
FIRST_TYPES, OTHER_TYPES = list(PAGE_TYPES)[:HALF], list(PAGE_TYPES)[HALF:]

# A link to the same page in another language (a download in another language is not one).
TRANSLATION_LINK = re.compile(r"<a\b(?![^>]*\bdownload\b)[^>]*\bhreflang=")

# The styles that show where the keyboard focus is; one of them must be set on every stop.
FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outline || style.boxShadow !== "none";
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), text: (el.textContent || "").trim().slice(0, 40),
          href: el.getAttribute("href"), url: el.href || null,
          visible: box.width > 0 && box.height > 0, nav: !!el.closest("header nav"),
          inTable: !!el.closest("main table"),
          lang: el.matches("a[hreflang]:not([download])") ? el.getAttribute("hreflang") : null};
}"""


@pytest.fixture(scope="module")
def types(demo):
    return SiteTypes(demo.output)


def tab_walk(page, stops: int = 80):
    """Press Tab up to ``stops`` times; yield what has focus after each press, until focus
    leaves the page or comes back to where it started."""
    first = None
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or focused == first:
            return
        first = first or focused
        yield focused


def assert_no_axe_violations_of_type(axe, types, kind: str) -> None:
    """axe finds nothing on the page of ``kind`` in each language, in light and dark."""
    languages = sorted(types.by_type.get(kind, {}))
    if kind in LARGE_SITE_TYPES:
        pytest.skip(LARGE_SITE_TYPES[kind])
    assert languages, f"the demo build has no {kind} page: add one, every type is checked"
    problems = []
    for lang in languages:
        problems += axe(types.representative(kind, lang))
    assert problems == []


@pytest.mark.parametrize("kind", FIRST_TYPES)
def test_page_type_has_no_axe_violations_in_any_language(axe, types, kind):
    assert_no_axe_violations_of_type(axe, types, kind)


def test_axe_finds_an_image_without_alt(browser_site, tmp_path):
    """The planted defect, found by the gate (invoke check) and, alike, by the tabs kept open
    with which these tests check the demo (AxeTabs)."""
    site = write_files(
        tmp_path,
        {
            "index.html": """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Planted</title>
            </head><body><main><h1>Planted</h1><img src="pixel.png"><img src="pixel.png">
            <img src="https://example.org/elsewhere.png" alt="Elsewhere"></main></body></html>
            """,
            "pixel.png": b"",
        },
    )
    browser = browser_site[1]
    with serve(site) as base:
        problems = axe_problems(browser, base, "/", "light")
        in_dark = axe_problems(browser, base, "/", "dark")
        tabs = AxeTabs(browser, base)
        in_tabs = [tabs.problems(path) for path in ("/", "/")]
        tabs.close()
    assert any(problem.startswith("/ (light): image-alt") for problem in problems), problems
    assert any(
        problem.endswith("requested https://example.org/elsewhere.png") for problem in problems
    )
    assert len([p for p in problems if ": image-alt" in p]) == 2, "every node of a violation"
    assert in_dark == [p.replace("(light)", "(dark)") for p in problems]
    for found in in_tabs:  # light then dark in one load, again in a tab that loaded it before
        assert found == problems + in_dark


def test_skip_link_is_first_and_moves_focus_to_main(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert page.evaluate(FOCUS_STYLE)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), "next stop is in <main>"
    page.close()


def test_focus_is_visible_at_every_stop_of_the_home_page(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/")
    stops, hidden = 0, []
    for focused in tab_walk(page):
        stops += 1
        if not (focused["visible"] and page.evaluate(FOCUS_STYLE)):
            hidden.append(focused)
    assert stops > 3
    assert hidden == []
    page.close()


def test_main_navigation_is_reachable_and_operable_by_keyboard(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/")
    menu = page.eval_on_selector_all(
        "header nav a", "links => links.map(a => a.getAttribute('href'))"
    )
    reached = [f["href"] for f in tab_walk(page) if f["nav"]]
    assert menu, "the header has a navigation"
    assert reached == menu, "every menu link, in order"
    page.goto(base + "/")
    target = next(f for f in tab_walk(page) if f["nav"] and f["text"] == "News")
    page.keyboard.press("Enter")
    page.wait_for_url(target["url"])
    page.close()


def test_language_switcher_is_operable_by_keyboard(browser_site, types):
    if len(types.languages) < 2:
        pytest.skip(
            f"the demo build has one language ({', '.join(types.languages)}): "
            "no language switcher to walk yet"
        )
    switcher = next(
        (path for path in types.pages if TRANSLATION_LINK.search(path.read_text("utf-8"))), None
    )
    assert switcher, "a site in several languages links pages to their translations"
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/" + switcher.relative_to(types.root).as_posix())
    target = next((f for f in tab_walk(page, 120) if f["lang"]), None)
    assert target, "a link to another language is reached with Tab"
    assert page.evaluate(FOCUS_STYLE)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == target["lang"]
    page.close()


def test_month_grid_is_operable_by_keyboard(browser_site, types):
    lang = next(iter(types.by_type.get("month grid", {})), None)
    if lang is None:
        pytest.skip("the demo build has no month grid yet")
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + types.representative("month grid", lang))
    cell = next((f for f in tab_walk(page, 120) if f["inTable"]), None)
    assert cell, "a link inside the month's table is reached with Tab"
    assert page.evaluate(FOCUS_STYLE)
    page.keyboard.press("Enter")
    page.wait_for_url(cell["url"])
    page.close()


def test_pages_read_without_javascript(browser_site):
    base, browser = browser_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/news/")
    assert page.locator("main h1").count() == 1
    assert page.locator("main article").count() >= 1
    context.close()


@pytest.fixture(scope="module")
def narrow_tab(browser_site):
    """A tab 320 pixels wide, kept open from page to page (each load a new document)."""
    base, browser = browser_site
    page = browser.new_page(viewport={"width": 320, "height": 800})
    yield base, page
    page.close()


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_usable_at_320_pixels_without_horizontal_scrolling(narrow_tab, types, kind):
    lang = next(iter(types.by_type.get(kind, {})), None)
    if kind in LARGE_SITE_TYPES:
        pytest.skip(LARGE_SITE_TYPES[kind])
    assert lang, f"the demo build has no {kind} page: add one, every type is checked"
    base, page = narrow_tab
    page.goto(base + types.representative(kind, lang))
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
