"""Raster images: open safely, orient, normalise colour, trim, fit, encode without metadata.

Every function takes and returns Pillow images (or bytes) and knows nothing of files, caches
or Pelican; :mod:`media.recipes` combines them.
"""

import contextlib
import functools
import io
import math
import re
import struct
import warnings
import zlib

from PIL import ExifTags, Image, ImageChops, ImageCms, ImageOps

from .errors import MediaError

# Formats Pillow may even try to parse: a logo or a photo is one of these, and every other
# decoder Pillow ships is attack surface for nothing.
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")

# What a damaged or hostile file makes Pillow's decoders raise.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
)

_SIXTEEN_BIT_MODES = ("I;16", "I;16B", "I;16L", "I;16N", "I")


def _unreadable() -> MediaError:
    return MediaError(
        "could not be read: the file is damaged or incomplete",
        "export or download the image again and replace the file",
    )


def millions(number: int) -> str:
    """``10000``, ``108``, ``12.5``, ``0.08``: a number of millions, for pixels or bytes."""
    value = number / 1_000_000
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def megapixels(pixels: int) -> str:
    return f"{millions(pixels)} MP"


def _too_large(width: int | None, height: int | None, limit: int, kind: str = "") -> MediaError:
    if width and height:
        size = f"{width}×{height} pixels ({megapixels(width * height)})"
    else:  # Pillow's own guard spoke first
        size = f"more than {megapixels(Image.MAX_IMAGE_PIXELS)}"
    return MediaError(
        f"is too large: {size}; the limit{kind} is {megapixels(limit)}",
        "save a smaller version of the image (a logo needs no more than about 2000 pixels wide)",
    )


# A JPEG decoded in one pass is scaled down by 2, 4 or 8 while it is decoded, at little cost
# in memory: one up to this many times the pixel limit is accepted, and decoded to fit in it.
JPEG_SCALED_LIMIT = 4
# Pillow decodes any WebP through libwebp's animation decoder, which holds two more canvases,
# and libwebp's lossless encoder takes some 16 bytes a pixel: a WebP counts twice.
WEBP_WEIGHT = 2


def _pixel_limit(image: Image.Image, data: bytes, max_pixels: int) -> tuple[int, str]:
    """The most pixels the opened ``image`` may have, and the kind of image the limit is for."""
    if image.format == "WEBP":
        return max_pixels // WEBP_WEIGHT, " for a WebP"
    if image.format != "JPEG":
        return max_pixels, ""
    if jpeg_scales(data):
        return max_pixels * JPEG_SCALED_LIMIT, " for a JPEG"
    return max_pixels, " for a progressive JPEG"


def _opened(data: bytes, max_pixels: int) -> tuple[Image.Image, int, str]:
    """``data`` opened (its header read, no pixel decoded), with its pixel limit and the kind
    of image the limit is for; a MediaError if it is not an accepted image or too large.
    Call it with Pillow's DecompressionBombWarning turned into an error."""
    try:
        image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except Image.UnidentifiedImageError:
        raise MediaError(
            "is not a PNG, JPEG, WebP or GIF image",
            "export the image again as PNG, JPEG or WebP (or give an SVG file)",
        ) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large(None, None, max_pixels) from None
    except DECODE_ERRORS:
        raise _unreadable() from None
    width, height = image.size
    if width < 1 or height < 1:
        raise _unreadable()
    limit, kind = _pixel_limit(image, data, max_pixels)
    if width * height > limit:
        raise _too_large(width, height, limit, kind)
    return image, limit, kind


