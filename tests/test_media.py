"""The media core on its own: awkward images, metadata, SVG, errors, cache and processes."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from media import (
    BoxFit,
    Clean,
    Limits,
    MediaError,
    MediaSettings,
    Monogram,
    Pipeline,
    Responsive,
    metadata_blocks,
)
from media.drawing import Poster, ShareCard
from media.images import encode, open_image
from media.svg import sanitise_svg
from records.writer import Writer
from tests.conftest import ROOT
from tests.fixtures.media import photos
from tests.fixtures.partners import images

RAW_MARKERS = (b"Exif", b"<x:xmpmeta", b"tEXt", b"iTXt", b"zTXt", b"iCCP", b"XMP ", b"ICCP")


def assert_clean(path: Path) -> None:
    """No EXIF, XMP, ICC, text chunks or comments: by Pillow, by structure and by bytes."""
    data = path.read_bytes()
    assert metadata_blocks(data) == [], path.name
    for marker in RAW_MARKERS:
        assert marker not in data, (path.name, marker)
    with Image.open(path) as image:
        assert len(image.getexif()) == 0
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info)
        assert not [
            key
            for key in image.info
            if key not in ("transparency", "loop", "duration", "background")
        ]


def process(tmp_path, data: bytes, name="logo.png", recipe=None, **settings):
    source = tmp_path / name
    source.write_bytes(data)
    pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / "cache"), workers=1, **settings))
    ticket = pipeline.submit(str(source), recipe or BoxFit(), "images/logos", "logo")
    stats = pipeline.run()
    return ticket, stats


def opened(ticket, label="1x", fmt="png") -> Image.Image:
    image = Image.open(ticket.file(label, fmt).cached)
    image.load()
    return image


def close(colour, expected, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=False))


def centre(image):
    return image.getpixel((image.width // 2, image.height // 2))


def check_cmyk(image):
    assert close(centre(image), (*images.RED[:1], 0, 0, 255), 40)  # CMYK red prints as red


def check_palette(image):
    assert image.getpixel((0, 0))[3] == 0  # the transparent entry stays transparent
    assert close(centre(image), (*images.GREEN, 255))
    left, top, right, bottom = image.getbbox()
    assert abs((right - left) - (bottom - top)) <= 2  # a disc stays round


def check_sixteen_bit_grey(image):
    assert close(centre(image), (155, 155, 155, 255), 3)  # scaled, not clipped to white


def check_sixteen_bit_rgb(image):
    assert close(centre(image), (255, 128, 0, 255), 3)


def check_rotated(image):
    left, top, right, bottom = image.getbbox()
    assert bottom - top > right - left  # upright: portrait
    middle = (left + right) // 2
    assert close(image.getpixel((middle, top + 5)), (*images.RED, 255), 40)
    assert close(image.getpixel((middle, bottom - 5)), (*images.BLUE, 255), 40)


def check_icon(image):
    left, top, right, bottom = image.getbbox()
    assert (right - left, bottom - top) == (64, 64)  # enlarged 4×, not blurred to the box
    assert (left + right) // 2 == image.width // 2


def check_huge(image):
    left, top, right, bottom = image.getbbox()
    assert (right - left, bottom - top) == (120, 120)  # trimmed of its white margins, square
    assert close(centre(image), (0, 0, 0, 255), 20)


AWKWARD = {
    "CMYK JPEG": (images.cmyk_jpeg, "logo.jpg", check_cmyk),
    "palette PNG with transparency": (
        images.palette_png_with_transparency,
        "logo.png",
        check_palette,
    ),
    "16-bit grey PNG": (images.sixteen_bit_grey_png, "logo.png", check_sixteen_bit_grey),
    "16-bit RGB PNG": (images.sixteen_bit_rgb_png, "logo.png", check_sixteen_bit_rgb),
    "EXIF-rotated photo": (images.exif_rotated_jpeg, "logo.jpg", check_rotated),
    "16×16 icon": (images.tiny_icon_png, "logo.png", check_icon),
    "6000×6000 image": (images.huge_jpeg, "logo.jpg", check_huge),
}


@pytest.mark.parametrize("case", list(AWKWARD))
def test_awkward_images_come_out_right(tmp_path, case):
    make, name, check = AWKWARD[case]
    ticket, _ = process(tmp_path, make(), name)
    assert ticket.error is None
    assert sorted((f.label, f.fmt, f.width, f.height) for f in ticket.files) == [
        ("1x", "png", 240, 120),
        ("1x", "webp", 240, 120),
        ("2x", "png", 480, 240),
        ("2x", "webp", 480, 240),
    ]
    for item in ticket.files:
        with Image.open(item.cached) as written:
            assert written.size == (item.width, item.height)
            assert written.mode in ("RGB", "RGBA")  # WebP drops an alpha that is all opaque
        assert_clean(Path(item.cached))
    check(opened(ticket))
    check(opened(ticket, "1x", "webp"))


@pytest.mark.parametrize(
    "make", [images.jpeg_with_metadata, images.png_with_metadata, images.webp_with_metadata]
)
def test_metadata_never_reaches_a_written_file(tmp_path, make):
    data = make()
    assert metadata_blocks(data)  # the input does carry metadata
    ticket, _ = process(tmp_path, data)
    assert ticket.error is None
    for item in ticket.files:
        assert_clean(Path(item.cached))


def test_an_unchanged_source_is_never_encoded_twice(tmp_path):
    _, cold = process(tmp_path, images.logo_png())
    assert (cold.processed, cold.encoded, cold.from_cache) == (1, 4, 0)
    _, warm = process(tmp_path, images.logo_png())
    assert (warm.processed, warm.encoded, warm.from_cache) == (0, 0, 1)


def test_changed_bytes_or_settings_make_new_files(tmp_path):
    first, _ = process(tmp_path, images.logo_png())
    other_bytes, stats = process(tmp_path, images.logo_png(colour=images.BLUE))
    assert stats.encoded == 4
    other_box, stats = process(tmp_path, images.logo_png(), recipe=BoxFit(width=200))
    assert stats.encoded == 4
    assert len({first.key, other_bytes.key, other_box.key}) == 3


def test_an_incomplete_cache_entry_is_made_again(tmp_path):
    ticket, _ = process(tmp_path, images.logo_png())
    Path(ticket.file("2x", "webp").cached).unlink()
    _, stats = process(tmp_path, images.logo_png())
    assert stats.encoded == 4


def test_cold_processing_uses_worker_processes_with_the_same_result(tmp_path):
    sources = []
    for number, colour in enumerate((images.RED, images.GREEN, images.BLUE)):
        path = tmp_path / f"logo{number}.png"
        path.write_bytes(images.logo_png(colour=colour, size=(300 + number, 150)))
        sources.append(path)
    results = {}
    for workers in (1, 2):
        pipeline = Pipeline(
            MediaSettings(cache_path=str(tmp_path / f"c{workers}"), workers=workers)
        )
        tickets = [pipeline.submit(str(p), BoxFit(), "logos", p.stem) for p in sources]
        stats = pipeline.run()
        assert (stats.workers, stats.encoded) == (workers, 12)
        results[workers] = [Path(f.cached).read_bytes() for t in tickets for f in t.files]
    assert results[1] == results[2]


def test_write_links_every_file_into_the_output(tmp_path):
    source = tmp_path / "logo.png"
    source.write_bytes(images.logo_png())
    pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / "cache"), workers=1))
    ticket = pipeline.submit(str(source), BoxFit(), "images/logos", "acme")
    pipeline.run()
    writer = Writer(str(tmp_path / "out"))
    assert pipeline.write(writer) == 4
    for item in ticket.files:
        assert item.url.startswith(f"images/logos/acme-{ticket.key[:12]}-")
        assert (tmp_path / "out" / item.url).samefile(item.cached)
    assert pipeline.write(writer) == 0


BAD = {
    "not an image": (b"this is text, not a picture", {}, "is not a PNG, JPEG, WebP or GIF image"),
    "empty file": (b"", {}, "is not a PNG, JPEG, WebP or GIF image"),
    "truncated": (images.truncated_png(), {}, "could not be read"),
    "over the pixel limit": (
        images.logo_png(),
        {"max_pixels": 10_000},
        "is too large: 400×200 pixels",
    ),
    "decompression bomb": (images.bomb_png(), {}, "is too large"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_one_clear_error_never_a_crash(tmp_path, case):
    data, settings, message = BAD[case]
    ticket, stats = process(tmp_path, data, **settings)
    assert ticket.error is not None
    assert ticket.error.message.startswith(message)
    assert ticket.error.fix
    assert ticket.files == []
    assert stats.failed == 1


def test_errors_are_cached_too(tmp_path):
    process(tmp_path, b"not an image")
    ticket, stats = process(tmp_path, b"not an image")
    assert stats.processed == 0
    assert ticket.error is not None


def test_hostile_svg_is_sanitised(tmp_path):
    ticket, _ = process(tmp_path, images.HOSTILE_SVG, "logo.svg")
    assert ticket.error is None
    assert [(f.fmt, f.width, f.height) for f in ticket.files] == [("svg", 240, 120)]
    text = Path(ticket.files[0].cached).read_text()
    for gone in (
        "<script",
        "onload",
        "onclick",
        "foreignObject",
        "evil.example",
        "javascript:",
        "<!--",
        "metadata",
        "inkscape",
        "/home/anna",
        "@import",
        "<set",
    ):
        assert gone not in text, gone
    for kept in ('fill="url(#g)"', 'href="#g"', "<rect", "linearGradient"):
        assert kept in text, kept
    assert 'viewBox="0 0 200 100"' in text
    assert 'width="240" height="120"' in text
    assert set(ticket.notes) >= {"script", "event handlers", "external references"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (images.ENTITY_SVG, "is an SVG with a DOCTYPE or entities"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "is not a well-formed SVG"),
        (b"<html><body>hi</body></html>", "is not an SVG drawing"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>", "has neither a viewBox"),
    ],
    ids=["entities", "not well formed", "not svg", "no size"],
)
def test_svg_that_cannot_be_trusted_is_rejected(data, message):
    with pytest.raises(Exception, match=message):
        sanitise_svg(data, (240, 120), 1_000_000)


def test_svg_over_the_size_limit_is_rejected():
    with pytest.raises(Exception, match="is too large for an SVG logo"):
        sanitise_svg(images.GOOD_SVG, (240, 120), 10)


def test_metadata_blocks_reads_structure_not_bytes():
    image = Image.new("RGB", (8, 8), (1, 2, 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    assert metadata_blocks(buffer.getvalue()) == []
    assert metadata_blocks(images.png_with_metadata()) != []
    assert "APP1 (EXIF/XMP)" in metadata_blocks(images.jpeg_with_metadata())


# Bounds: what one image may cost in memory and time


def _encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def gradient_jpeg(size: tuple[int, int], **options) -> bytes:
    return _encoded(Image.linear_gradient("L").resize(size).convert("RGB"), "JPEG", **options)


def test_a_decompression_bomb_is_refused_from_its_header():
    data = images.bomb_png()  # 200 bytes that declare 100,000 × 100,000 pixels
    with pytest.raises(MediaError, match=r"is too large: more than 89\.5 MP; the limit is 16 MP"):
        open_image(data, 16_000_000)


SCALED = """
import json, sys
sys.path.insert(0, {plugins!r})
from media.recipes import Clean, Limits
data = open({path!r}, "rb").read()
renditions, notes = Clean().render(data, False, Limits(16_000_000, 1, 64_000_000))
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps([renditions[0].width, renditions[0].height, notes, int(peak.split()[1]) // 1024]))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's VmHWM")
def test_a_large_jpeg_is_published_at_half_size_in_bounded_memory(tmp_path):
    # 35 MP, beyond the 16 MP limit: decoded whole, it took over 500 MB (four copies of 105 MB)
    source = tmp_path / "photo.jpg"
    source.write_bytes(gradient_jpeg((7000, 5000), quality=90))
    code = SCALED.format(plugins=str(ROOT / "plugins"), path=str(source))
    # The peak of the child's own memory: ru_maxrss would start from this process's at fork.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    width, height, notes, peak_mb = json.loads(done.stdout)
    assert (width, height) == (3500, 2500)
    assert notes == ["pixels beyond the 16 MP limit (published at 3500×2500, a 35 MP original)"]
    assert peak_mb < 500


def test_a_progressive_jpeg_counts_at_its_full_size(tmp_path):
    # libjpeg keeps every coefficient of a progressive JPEG, whatever the scale
    photo = Image.linear_gradient("L").resize((2000, 1000)).convert("RGB")
    one_pass, _ = process(tmp_path, _encoded(photo, "JPEG"), "a.jpg", Clean(), max_pixels=600_000)
    assert (one_pass.error, one_pass.files[0].width) == (None, 1000)
    progressive = _encoded(photo, "JPEG", progressive=True)
    ticket, _ = process(tmp_path, progressive, "b.jpg", Clean(), max_pixels=600_000)
    assert ticket.error.message == (
        "is too large: 2000×1000 pixels (2 MP); the limit for a progressive JPEG is 0.6 MP"
    )


def test_a_webp_counts_twice(tmp_path):
    data = _encoded(Image.new("RGB", (1000, 1000), images.RED), "WEBP")
    ticket, _ = process(tmp_path, data, "a.webp", Clean(), max_pixels=1_500_000)
    assert ticket.error.message.endswith("the limit for a WebP is 0.75 MP")


def test_only_the_first_frame_of_an_animation_is_decoded(tmp_path):
    # 300 frames of 1 MP each: 300 MP if every frame counted
    frames = [Image.new("P", (1000, 1000), n % 256) for n in range(300)]
    data = _encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])
    ticket, _ = process(tmp_path, data, "a.gif", Clean(), max_pixels=1_000_000)
    assert ticket.error is None
    assert ticket.notes == ["animation (first frame kept)"]


