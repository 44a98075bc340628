"""The privacy gate: output images with metadata, cookies and trackers are all reported."""

import pytest

from sitecheck.privacy import image_metadata_problems, tracking_problems
from tests.fixtures.media import photos
from tests.fixtures.partners import images

DIRTY = {
    "gps.jpg": images.jpeg_with_metadata,
    "xmp.png": images.png_with_metadata,
    "exif.webp": images.webp_with_metadata,
    "comment.gif": photos.gif_with_comment,
}


@pytest.mark.parametrize("name", list(DIRTY))
def test_an_image_with_metadata_is_reported(tmp_path, name):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / name).write_bytes(DIRTY[name]())
    [line] = image_metadata_problems(tmp_path)
    assert line.startswith(f"images/{name}: image carries metadata: ")


def test_clean_images_pass(tmp_path):
    (tmp_path / "a.jpg").write_bytes(photos.wide_jpeg((300, 200)))
    (tmp_path / "b.png").write_bytes(images.logo_png())
    assert image_metadata_problems(tmp_path) == []


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("<script>document.cookie = 'seen=1'</script>", "sets a cookie"),
        ('<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', "Google"),
        ("<script>var _paq = []; _paq.push(['trackPageView']);</script>", "Matomo"),
        ('<script defer src="https://plausible.io/js/script.js"></script>', "analytics"),
        ('<meta http-equiv="Set-Cookie" content="a=b">', "sets a cookie"),
    ],
)
def test_cookies_and_analytics_are_reported(tmp_path, snippet, what):
    (tmp_path / "index.html").write_text(f"<html><head>{snippet}</head></html>")
    [line] = tracking_problems(tmp_path)
    assert line.startswith("index.html: ")
    assert what in line


def test_the_published_demo_passes_the_gate(published):
    assert image_metadata_problems(published.output) == []
    assert tracking_problems(published.output) == []
