"""The privacy gate: output images with metadata or outside references, cookies and trackers
are all reported."""

import pytest

from sitecheck.privacy import image_metadata_problems, svg_problems, tracking_problems
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


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (
            '<image xlink:href="https://evil.example/t.png"/>',
            "<image> href refers outside the file",
        ),
        ('<use href="other.svg#icon"/>', "<use> href refers outside the file: other.svg#icon"),
        ('<rect style="fill:url(https://evil.example/p)"/>', "<rect> refers outside the file"),
        ("<style>rect { fill: url('/p.svg#p') }</style>", "<style> refers outside the file"),
        ('<style>@import "https://evil.example/x.css";</style>', "imports a stylesheet"),
        ("<script>alert(1)</script>", "has a <script> element"),
        ('<rect onclick="alert(1)"/>', "<rect> has an event handler (onclick)"),
        ("<foreignObject/>", "has a <foreignObject> element"),
        ('<set attributeName="href" to="javascript:alert(1)"/>', "has a javascript: URL"),
    ],
)
def test_an_svg_that_refers_outside_itself_or_runs_a_script_is_reported(tmp_path, body, what):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.svg").write_text(f"{SVG_HEAD}{body}</svg>")
    [line] = svg_problems(tmp_path)
    assert line.startswith("images/logo.svg: ")
    assert what in line


def test_a_self_contained_svg_passes(tmp_path):
    (tmp_path / "logo.svg").write_text(
        f'{SVG_HEAD}<defs><linearGradient id="g"/><path id="p" d="M0 0h9"/></defs>'
        '<use xlink:href="#p" style="fill:url(#g)"/><rect fill="url(\'#g\')"/></svg>'
    )
    assert svg_problems(tmp_path) == []


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
    assert svg_problems(published.output) == []
    assert tracking_problems(published.output) == []