def test_a_file_over_the_byte_limit_is_never_read(tmp_path):
    source = tmp_path / "huge.png"
    with source.open("wb") as handle:
        handle.truncate(100_000_000)  # sparse: no disk taken
    pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / "cache"), workers=1))
    ticket = pipeline.submit(str(source), Clean(), "", "original")
    assert ticket.error.message == "is a 100 MB file; the limit is 64 MB"


def test_a_large_png_is_compressed_with_bounded_effort():
    # zlib at level 9 can take seconds a megapixel on such dots; level 4 at most 0.15 s
    dots = Image.effect_noise((600, 600), 80).point(lambda v: 255 if v > 128 else 0)
    dots = dots.convert("RGB")
    assert encode(dots, "png", png_compress_level=9) == _encoded(dots, "PNG", compress_level=4)
    small = dots.crop((0, 0, 400, 400))
    assert encode(small, "png", png_compress_level=9) == _encoded(small, "PNG", compress_level=9)


def _shape(size) -> bytes:
    """A logo of one colour filling ``size`` exactly (no margin to trim)."""
    buffer = io.BytesIO()
    Image.new("RGBA", size, (*images.RED, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def test_logos_of_every_shape_cover_the_same_share_of_their_box(tmp_path):
    recipe = BoxFit(width=240, height=160, area=0.36)
    covered = {}
    for name, size in {"wordmark": (800, 200), "emblem": (400, 400), "crest": (200, 400)}.items():
        (tmp_path / name).mkdir()
        ticket, _ = process(tmp_path / name, _shape(size), recipe=recipe)
        left, top, right, bottom = opened(ticket).getbbox()
        covered[name] = (right - left) * (bottom - top)
    target = 0.36 * 240 * 160
    assert all(0.9 * target <= area <= 1.01 * target for area in covered.values()), covered


def test_without_an_area_a_logo_fills_the_box_in_one_direction(tmp_path):
    ticket, _ = process(tmp_path, _shape((400, 400)), recipe=BoxFit(width=240, height=160))
    left, top, right, bottom = opened(ticket).getbbox()
    assert (right - left, bottom - top) == (160, 160)


def test_an_svg_logo_is_balanced_by_its_view_box():
    square = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="10 20 100 100"><rect/></svg>'
    text = sanitise_svg(square, (240, 160), 1_000_000, area=0.36)[0].decode()
    x, y, width, height = (float(v) for v in re.search(r'viewBox="([^"]+)"', text)[1].split())
    shown = 100 * 240 / width  # CSS pixels the drawing's 100 units take in the box
    assert abs(shown * shown - 0.36 * 240 * 160) < 10
    assert abs(width / height - 240 / 160) < 1e-3  # the box's shape: no other scaling
    assert abs((x + width / 2) - 60) < 1e-3  # centred on the drawing's own centre
    assert abs((y + height / 2) - 70) < 1e-3


@pytest.mark.parametrize("size", [(1600, 600), (800, 1600), (1200, 800)])
def test_responsive_copies_can_be_cut_to_one_shape(tmp_path, size):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, "JPEG")
    recipe = Responsive(widths=(400, 800), crop=(3, 2))
    ticket, _ = process(tmp_path, buffer.getvalue(), "photo.jpg", recipe=recipe)
    assert sorted((f.fmt, f.width) for f in ticket.files) == [
        ("jpeg", 400),
        ("jpeg", 800),
        ("webp", 400),
        ("webp", 800),
    ]
    assert all(abs(f.height - f.width * 2 / 3) < 1 for f in ticket.files)


def _progressive_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.open(io.BytesIO(photos.wide_jpeg((1500, 1000)))).save(buffer, "JPEG", progressive=True)
    return buffer.getvalue()


def _grey_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.open(io.BytesIO(photos.wide_jpeg((1001, 667)))).convert("L").save(buffer, "JPEG")
    return buffer.getvalue()


# JPEGs of every kind the layout must foresee: turned by EXIF, decoded at a smaller scale
# (over the pixel limit, or far wider than the widest copy), narrower than the copies,
# CMYK, greyscale, progressive, odd sizes, portrait (cropped to the cards' shape).
LAYOUT_SOURCES = {
    "EXIF-rotated": images.exif_rotated_jpeg,
    "over the pixel limit": images.huge_jpeg,
    "far wider than needed": lambda: photos.wide_jpeg((5000, 3001)),
    "narrower than every copy": lambda: photos.wide_jpeg((300, 199)),
    "CMYK": images.cmyk_jpeg,
    "greyscale": _grey_jpeg,
    "progressive": _progressive_jpeg,
    "portrait, odd size": lambda: photos.wide_jpeg((999, 1777)),
}
LAYOUT_RECIPES = {
    "content": Responsive(),
    "cards": Responsive(widths=(400, 800), crop=(3, 2)),
    "square": Responsive(widths=(333,), crop=(1, 1), fallback="png"),
}
LIMITS = Limits(16_000_000, 1 << 20, 50 << 20)


@pytest.mark.parametrize("recipe", list(LAYOUT_RECIPES))
@pytest.mark.parametrize("source", list(LAYOUT_SOURCES))
def test_a_jpeg_recipe_knows_its_files_before_processing_them(source, recipe):
    data, chosen = LAYOUT_SOURCES[source](), LAYOUT_RECIPES[recipe]
    renditions, _ = chosen.render(data, False, LIMITS)
    made = [(r.label, r.fmt, r.width, r.height) for r in renditions]
    assert chosen.layout(data, False, LIMITS) == made


@pytest.mark.parametrize(
    "recipe",
    [
        ShareCard(title="Light a candle", widths=(480, 960)),
        ShareCard(title="A card alone"),
        Poster(campaign="Day of Prayer", theme="Dignity", date="8 February", url="https://x.org"),
        Monogram(letters="AB", background="#1f4e79", foreground="#ffffff", width=240, height=120),
    ],
    ids=["card with artwork", "card", "poster", "monogram"],
)
def test_a_drawing_knows_its_files_before_it_is_drawn(recipe):
    renditions, _ = recipe.render(b"", False, LIMITS)
    made = [(r.label, r.fmt, r.width, r.height) for r in renditions]
    assert recipe.layout(b"", False, LIMITS) == made


def test_only_jpeg_photos_are_laid_out_beforehand():
    """Other sources are processed before the pages are written: what they become (the
    fallback format, an error only decoding finds) is known only then."""
    for data in (images.logo_png(), images.palette_png_with_transparency()):
        assert Responsive().layout(data, False, LIMITS) is None
    assert BoxFit().layout(images.cmyk_jpeg(), False, LIMITS) is None


def _background_files(tmp_path, background: bool) -> list:
    source = tmp_path / "photo.jpg"
    source.write_bytes(photos.wide_jpeg())
    pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / f"cache-{background}"), workers=2))
    tickets = [
        pipeline.submit(str(source), Responsive(), "images", "photo"),
        pipeline.submit_drawing(ShareCard(title="Hope", widths=(480,)), "images/cards", "hope"),
        pipeline.submit(str(source), BoxFit(), "images/logos", "photo"),  # no layout: waited for
    ]
    pipeline.run(background=background)
    planned = [[(f.url, f.width, f.height) for f in ticket.files] for ticket in tickets]
    pipeline.wait()
    writer = Writer(str(tmp_path / f"out-{background}"))
    assert pipeline.write(writer) == sum(len(t.files) for t in tickets)
    assert planned == [[(f.url, f.width, f.height) for f in ticket.files] for ticket in tickets]
    return [(f.url, Path(f.cached).read_bytes()) for t in tickets for f in t.files]


