"""The built demo site in real headless Chromium: accessibility, keyboard, privacy."""

import pytest

from tests.browser import axe_violations, chromium, external_requests, serve

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "news list": "/news/",
    "news list page 2": "/news/page/2/",
    "article": "/news/2017/osce-visit-russia/",
    "page": "/about/",
    "category": "/news/category/news/",
    "tags": "/news/tags/",
    "tag": "/news/tag/children/",
    "author": "/news/authors/",
    "archives": "/news/archives/",
    "404": "/404.html",
}


@pytest.fixture(scope="module")
def browser_site(demo):
    with serve(demo.output) as base, chromium() as browser:
        yield base, browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_axe_violations(browser_site, name, scheme):
    base, browser = browser_site
    path = PAGES[name]
    page = browser.new_page(color_scheme=scheme)
    outside = external_requests(page)
    page.goto(base + path)
    assert axe_violations(page) == []
    assert outside == []
    page.close()


def test_skip_link_is_first_and_moves_focus_to_main(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()


def test_main_navigation_is_reachable_by_keyboard(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/")
    reached = set()
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "document.activeElement.closest('nav') ? "
                "document.activeElement.textContent.trim() : ''"
            )
        )
    assert "News" in reached
    assert any(name.startswith("About") for name in reached)
    page.close()


def test_pages_read_without_javascript(browser_site):
    base, browser = browser_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/news/")
    assert page.locator("main h1").count() == 1
    assert page.locator("main article").count() >= 1
    context.close()


def test_usable_at_320_pixels_without_horizontal_scrolling(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport={"width": 320, "height": 800})
    for path in ("/", "/news/", PAGES["article"]):
        page.goto(base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
    page.close()
