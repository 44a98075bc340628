"""`invoke screenshots` (plugins/sitecheck/screenshots.py): on a tiny site, one page of every
type is chosen, plus the home page in a second language and in a right-to-left one; the images
are WebP of the page's width without metadata, light and dark differ, the index links each
one, and images no longer made are removed."""

import dataclasses
import io
import re

import pytest
from PIL import Image

from sitecheck.privacy import image_problems
from sitecheck.screenshots import page_shots, remove_stale, take, write_index
from tests.conftest import FIXED_EPOCH, ROOT, run_pelican, write_files

FILES = {
    "pages/about.md": "Title: About\n\nWho we are, and what we do against trafficking.\n",
    "pages/about.fr.md": "Title: À propos\n\nQui nous sommes.\n",
}
LANGUAGES = {"en": {}, "fr": {}, "ar": {}}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny site in English, French and Arabic, built once."""
    root = tmp_path_factory.mktemp("screenshots")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        build = run_pelican(
            write_files(root / "content", FILES),
            root / "output",
            PLUGINS=["records", "i18n"],
            LANGUAGES=LANGUAGES,
        )
    assert build.error is None, build.issue_lines()
    return build.output


def test_one_page_of_each_type_then_the_home_page_in_french_and_right_to_left(tiny):
    shots = {shot.name: shot.path for shot in page_shots(tiny)}
    assert shots["home"] == "/"
    assert shots["page"] == "/about/"
    assert shots["404"] == "/404.html"
    assert list(shots)[-2:] == ["home-fr", "home-ar"]
    assert shots["home-fr"] == "/fr/"


@pytest.mark.browser
def test_webp_images_of_the_pages_width_light_and_dark_listed_in_the_index(tiny, tmp_path, browser):
    from tests.browser import serve  # noqa: PLC0415

    chosen = [shot for shot in page_shots(tiny) if shot.name in ("home", "page")]
    shots = [dataclasses.replace(shot, widths=(360,)) for shot in chosen]
    folder = tmp_path / "screenshots"
    folder.mkdir()
    (folder / "gone-360-light.webp").write_bytes(b"an image of a page type no longer made")
    with serve(tiny) as base:
        written = take(browser, base, shots, folder)

    names = ["home-360-light", "home-360-dark", "page-360-light", "page-360-dark"]
    assert sorted(path.name for path in written) == sorted(f"{name}.webp" for name in names)
    pixels = {}
    for path in written:
        data = path.read_bytes()
        image = Image.open(io.BytesIO(data))
        assert image.format == "WEBP", path.name
        assert image_problems(data) == [], path.name
        assert image.width == 360, path.name
        assert 0 < image.height <= 2 * 740, path.name
        pixels[path.stem] = image.convert("RGB").tobytes()
    assert pixels["home-360-light"] != pixels["home-360-dark"]

    index = write_index(folder, shots).read_text(encoding="utf-8")
    for name in names:
        assert f"]({name}.webp)" in index
    assert "## Home" in index
    assert "## Page" in index

    assert remove_stale(folder, written) == [folder / "gone-360-light.webp"]
    assert sorted(path.name for path in folder.glob("*.webp")) == sorted(
        path.name for path in written
    )


def test_the_guides_show_only_screenshots_the_script_makes():
    """After a run removes an image (a page type renamed), no guide may still show it."""
    for guide in (
        "README.md",
        "docs/editors.md",
        "docs/maintainers.md",
        "docs/screenshots/README.md",
    ):
        text = (ROOT / guide).read_text(encoding="utf-8")
        for image in re.findall(r"\(((?:docs/)?(?:screenshots/)?[\w-]+\.webp)\)", text):
            folder = (ROOT / guide).parent
            assert (folder / image).is_file(), f"{guide}: {image} (run invoke screenshots)"