def test_background_processing_makes_the_files_a_plain_run_makes(tmp_path):
    assert _background_files(tmp_path, True) == _background_files(tmp_path, False)


class _WrongLayout(Responsive):
    """Says it makes one file of one pixel: not what it makes."""

    def layout(self, data, is_svg, limits):
        return [("1w", "webp", 1, 1)]


def test_a_background_job_that_makes_other_files_than_planned_is_an_error(tmp_path):
    source = tmp_path / "photo.jpg"
    source.write_bytes(photos.wide_jpeg())
    pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / "cache"), workers=2))
    ticket = pipeline.submit(str(source), _WrongLayout(), "images", "photo")
    pipeline.run(background=True)
    assert [(f.label, f.width) for f in ticket.files] == [("1w", 1)]  # planned, not yet made
    pipeline.wait()
    assert ticket.files == []
    assert ticket.error.message == "came out unlike what its header says"
    assert pipeline.write(Writer(str(tmp_path / "out"))) == 0


def test_a_damaged_jpeg_is_an_error_before_anything_runs_in_the_background(tmp_path):
    data = photos.wide_jpeg()
    source = tmp_path / "photo.jpg"
    source.write_bytes(data[: len(data) // 2])
    pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / "cache"), workers=2))
    ticket = pipeline.submit(str(source), Responsive(), "images", "photo")
    pipeline.run(background=True)
    assert ticket.error.message == "could not be read: the file is damaged or incomplete"
    pipeline.wait()
    assert (ticket.files, pipeline.stats.failed) == ([], 1)