def check_header(data: bytes, max_pixels: int) -> None:
    """Raise the MediaError :func:`open_image` would raise before decoding a pixel (not an
    accepted image, too many pixels), reading the header only: what a check-only run does."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        _opened(data, max_pixels)[0].close()


def probe_jpeg(
    data: bytes, max_pixels: int, draft: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The width and height of the picture :func:`open_image` would return for this JPEG,
    known before its pixels are: from its header, the scale ``draft`` allows and its EXIF
    orientation. Raises the MediaError ``open_image`` would raise: the header is checked,
    and the whole file is decoded at an eighth of its size (5 ms for a 2000×1333 photo,
    against 7 ms in full), which finds a truncated or damaged file as a full decoding does.
    What a JPEG becomes is RGB, whatever its colour space (:func:`to_rgb`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image, limit, kind = _opened(data, max_pixels)
        width, height = image.size
        if image.format != "JPEG":
            raise ValueError("probe_jpeg reads JPEG files only")
        try:
            scale = _jpeg_scale(image.size, max_pixels, draft)
            if scale > 1:
                image.draft(image.mode, (width // scale, height // scale))
            size = _shown_size(image)
            image.close()
            # A second opening: Pillow sets a JPEG's scale once.
            image = Image.open(io.BytesIO(data), formats=("JPEG",))
            image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(width, height, limit, kind) from None
        except DECODE_ERRORS:
            raise _unreadable() from None
        finally:
            image.close()
    return size


def upright_size(path: str) -> tuple[int, int] | None:
    """The width and height of the image at ``path`` as shown (its EXIF orientation
    applied), from its header; None when it cannot be read (its processing says why)."""
    try:
        with Image.open(path, formats=ACCEPTED_FORMATS) as image:
            return _shown_size(image)
    except (*DECODE_ERRORS, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None


# EXIF orientations that turn the picture a quarter (ImageOps.exif_transpose's 5 to 8).
_TURNED = (5, 6, 7, 8)


def _shown_size(image: Image.Image) -> tuple[int, int]:
    """An opened image's size once its EXIF orientation is applied (a broken EXIF block is
    ignored, as :func:`_apply_orientation` ignores it)."""
    with contextlib.suppress(*DECODE_ERRORS):
        if image.getexif().get(ExifTags.Base.Orientation) in _TURNED:
            return image.size[::-1]
    return image.size


def open_image(data: bytes, max_pixels: int, draft: tuple[int, int] | None = None) -> Image.Image:
    """Decode ``data``, oriented and in RGB or RGBA; raise :class:`MediaError` if unusable.

    At most ``max_pixels`` pixels are decoded (half as many of a WebP), and the header is
    checked before any is. A JPEG that libjpeg decodes in one pass (see :func:`jpeg_scales`)
    may be up to JPEG_SCALED_LIMIT times larger: it is decoded at half its width and height
    (or a quarter, an eighth) to fit. ``draft`` asks for no more than that size when smaller
    will do: a JPEG (progressive too, which saves its inverse DCT and the resizing after it)
    is decoded at the smallest of those scales that is at least ``draft`` in both sides. Of
    an animation, only the first frame is decoded.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image, limit, kind = _opened(data, max_pixels)
        width, height = image.size
        try:
            if image.format == "JPEG":  # over max_pixels only when decoded in one pass
                scale = _jpeg_scale(image.size, max_pixels, draft)
                if scale > 1:
                    image.draft(image.mode, (width // scale, height // scale))
            image.load()
            if image.format == "WEBP":  # let go of libwebp's decoder: two more canvases
                image = image.copy()
            _apply_orientation(image)
            return to_rgb(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(width, height, limit, kind) from None
        except DECODE_ERRORS:
            raise _unreadable() from None


def _apply_orientation(image: Image.Image) -> None:
    """Turn the pixels as the EXIF orientation says, in place; a broken EXIF block is ignored."""
    with contextlib.suppress(DECODE_ERRORS):
        ImageOps.exif_transpose(image, in_place=True)


def _jpeg_scale(size: tuple[int, int], max_pixels: int, draft: tuple[int, int] | None) -> int:
    """1, 2, 4 or 8: the least a JPEG must be scaled down to fit in ``max_pixels``, or more
    while each side stays at least ``draft``."""
    width, height = size
    scale = 1
    while scale < 8 and -(-width // scale) * -(-height // scale) > max_pixels:
        scale *= 2
    while (
        draft
        and scale < 8
        and width // (scale * 2) >= draft[0]
        and height // (scale * 2) >= draft[1]
    ):
        scale *= 2
    return scale


_SOF_PROGRESSIVE = (0xC2, 0xC6, 0xCA, 0xCE)
_SOF = (0xC0, 0xC1, 0xC3, 0xC5, 0xC7, 0xC9, 0xCB, 0xCD, 0xCF, *_SOF_PROGRESSIVE)


def jpeg_scales(data: bytes) -> bool:
    """Whether libjpeg decodes this JPEG in one pass, scaling it down as it goes.

    It does not for a progressive JPEG, nor for one whose first scan lacks a colour
    component: it then keeps every coefficient of the whole image in memory (2 bytes a
    pixel for each component) whatever the scale, so the image counts at its full size.
    Read from the headers: the frame's kind and components, and the first scan's.
    """
    offset, components = 2, 0
    while offset + 5 <= len(data) and data[offset] == 0xFF:
        marker = data[offset + 1]
        if marker == 0xFF or 0xD0 <= marker <= 0xD8 or marker == 0x01:
            offset += 1 if marker == 0xFF else 2  # a fill byte, or a marker without a length
            continue
        if marker in _SOF_PROGRESSIVE:
            return False
        if marker in _SOF and offset + 10 <= len(data):
            components = data[offset + 9]
        if marker == 0xDA:
            return 0 < components <= data[offset + 4]
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        offset += 2 + length
    return False


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _colour_managed(image: Image.Image, icc: bytes, alpha: bool) -> Image.Image | None:
    """Convert to sRGB through the embedded profile; None when the profile cannot be used."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(
            image, source, _srgb(), outputMode="RGBA" if alpha else "RGB"
        )
    except (ImageCms.PyCMSError, *DECODE_ERRORS):
        return None


def to_rgb(image: Image.Image) -> Image.Image:
    """Return ``image`` as 8-bit sRGB: RGBA when it has transparency, RGB otherwise.

    Handles CMYK (through its ICC profile when it has one), 16-bit greyscale (scaled, not
    clipped), palettes with a transparent index, greyscale with alpha and 1-bit images.
    """
    icc = image.info.get("icc_profile")
    if image.mode in _SIXTEEN_BIT_MODES:
        image = image.convert("I").point(lambda value: value / 257).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    alpha = image.has_transparency_data
    if image.mode == "P" or image.mode not in ("RGB", "RGBA", "CMYK", "L", "LA"):
        image = image.convert("RGBA" if alpha else "RGB")
    if icc:
        if image.mode == "LA":
            image = image.convert("RGBA")
        managed = _colour_managed(image, icc, alpha and image.mode == "RGBA")
        if managed is not None:
            image = managed
    target = "RGBA" if alpha else "RGB"
    if image.mode != target:
        image = image.convert(target)
    return image


def trim(image: Image.Image, tolerance: int = 16) -> Image.Image:
    """Crop empty margins: transparent ones, then a plain background the four corners share."""
    if image.mode == "RGBA":
        solid = image.getchannel("A").point(lambda a: 255 if a > 8 else 0)
        box = solid.getbbox()
        if box is None:
            return image  # nothing visible: leave it to the caller to decide
        image = image.crop(box)
    corners = [
        image.getpixel(xy)
        for xy in (
            (0, 0),
            (image.width - 1, 0),
            (0, image.height - 1),
            (image.width - 1, image.height - 1),
        )
    ]
    opaque = [c[:3] for c in corners if len(c) == 3 or c[3] > 247]
    if len(opaque) < 4 or any(
        max(abs(a - b) for a, b in zip(c, opaque[0], strict=True)) > tolerance for c in opaque
    ):
        return image
    background = Image.new("RGB", image.size, opaque[0])
    difference = ImageChops.difference(image.convert("RGB"), background).convert("L")
    box = difference.point(lambda v: 255 if v > tolerance else 0).getbbox()
    return image.crop(box) if box else image


def balanced_scale(size: tuple[float, float], box: tuple[int, int], area: float) -> float:
    """How much to scale a drawing of ``size`` to fit ``box``, keeping its proportions.

    Without ``area`` it fills the box's width or height. With ``area`` (a share of the box,
    0 to 1) it covers at most that share of the box's area, so that drawings of any shape
    weigh the same: a wide wordmark, a square emblem and a tall crest side by side look
    equally large instead of each filling the box in one direction only.
    """
    width, height = size
    scale = min(box[0] / width, box[1] / height)
    if area:
        scale = min(scale, math.sqrt(area * box[0] * box[1] / (width * height)))
    return scale


def fit_in_box(
    image: Image.Image,
    box: tuple[int, int],
    scale: int = 1,
    max_upscale: float = 4.0,
    area: float = 0.0,
) -> Image.Image:
    """Return an RGBA image of exactly ``box × scale`` pixels with ``image`` centred in it.

    The image keeps its proportions (never stretched): it fills the box's width or height, or
    with ``area`` covers that share of the box (:func:`balanced_scale`), but is enlarged at
    most ``max_upscale`` times its own size (in CSS pixels), so a tiny icon stays sharp
    instead of becoming a blur. The rest of the box is transparent.
    """
    box_width, box_height = box
    ratio = min(balanced_scale(image.size, box, area), max_upscale)
    size = (
        max(1, min(box_width * scale, round(image.width * ratio * scale))),
        max(1, min(box_height * scale, round(image.height * ratio * scale))),
    )
    # Premultiplied alpha: resampling must not pull colour from transparent pixels.
    content = image.convert("RGBa")
    if size != content.size:
        content = content.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    content = content.convert("RGBA")
    canvas = Image.new("RGBA", (box_width * scale, box_height * scale), (0, 0, 0, 0))
    canvas.paste(
        content, ((canvas.width - content.width) // 2, (canvas.height - content.height) // 2)
    )
    return canvas


def proportion_box(size: tuple[int, int], proportion: tuple[int, int]) -> tuple[int, ...]:
    """The box (left, top, right, bottom) of the middle of a picture of ``size`` at
    ``proportion`` (width, height): its full height or width."""
    width, height = size
    wanted = proportion[0] / proportion[1]
    if width / height > wanted:  # too wide: keep the full height
        new_width = max(1, round(height * wanted))
        left = (width - new_width) // 2
        return left, 0, left + new_width, height
    new_height = max(1, round(width / wanted))
    top = (height - new_height) // 2
    return 0, top, width, top + new_height


def crop_to_proportion(image: Image.Image, proportion: tuple[int, int]) -> Image.Image:
    """The middle of ``image`` at ``proportion`` (see :func:`proportion_box`)."""
    return image.crop(proportion_box(image.size, proportion))


def scaled_size(size: tuple[int, int], width: int) -> tuple[int, int]:
    """The size of a picture of ``size`` scaled down (never up) to ``width`` pixels wide."""
    if width >= size[0]:
        return size
    return width, max(1, round(size[1] * width / size[0]))


def resize_to_width(image: Image.Image, width: int) -> Image.Image:
    """Scale ``image`` down (never up) to ``width`` pixels wide, keeping its proportions."""
    return resize_to_widths(image, (width,))[0]


def resize_to_widths(image: Image.Image, widths) -> list[Image.Image]:
    """``image`` scaled down to each of ``widths``, narrowest first; a width at or over the
    image's own gives ``image`` itself (never enlarged).

    A cascade: the widest copy is made from ``image``, each narrower one from the copy before
    it, with ``reducing_gap`` as every resize here. For a 2000×1333 photo at 1280, 800 and
    480 pixels this takes 43 ms of CPU instead of 72 ms from the source each time with
    Lanczos, and the copies differ from those by 0.5 of 255 (RMS): a copy keeps all the detail
    a narrower one can show. Bicubic (Pillow's default) instead of Lanczos: 36 ms instead of
    49 on the benchmark's photos (``time.process_time``), and copies 0.7 of 255 (RMS) from a
    Lanczos copy made from the source, where Lanczos in a cascade is 0.35 from it: a
    difference no eye sees, and resizing was a third of a photo's cost. Heights are computed
    from ``image``'s proportions, so they are the same as resizing from the source would give.
    """
    premultiplied = image.mode == "RGBA"  # no colour pulled from transparent pixels
    copies, current = [], None
    for width in sorted(set(widths), reverse=True):
        if width >= image.width:
            copies.append(image)
            continue
        if current is None:
            current = image.convert("RGBa") if premultiplied else image
        size = scaled_size(image.size, width)
        current = current.resize(size, Image.Resampling.BICUBIC, reducing_gap=3.0)
        copies.append(current.convert("RGBA") if premultiplied else current)
    return copies[::-1]


def source_format(data: bytes) -> str:
    """``png``, ``jpeg``, ``webp`` or ``gif`` from the first bytes; ``""`` for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:2] == b"\xff\xd8":
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return ""


def webp_is_lossless(data: bytes) -> bool:
    """True when a WebP file holds a lossless (VP8L) bitstream."""
    return b"VP8L" in data[12:64]


def clean_copy(image: Image.Image) -> Image.Image:
    """The same pixels in a new image with no ``info`` at all (no EXIF, ICC, XMP, text…)."""
    fresh = image.copy()  # a new image: not even Pillow's cached EXIF of ``image`` comes along
    fresh.info = {}
    return fresh


# Originals published as they are, rebuilt from the parts their picture needs

_JPEG_FRAMES = (0xC0, 0xC1, 0xC2)  # baseline, extended sequential, progressive (Huffman)
_JPEG_TABLES = (0xC4, 0xDB, 0xDD)  # DHT, DQT, DRI
_JPEG_DROPPED = (*range(0xE1, 0xEE), 0xEF, 0xFE)  # APP1 to APP15 but APP14, COM
_JPEG_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")  # a marker, not a stuffed byte or RSTn
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEPT = (b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND")
_PNG_REENCODED = (b"acTL", b"iCCP")  # an animation, a colour profile: the pixels change


class _Reencode(Exception):
    """Raised while rebuilding a file that must be decoded and encoded again instead."""


def _require(condition: bool) -> None:
    if not condition:
        raise _Reencode


def _jpeg_segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_picture(data: bytes) -> bytes:
    """The JPEG ``data`` rebuilt from the segments its picture needs; it must be a JPEG of 8
    bits a sample, in grey or three components, made of segments this knows.

    Kept, in order: SOI, the quantisation and Huffman tables (DQT, DHT), DRI, the frame
    (SOF0, SOF1 or SOF2), each scan (SOS) with its entropy-coded data, EOI; and the first
    APP0 JFIF without its thumbnail and the first APP14 Adobe (which says how the colours are
    coded), cut to their fixed fields. Dropped: every other APPn (EXIF, XMP, ICC, IPTC,
    makers' notes and previews), comments, and any byte after EOI (appended videos, trailers).
    """
    kept, offset, frame, scans, jfif, adobe = [b"\xff\xd8"], 2, False, 0, False, False
    while True:
        _require(offset + 2 <= len(data) and data[offset] == 0xFF)
        marker = data[offset + 1]
        if marker == 0xFF:  # a fill byte
            offset += 1
            continue
        if marker == 0xD9:
            _require(scans > 0)
            return b"".join([*kept, b"\xff\xd9"])
        _require(offset + 4 <= len(data))
        end = offset + 2 + struct.unpack(">H", data[offset + 2 : offset + 4])[0]
        _require(offset + 4 <= end <= len(data))
        payload = data[offset + 4 : end]
        if marker in _JPEG_FRAMES:
            _require(not frame and len(payload) >= 6 and payload[0] == 8 and payload[5] in (1, 3))
            frame = True
            kept.append(data[offset:end])
        elif marker in _JPEG_TABLES:
            kept.append(data[offset:end])
        elif marker == 0xDA:
            scan_end = _JPEG_SCAN_END.search(data, end)
            _require(frame and scan_end is not None)
            kept.append(data[offset : scan_end.start()])
            scans, end = scans + 1, scan_end.start()
        elif marker == 0xE0:
            if not jfif and payload.startswith(b"JFIF\x00") and len(payload) >= 14:
                # version, density unit and density; a thumbnail of 0 × 0 pixels
                kept.append(_jpeg_segment(0xE0, payload[:12] + b"\x00\x00"))
                jfif = True
        elif marker == 0xEE:
            if not adobe and payload.startswith(b"Adobe") and len(payload) >= 12:
                kept.append(_jpeg_segment(0xEE, payload[:12]))
                adobe = True
        else:  # not arithmetic coding, a lossless or hierarchical JPEG, an unknown marker
            _require(marker in _JPEG_DROPPED)
        offset = end


def _png_picture(data: bytes) -> bytes:
    """The PNG ``data`` rebuilt from the chunks its picture needs; it must have 8-bit samples
    or a palette, no animation or colour profile, no critical chunk this does not know, and
    right checksums.

    Kept: IHDR, PLTE, tRNS, IDAT, IEND. Dropped: text (tEXt, zTXt, iTXt: XMP too), eXIf,
    tIME, and the rendering hints gAMA, cHRM, sRGB, sBIT and pHYs (the pixels are published
    as they are, which is what a re-encoded copy showed: Pillow applies none of them), with
    every other ancillary chunk and any byte after IEND.
    """
    header = data[8:33]
    _require(header[4:8] == b"IHDR" and header[:4] == b"\x00\x00\x00\x0d")
    depth, colour_type = header[16], header[17]
    _require(colour_type == 3 or (depth == 8 and colour_type in (0, 2, 4, 6)))
    kept, offset = [_PNG_SIGNATURE], len(_PNG_SIGNATURE)
    while True:
        _require(offset + 12 <= len(data))
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        end = offset + 12 + length
        _require(end <= len(data) and kind not in _PNG_REENCODED)
        if kind in _PNG_KEPT:
            (crc,) = struct.unpack(">I", data[end - 4 : end])
            _require(zlib.crc32(data[offset + 4 : end - 4]) == crc)
            kept.append(data[offset:end])
            if kind == b"IEND":
                return b"".join(kept)
        else:
            _require(kind[0] & 0x20)  # ancillary: dropped; a critical chunk this does not know
        offset = end


_PICTURE_ONLY = {"jpeg": _jpeg_picture, "png": _png_picture}
_KEPT_MODES = ("1", "L", "LA", "P", "RGB", "RGBA")


def without_reencoding(data: bytes, max_pixels: int) -> tuple[bytes, int, int] | None:
    """A JPEG or PNG as it is, rebuilt without its metadata, and its width and height; or
    None when it must be decoded and encoded again instead (:func:`open_image`, :func:`encode`).

    Re-encoding loses a little of a JPEG's quality, takes time (45 ms for a 2000×1333 photo,
    where this takes 6 ms), and makes a larger file. It is skipped when nothing but metadata
    would change: a baseline or progressive JPEG in grey or YCbCr, or a PNG of 8-bit samples
    or a palette, not animated, with no colour profile and no EXIF orientation but 1 (Pillow
    reads it from EXIF or XMP, as :func:`open_image` does), within ``max_pixels``. The picture
    is then checked: a PNG's is decoded whole; a JPEG's is decoded at an eighth of its size,
    which reads every scan (a truncated file fails) for a fraction of the work. The rebuilt
    file must open at the same size and mode and have no :func:`metadata_blocks`. Anything
    unexpected gives None: the caller re-encodes, and reports a damaged file as it always did.
    """
    fmt = source_format(data)
    if fmt not in _PICTURE_ONLY:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=(fmt.upper(),)) as source:
                size, mode = source.size, source.mode
                _require(size[0] * size[1] <= max_pixels and mode in _KEPT_MODES)
                if fmt == "png":
                    source.load()  # every row, and the chunks after them (eXIf, iTXt)
                exif = source.getexif()
                _require(not source.info.get("icc_profile") and exif.get(0x0112, 1) == 1)
            picture = _PICTURE_ONLY[fmt](data)
            _require(not metadata_blocks(picture))
            with Image.open(io.BytesIO(picture), formats=(fmt.upper(),)) as check:
                _require(check.size == size and check.mode == mode)
                if fmt == "jpeg":
                    check.draft(mode, (size[0] // 8, size[1] // 8))
                    check.load()
        except (_Reencode, Image.DecompressionBombError, Image.DecompressionBombWarning):
            return None
        except DECODE_ERRORS:  # damaged: the caller's decoder says so in its own words
            return None
    return picture, *size


# An encoder's work for each pixel depends on the picture: on a dithered or grainy drawing,
# zlib at level 9 takes up to 5 s a megapixel (level 4: 0.15 s), lossy WebP at method 4 up to
# 0.5 s (method 1: 0.1 s) and lossless WebP at quality 75 up to 0.3 s (quality 0: 0.05 s, and
# half the memory). Pictures larger than this get the faster settings, for files some 10 %
# larger (30 % for a lossless WebP): no encode then takes more than about two seconds. JPEG and
# GIF take under 0.05 s a megapixel whatever the picture. (benchmarks/image_bounds.py)
FULL_EFFORT_PIXELS = {"png": 250_000, "webp": 4_000_000}


def encode(
    image: Image.Image,
    fmt: str,
    *,
    webp_quality: int = 85,
    webp_lossless: bool = False,
    webp_method: int = 4,
    png_compress_level: int = 9,
    jpeg_quality: int | None = None,
    jpeg_progressive: bool = True,
) -> bytes:
    """Encode a fresh copy of ``image`` as ``png``, ``webp``, ``jpeg`` or ``gif``, no metadata.

    ``webp_method`` is the effort of a lossy WebP (0 to 6). ``jpeg_progressive`` makes a
    progressive JPEG with optimised Huffman tables (a slow connection shows the whole picture
    early, then sharpens it; some 9 % smaller), else a baseline JPEG with the standard tables
    (a quarter of the time). Over FULL_EFFORT_PIXELS, a PNG is compressed at zlib level 4 at
    most and a WebP at method 1 at most (method 0 and quality 0 for a lossless one), which
    bounds the time whatever the picture.
    Nothing is passed that Pillow would write as metadata (``exif``, ``icc_profile``,
    ``pnginfo``, ``xmp``, ``comment``, ``dpi``), and the copy has an empty ``info`` for Pillow
    to fall back on. :func:`metadata_blocks` checks the result.
    """
    buffer = io.BytesIO()
    full_effort = image.width * image.height <= FULL_EFFORT_PIXELS.get(fmt, 0)
    if fmt == "png":
        level = png_compress_level if full_effort else min(png_compress_level, 4)
        clean_copy(image).save(buffer, "PNG", compress_level=level)
    elif fmt == "webp":
        # Lossless: quality is the effort; 75 with method 2 is within 1 % of the smallest
        # file at a tenth of the time of the maximum effort (0 with 0 past full effort).
        lossless_quality, method = (75, 2) if full_effort else (0, 0)
        clean_copy(image).save(
            buffer,
            "WEBP",
            quality=lossless_quality if webp_lossless else webp_quality,
            lossless=webp_lossless,
            method=method if webp_lossless else min(webp_method, 6 if full_effort else 1),
            exact=False,
        )
    elif fmt == "jpeg":
        if image.mode == "RGBA":  # flattened on white: a JPEG has no transparency
            fresh = Image.new("RGB", image.size, (255, 255, 255))
            fresh.paste(image, mask=image.getchannel("A"))
        else:
            fresh = clean_copy(image if image.mode == "RGB" else image.convert("RGB"))
        fresh.save(
            buffer,
            "JPEG",
            quality=jpeg_quality or webp_quality,
            optimize=jpeg_progressive,
            progressive=jpeg_progressive,
        )
    elif fmt == "gif":
        clean_copy(image).save(buffer, "GIF", optimize=True)
    else:
        raise ValueError(f"unknown output format {fmt!r}")
    data = buffer.getvalue()
    found = metadata_blocks(data)
    if found:  # a bug in this module or in Pillow, never an editor's mistake
        raise RuntimeError(f"{fmt} encoder wrote metadata: {', '.join(found)}")
    return data


_PNG_METADATA = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP", b"tIME"}
_WEBP_METADATA = {b"EXIF", b"XMP ", b"ICCP"}
_JPEG_METADATA = {0xE1: "APP1 (EXIF/XMP)", 0xE2: "APP2 (ICC)", 0xED: "APP13 (IPTC)", 0xFE: "COM"}


def metadata_blocks(data: bytes) -> list[str]:
    """Name every metadata block in an encoded PNG, WebP or JPEG, read from its structure.

    Walking the chunks (rather than searching the bytes) cannot mistake compressed pixels for a
    marker. An SVG is checked for comments, ``<metadata>`` and foreign namespaces' text.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png_blocks(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_blocks(data)
    if data[:2] == b"\xff\xd8":
        return _jpeg_blocks(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif_blocks(data)
    text = data.decode("utf-8", "replace")
    return [marker for marker in ("<!--", "<metadata", "<?xpacket", "<x:xmpmeta") if marker in text]


def _png_blocks(data: bytes) -> list[str]:
    found, offset = [], 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind in _PNG_METADATA:
            found.append(kind.decode("latin-1"))
        offset += 12 + length
    return found


def _webp_blocks(data: bytes) -> list[str]:
    found, offset = [], 12
    while offset + 8 <= len(data):
        kind, length = struct.unpack("<4sI", data[offset : offset + 8])
        if kind in _WEBP_METADATA:
            found.append(kind.decode("latin-1").strip())
        if kind == b"VP8X" and length >= 1 and data[offset + 8] & 0b00101100:
            found.append("VP8X metadata flags")
        offset += 8 + length + (length & 1)
    return found


def _jpeg_blocks(data: bytes) -> list[str]:
    found, offset = [], 2
    while offset + 4 <= len(data) and data[offset] == 0xFF:
        marker = data[offset + 1]
        if marker == 0xDA:  # start of scan: the headers are over
            break
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in _JPEG_METADATA:
            found.append(_JPEG_METADATA[marker])
        offset += 2 + length
    return found


def _gif_sub_blocks(data: bytes, offset: int) -> tuple[bytes, int]:
    """The data of a chain of GIF sub-blocks starting at ``offset``, and the offset after it."""
    parts = []
    while offset < len(data):
        size = data[offset]
        offset += 1
        if size == 0:
            break
        parts.append(data[offset : offset + size])
        offset += size
    return b"".join(parts), offset


def _gif_blocks(data: bytes) -> list[str]:
    found, offset = [], 13
    if data[10] & 0x80:  # global colour table
        offset += 3 * 2 ** ((data[10] & 7) + 1)
    while offset < len(data):
        kind = data[offset]
        if kind == 0x3B:  # trailer
            break
        if kind == 0x21 and offset + 1 < len(data):
            label = data[offset + 1]
            if label == 0xFF:  # application extension: its name is the first sub-block
                body, offset = _gif_sub_blocks(data, offset + 2)
                if not body.startswith(b"NETSCAPE2.0"):
                    found.append(f"application block {body[:11].decode('latin-1')}")
                continue
            if label == 0xFE:
                found.append("comment")
            _, offset = _gif_sub_blocks(data, offset + 2)
        elif kind == 0x2C:
            flags = data[offset + 9] if offset + 9 < len(data) else 0
            offset += 10
            if flags & 0x80:  # local colour table
                offset += 3 * 2 ** ((flags & 7) + 1)
            _, offset = _gif_sub_blocks(data, offset + 1)  # after the LZW minimum code size
        else:
            found.append("unreadable structure")
            break
    return found
