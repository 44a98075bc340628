"""The benchmark's generated sites keep the content contract: they build strict, without a
warning, before and after the benchmark's edits, and the generator gives the same bytes each
time. Nothing is timed here (`invoke bench` does that)."""

import hashlib

from PIL import Image

from benchmarks.bench.sitegen import EDITS, PHOTO_NAME, generate
from tests.conftest import FIXED_EPOCH, run_pelican

SIZE = 50  # posts: 10 events, one of each shape, and the 9 gatherings; 12 photos
LANGUAGES = {"en": {"locale": "en_GB"}, "fr": {}}


def small_photos(folder, count):
    """Photos of a few pixels in the generator's photo folder, which it keeps: the test is
    about the content files, and 12 camera-sized photos would take the media pipeline
    seconds."""
    folder.mkdir()
    for number in range(count):
        Image.new("RGB", (30, 20), (number * 20, 90, 120)).save(folder / PHOTO_NAME.format(number))


def files(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_generated_site_builds_strict_before_and_after_the_edits(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    small_photos(tmp_path / "photos", SIZE // 4)
    content = tmp_path / "content"
    site = generate(content, SIZE, tuple(LANGUAGES), photos=tmp_path / "photos")
    assert (site.posts, site.events, site.partners, site.editions) == (50, 19, 2, 30)
    assert site.translations > 0
    again = generate(tmp_path / "again", SIZE, tuple(LANGUAGES), photos=tmp_path / "photos")
    assert again == site
    assert files(content) == files(tmp_path / "again"), "the generator is not deterministic"

    # Production settings, as `invoke bench`; no share cards: they check nothing of the files.
    overrides = {"LANGUAGES": LANGUAGES, "SHARE_CARDS": False}
    build = run_pelican(content, tmp_path / "output", "publishconf.py", **overrides)
    assert build.error is None, build.issue_lines()
    assert [r.getMessage() for r in build.logs] == []
    assert (tmp_path / "output" / "fr" / "index.html").is_file()

    for edit in EDITS.values():
        edit(content, site)
    build = run_pelican(content, tmp_path / "output", "publishconf.py", **overrides)
    assert build.error is None, build.issue_lines()
    assert [r.getMessage() for r in build.logs] == []
