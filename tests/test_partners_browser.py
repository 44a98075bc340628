"""The partner directory and partner pages of the demo site in headless Chromium: axe-core."""

import pytest

from tests.browser import axe_violations, external_requests

pytestmark = pytest.mark.browser

PAGES = {
    "directory": "/partners/",
    "country index": "/partners/countries/",
    "partner with an SVG logo": "/partners/talitha-kum/",
    "partner with a raster logo": "/partners/uisg/",
    "partner with a monogram": "/partners/pontifical-council-migrants/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_partner_pages_have_no_axe_violations(browser_site, name, scheme):
    base, browser = browser_site
    page = browser.new_page(color_scheme=scheme)
    outside = external_requests(page)
    page.goto(base + PAGES[name])
    assert axe_violations(page) == []
    assert outside == []
    page.close()


def test_every_logo_on_the_directory_loads(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/partners/")
    page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    broken = page.evaluate(
        "[...document.querySelectorAll('.logo-wall img')]"
        ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    assert broken == []
    assert page.evaluate("document.querySelectorAll('.logo-wall img').length") == 17
    page.close()