# Digests kept between builds (media.digests) ------------------------------------------------


def test_a_source_is_not_hashed_again_while_it_is_the_file_an_earlier_build_hashed(
    tmp_path, monkeypatch
):
    from media import digests  # noqa: PLC0415

    monkeypatch.setattr(digests, "SETTLED", 0)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"first")
    first = digests.KeptDigests(str(tmp_path / "cache"))
    first.add(str(photo), photo.stat(), "digest-of-first")
    first.save([str(photo)])
    assert digests.KeptDigests(str(tmp_path / "cache")).get(str(photo), photo.stat()) == (
        "digest-of-first"
    )
    photo.write_bytes(b"other")  # as many bytes, and a later time
    later = photo.stat().st_mtime_ns + 1_000_000
    os.utime(photo, ns=(later, later))
    assert digests.KeptDigests(str(tmp_path / "cache")).get(str(photo), photo.stat()) is None


def test_a_digest_taken_as_the_file_was_just_written_is_not_kept_for_the_next_build(tmp_path):
    from media import digests  # noqa: PLC0415

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"just saved")  # could be saved again at the same clock tick
    kept = digests.KeptDigests(str(tmp_path / "cache"))
    kept.add(str(photo), photo.stat(), "digest")
    kept.save([str(photo)])
    assert digests.KeptDigests(str(tmp_path / "cache")).get(str(photo), photo.stat()) is None


def test_only_the_digests_of_the_sources_a_build_used_are_kept(tmp_path, monkeypatch):
    from media import digests  # noqa: PLC0415

    monkeypatch.setattr(digests, "SETTLED", 0)
    used, gone = tmp_path / "used.jpg", tmp_path / "gone.jpg"
    for photo in (used, gone):
        photo.write_bytes(photo.name.encode())
    kept = digests.KeptDigests(str(tmp_path / "cache"))
    for photo in (used, gone):
        kept.add(str(photo), photo.stat(), photo.name)
    kept.save([str(used)])
    again = digests.KeptDigests(str(tmp_path / "cache"))
    assert again.get(str(used), used.stat()) == "used.jpg"
    assert again.get(str(gone), gone.stat()) is None
