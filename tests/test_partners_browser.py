"""The partner directory in headless Chromium: every logo loads (axe: test_quality_a11y)."""

import pytest

pytestmark = pytest.mark.browser


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
