"""Content images through a whole build: clean originals, responsive pictures, alt text, cache."""

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

import media
from media import metadata_blocks
from sitecheck.privacy import image_metadata_problems
from tests.conftest import FIXED_EPOCH, assert_one_issue, run_pelican, write_files
from tests.fixtures.media import photos
from tests.fixtures.partners import images

PLUGINS = ["records", "i18n", "media"]
POST = """\
    Title: Vigil at the station
    Date: 2026-01-10 10:00
    Image: images/lead.jpg
    Image-alt: A red disc on a grey gradient

    The sisters met at the station.

    ![A blue square](../images/xmp.png "Blue")

    ![A red rectangle]({static}/images/exif.webp)

    ![A green field](/images/gps.jpg)
"""


def files() -> dict:
    return {
        "news/vigil.md": POST,
        "images/lead.jpg": photos.wide_jpeg(),
        "images/gps.jpg": images.jpeg_with_metadata(),
        "images/xmp.png": images.png_with_metadata(),
        "images/exif.webp": images.webp_with_metadata(),
        "images/rotated.jpg": images.exif_rotated_jpeg(),
        "images/comment.gif": photos.gif_with_comment(),
        "files/flyer.png": images.png_with_metadata(),
        "images/drawing.svg": images.HOSTILE_SVG,
    }


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Cold local build, warm local build, then a production build after deleting output/."""
    import os  # noqa: PLC0415

    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    root = tmp_path_factory.mktemp("images")
    content = write_files(root / "content", files())
    output = root / "output"
    results = {"cold": run_pelican(content, output, PLUGINS=PLUGINS)}
    results["cold_stats"] = media.latest_stats()
    # A file touched, so that the warm build runs (an untouched site is not rebuilt at all).
    touched = next(content.rglob("*.md"))
    touched.write_bytes(touched.read_bytes())
    results["warm"] = run_pelican(content, output, PLUGINS=PLUGINS)
    results["warm_stats"] = media.latest_stats()
    shutil.copytree(output, root / "local")
    results["cold"].output = root / "local"
    shutil.rmtree(output)
    results["published"] = run_pelican(
        content, output, "publishconf.py", PLUGINS=PLUGINS, SITEURL="https://example.org/site"
    )
    results["published_stats"] = media.latest_stats()
    return results


@pytest.fixture(scope="module")
def cold(builds):
    return builds["cold"]


def test_the_build_has_no_errors(builds):
    for name in ("cold", "warm", "published"):
        assert builds[name].error is None, builds[name].issues
        assert builds[name].issues == []


@pytest.mark.parametrize(
    "original", ["images/gps.jpg", "images/xmp.png", "images/exif.webp", "files/flyer.png"]
)
def test_originals_are_published_without_metadata(builds, original):
    source = builds["published"].content / original
    assert metadata_blocks(source.read_bytes())  # the editor's file does carry metadata
    written = builds["published"].output / original
    assert written.is_file()
    assert metadata_blocks(written.read_bytes()) == []


def test_no_output_image_carries_metadata(builds):
    for name in ("cold", "published"):
        output = builds[name].output
        assert len(list(output.rglob("*.webp"))) >= 4
        assert image_metadata_problems(output) == []


def test_original_photos_are_turned_upright(cold):
    with Image.open(cold.output / "images/rotated.jpg") as image:
        assert image.size == (100, 200)
        assert not image.getexif()


def test_gif_comment_is_removed(cold):
    data = (cold.output / "images/comment.gif").read_bytes()
    assert b"Via Roma" not in data
    with Image.open(cold.output / "images/comment.gif") as image:
        assert "comment" not in image.info


def test_svg_in_content_is_sanitised_and_keeps_its_size(cold):
    text = (cold.output / "images/drawing.svg").read_text()
    assert "<script" not in text
    assert "evil.example" not in text
    assert 'width="200" height="100"' in text


def _pictures(html: str) -> list[str]:
    return re.findall(r"<picture\b.*?</picture>", html, re.S)


def test_content_and_lead_images_become_pictures(cold):
    html = cold.page("news/2026/vigil-at-the-station/index.html")
    pictures = _pictures(html)
    assert len(pictures) == 4  # the lead image and three in the text
    lead, *others = pictures
    assert 'alt="A red disc on a grey gradient"' in lead
    assert 'fetchpriority="high"' in lead
    assert 'loading="lazy"' not in lead
    for picture in others:
        assert 'loading="lazy"' in picture
        assert '<source type="image/webp"' in picture
        assert re.search(r'<img [^>]*width="\d+" height="\d+"', picture)
    assert 'alt="A blue square"' in others[0]
    assert 'title="Blue"' in others[0]
    assert 'alt="A green field"' in others[2]


def test_widths_follow_the_setting_and_never_enlarge(cold):
    html = cold.page("news/2026/vigil-at-the-station/index.html")
    lead, blue, *_ = _pictures(html)
    assert re.findall(r"-(\d+)w\.webp (\d+)w", lead) == [
        ("480", "480"),
        ("800", "800"),
        ("1280", "1280"),
    ]
    assert 'width="800" height="400"' in lead
    assert re.findall(r"-(\d+)w\.webp", blue) == ["300"]  # a 300 px source stays 300 px
    assert "-300w.png" in blue  # a drawing falls back to PNG, a photo to JPEG
    assert "-800w.jpeg" in lead


def test_a_photo_no_page_shows_is_published_as_its_original_only(cold):
    """Photos go into the background before the content is read (media.plugin's
    prefetch_photos); one that no page shows gets no responsive copies in the output."""
    published = sorted(p.relative_to(cold.output).as_posix() for p in cold.output.rglob("rotated*"))
    assert published == ["images/rotated.jpg"]
    shown = sorted(p.name for p in cold.output.rglob("gps*"))
    assert "gps.jpg" in shown
    assert any(name.endswith("w.webp") for name in shown)


def _urls(html: str) -> set[str]:
    found = set(re.findall(r'src="([^"]+)"', html))
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        found |= {part.strip().split(" ")[0] for part in srcset.split(",")}
    return {url for url in found if "images/" in url}


def test_every_picture_url_resolves_from_the_page(builds):
    for name, prefix in (("cold", ""), ("published", "https://example.org/site/")):
        build = builds[name]
        page = build.output / "news/2026/vigil-at-the-station/index.html"
        urls = _urls(page.read_text())
        assert len(urls) >= 8
        for url in urls:
            if prefix:
                assert url.startswith(prefix), url
                target = build.output / url[len(prefix) :]
            else:
                assert not url.startswith("/"), url
                target = (page.parent / url).resolve()
            assert target.is_file(), url


def test_an_unchanged_site_reencodes_nothing(builds):
    assert builds["cold_stats"].encoded > 10
    assert builds["cold_stats"].drawn == 2  # the post's share card and the site's
    assert builds["warm_stats"].encoded == 0
    assert builds["warm_stats"].drawn == 0
    assert builds["warm_stats"].processed == 0


def test_a_production_build_after_deleting_output_reencodes_nothing(builds):
    stats = builds["published_stats"]
    assert stats.encoded == 0, stats
    assert stats.drawn == 0, stats
    assert stats.from_cache >= 8


def test_missing_alt_text_is_a_strict_error(site):
    build = site(
        {
            "news/post.md": """\
                Title: Post
                Date: 2026-01-10 10:00

                ![](../images/photo.jpg)
            """,
            "images/photo.jpg": photos.wide_jpeg((600, 300)),
        },
        plugins=PLUGINS,
        RECORDS_STRICT=True,
    )
    assert_one_issue(build, "news/post.md", "image", '"../images/photo.jpg" has no alt text')


def test_a_broken_content_image_is_an_error_and_is_not_published(site):
    build = site(
        {
            "news/post.md": """\
                Title: Post
                Date: 2026-01-10 10:00

                ![A photo](../images/broken.jpg)
            """,
            "images/broken.jpg": images.truncated_png(),
        },
        plugins=PLUGINS,
        RECORDS_STRICT=False,
    )
    lines = build.issue_lines()
    assert any(line.startswith("news/post.md: content: ") for line in lines), lines
    assert any(line.startswith("images/broken.jpg: file: ") for line in lines), lines
    assert not (build.output / "images/broken.jpg").exists()


def test_formats_that_cannot_be_cleaned_are_never_published(site):
    build = site({"images/scan.tiff": b"II*\x00 not really a tiff"}, plugins=PLUGINS)
    assert not (build.output / "images/scan.tiff").exists()
    assert any(line.startswith("images/scan.tiff: file: ") for line in build.issue_lines())


def test_demo_site_publishes_clean_images_only(published):
    assert image_metadata_problems(published.output) == []
    assert Path(published.output / "images/news/day-of-prayer-2026.webp").is_file()


def test_an_events_lead_image_is_a_responsive_picture(site):
    build = site(
        {
            "events/vigil.md": """\
                Title: Vigil
                Start: 2026-02-08 19:00
                Image: images/candles.jpg
                Image-alt: Candles on a table

                A vigil.
            """,
            "images/candles.jpg": photos.wide_jpeg((1200, 600)),
        },
        plugins=["records", "i18n", "events", "media"],
    )
    html = build.page("events/vigil/index.html")
    picture = _pictures(html)
    assert len(picture) == 1
    assert 'alt="Candles on a table"' in picture[0]
    assert 'type="image/webp"' in picture[0]


def test_a_decompression_bomb_is_one_line_and_not_published(site):
    build = site({"images/bomb.png": images.bomb_png()}, plugins=PLUGINS, RECORDS_STRICT=True)
    assert_one_issue(
        build, "images/bomb.png", "file", "is too large: more than 89.5 MP; the limit is 16 MP"
    )
    assert not (build.output / "images/bomb.png").exists()


def test_a_jpeg_over_the_pixel_limit_is_published_smaller(site):
    build = site(
        {"images/wide.jpg": photos.wide_jpeg((2400, 1200))},
        plugins=PLUGINS,
        RECORDS_STRICT=True,
        MEDIA_MAX_PIXELS=1_000_000,
    )
    assert build.error is None, build.issues
    with Image.open(build.output / "images/wide.jpg") as image:
        assert image.size == (1200, 600)


def test_a_check_only_run_does_no_image_work_and_gives_the_same_errors(site, tmp_path):
    """`invoke lint` checks and builds nothing: no image is decoded, encoded or drawn and the
    media cache stays empty, yet the image errors a build gives are all there."""
    content = {
        **files(),
        "news/bad.md": """\
            Title: Bad images
            Date: 2026-01-11 10:00
            Image: images/bomb.png
            Image-alt: Nothing

            ![](../images/xmp.png)

            ![A drawing](../images/text.png)
        """,
        "images/bomb.png": images.bomb_png(),
        "images/text.png": b"this is text, not a picture",
        "images/hostile.svg": b"<svg><!DOCTYPE x></svg>",
    }
    cache = tmp_path / "media-cache"
    checked = site(content, plugins=PLUGINS, RECORDS_CHECK_ONLY=True, MEDIA_CACHE_PATH=str(cache))
    stats = media.latest_stats()
    assert (stats.processed, stats.encoded, stats.drawn, stats.from_cache) == (0, 0, 0, 0)
    assert stats.checked > 0
    assert not cache.exists(), "nothing read from or written to the media cache"
    built = site(content, plugins=PLUGINS, RECORDS_STRICT=True, MEDIA_CACHE_PATH=str(cache))
    assert len(checked.issues) == 6, checked.issues
    assert sorted(checked.issues) == sorted(built.issues)
