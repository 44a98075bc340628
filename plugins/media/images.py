"""Raster images: open safely, orient, normalise colour, trim, fit, encode without metadata.

Every function takes and returns Pillow images (or bytes) and knows nothing of files, caches
or Pelican; :mod:`media.recipes` combines them.
"""

import functools
import io
import struct
import warnings

from PIL import Image, ImageChops, ImageCms, ImageOps

from .errors import MediaError

# Formats Pillow may even try to parse: a logo or a photo is one of these, and every other
# decoder Pillow ships is attack surface for nothing.
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")

# What a damaged or hostile file makes Pillow's decoders raise.
_DECODE_ERRORS = (
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


def _too_large(width: int | None, height: int | None, limit: int) -> MediaError:
    size = f" ({width}×{height} pixels)" if width and height else ""
    return MediaError(
        f"is too large{size}; the limit is {limit:,} pixels",
        "save a smaller version of the image (a logo needs no more than about 2000 pixels wide)",
    )


def open_image(data: bytes, max_pixels: int, draft: tuple[int, int] | None = None) -> Image.Image:
    """Decode ``data`` fully, oriented and in RGB or RGBA; raise :class:`MediaError` if unusable.

    ``max_pixels`` is checked on the header, before any pixel is decoded. ``draft`` lets a
    JPEG decoder scale down while decoding (to at least that size), which makes a huge photo
    cheap to turn into a small picture.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except Image.UnidentifiedImageError:
            raise MediaError(
                "is not a PNG, JPEG, WebP or GIF image",
                "export the image again as PNG, JPEG or WebP (or give an SVG file)",
            ) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(None, None, max_pixels) from None
        except _DECODE_ERRORS:
            raise _unreadable() from None
        width, height = image.size
        if width < 1 or height < 1:
            raise _unreadable()
        if width * height > max_pixels:
            raise _too_large(width, height, max_pixels)
        try:
            if draft and image.format == "JPEG":
                image.draft(image.mode, draft)
            image.load()
            image = _apply_orientation(image)
            return to_rgb(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(width, height, max_pixels) from None
        except _DECODE_ERRORS:
            raise _unreadable() from None


def _apply_orientation(image: Image.Image) -> Image.Image:
    """Turn the pixels as the EXIF orientation says; a broken EXIF block is ignored."""
    try:
        return ImageOps.exif_transpose(image)
    except _DECODE_ERRORS:
        return image


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
    except (ImageCms.PyCMSError, *_DECODE_ERRORS):
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


def fit_in_box(
    image: Image.Image, box: tuple[int, int], scale: int = 1, max_upscale: float = 4.0
) -> Image.Image:
    """Return an RGBA image of exactly ``box × scale`` pixels with ``image`` centred in it.

    The image keeps its proportions (never stretched): it fills the box's width or height,
    but is enlarged at most ``max_upscale`` times its own size (in CSS pixels), so a tiny icon
    stays sharp instead of becoming a blur. The rest of the box is transparent.
    """
    box_width, box_height = box
    ratio = min(box_width / image.width, box_height / image.height, max_upscale)
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


def resize_to_width(image: Image.Image, width: int) -> Image.Image:
    """Scale ``image`` down (never up) to ``width`` pixels wide, keeping its proportions."""
    if image.width <= width:
        return image
    height = max(1, round(image.height * width / image.width))
    if image.mode == "RGBA":  # premultiplied: no colour pulled from transparent pixels
        scaled = image.convert("RGBa").resize(
            (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
        return scaled.convert("RGBA")
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


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
    return Image.frombytes(image.mode, image.size, image.tobytes())


def encode(
    image: Image.Image,
    fmt: str,
    *,
    webp_quality: int = 85,
    webp_lossless: bool = False,
    png_compress_level: int = 9,
    jpeg_quality: int | None = None,
) -> bytes:
    """Encode a fresh copy of ``image`` as ``png``, ``webp``, ``jpeg`` or ``gif``, no metadata.

    Nothing is passed that Pillow would write as metadata (``exif``, ``icc_profile``,
    ``pnginfo``, ``xmp``, ``comment``, ``dpi``), and the copy has an empty ``info`` for Pillow
    to fall back on. :func:`metadata_blocks` checks the result.
    """
    fresh = clean_copy(image)
    buffer = io.BytesIO()
    if fmt == "png":
        fresh.save(buffer, "PNG", compress_level=png_compress_level)
    elif fmt == "webp":
        # Lossless: quality is the effort; 75 with method 2 is within 1 % of the smallest
        # file at a tenth of the time of the maximum effort.
        fresh.save(
            buffer,
            "WEBP",
            quality=75 if webp_lossless else webp_quality,
            lossless=webp_lossless,
            method=2 if webp_lossless else 4,
            exact=False,
        )
    elif fmt == "jpeg":
        if fresh.mode == "RGBA":  # flattened on white: a JPEG has no transparency
            ground = Image.new("RGB", fresh.size, (255, 255, 255))
            ground.paste(fresh, mask=fresh.getchannel("A"))
            fresh = ground
        fresh.convert("RGB").save(
            buffer,
            "JPEG",
            quality=jpeg_quality or webp_quality,
            optimize=True,
            progressive=True,  # a slow phone shows the whole picture early, then sharpens it
        )
    elif fmt == "gif":
        fresh.save(buffer, "GIF", optimize=True)
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
