"""The partner directory in headless Chromium: every logo loads, and each is legible and as
heavy as the others on a phone (axe: test_quality_a11y)."""

import pytest

pytestmark = pytest.mark.browser

# Every picture of the page loaded now, not when scrolled to; the promise settles once each
# has loaded or failed.
LOAD_EVERY_IMAGE = """() => Promise.all([...document.querySelectorAll('img')].map(image => {
  image.loading = 'eager';
  return image.complete ? null : new Promise(done => { image.onload = image.onerror = done; });
}))"""


def test_every_logo_on_the_directory_loads(browser_site):
    base, browser = browser_site
    page = browser.new_page()
    page.goto(base + "/partners/")
    page.evaluate(LOAD_EVERY_IMAGE)
    broken = page.evaluate(
        "[...document.querySelectorAll('.logo-wall img')]"
        ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    assert broken == []
    assert page.evaluate("document.querySelectorAll('.logo-wall img').length") == 17
    page.close()


# Each logo of the walls on a 360 px phone: its plate's box in CSS pixels, the box of the
# page's walls, and the share of the plate its drawing covers (the bounding box of the
# pixels that are not transparent, read back from a canvas).
MEASURE_LOGOS = """async () => {
  const found = [];
  for (const image of document.querySelectorAll('.logo-wall img')) {
    await image.decode();
    const width = image.naturalWidth, height = image.naturalHeight;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height).data;
    let left = width, top = height, right = -1, bottom = -1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[(y * width + x) * 4 + 3] > 32) {
          left = Math.min(left, x); right = Math.max(right, x);
          top = Math.min(top, y); bottom = Math.max(bottom, y);
        }
      }
    }
    const plate = image.getBoundingClientRect();
    const wall = image.closest('.logo-wall').getBoundingClientRect();
    found.push({
      name: image.alt, plate: [plate.left, plate.right, plate.width, plate.height],
      wall: [wall.left, wall.right],
      covered: (right - left + 1) * (bottom - top + 1) / (width * height),
    });
  }
  return found;
}"""


def test_every_logo_is_legible_on_a_phone(browser_site):
    base, browser = browser_site
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(base + "/partners/")
    page.evaluate(LOAD_EVERY_IMAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    logos = page.evaluate(MEASURE_LOGOS)
    page.close()
    assert len(logos) == 17
    for logo in logos:
        left, right, width, height = logo["plate"]
        assert logo["wall"][0] - 0.5 <= left, logo
        assert right <= logo["wall"][1] + 0.5, logo
        assert width >= 140, logo  # two columns of 3:2 plates
        assert height >= 90, logo
        assert width < (logo["wall"][1] - logo["wall"][0]) / 2, logo
        assert 0.25 <= logo["covered"] <= 0.45, logo  # every shape about as heavy
