"""Recipes: what to make of one source image. Each is a frozen, picklable description.

A recipe's fields are part of the cache key of everything it makes, so changing any of them
(a box size, a quality) makes new files, and leaving them alone reuses the old ones. A recipe
turns the source's bytes into :class:`Rendition` objects; it never touches files.

Recipes here: :class:`BoxFit` (logos), :class:`Responsive` (content images), :class:`Clean`
(originals published at their own path); drawings (share cards, posters) are in
:mod:`media.drawing`.
"""

import dataclasses
import io
import json
from dataclasses import dataclass

from . import images
from .errors import MediaError
from .svg import sanitise_svg


def _header(data: bytes) -> tuple[int, bool]:
    """The pixels of an image its decoder already opened, and whether it is animated (only
    the first frame of an animation is ever decoded)."""
    with images.Image.open(io.BytesIO(data), formats=images.ACCEPTED_FORMATS) as image:
        try:
            animated = getattr(image, "is_animated", False)
        except images.DECODE_ERRORS:  # a damaged second frame, never decoded anyway
            animated = False
        return image.width * image.height, animated


@dataclass(frozen=True)
class Limits:
    """The input limits in force; part of the cache key, as they decide what is an error."""

    max_pixels: int
    max_svg_bytes: int
    max_file_bytes: int


@dataclass(frozen=True)
class Rendition:
    """One output file: ``label`` ("1x", "2x", "960w"…) and format make its name."""

    label: str
    fmt: str
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Recipe:
    def key(self) -> str:
        return json.dumps([type(self).__name__, dataclasses.asdict(self)], sort_keys=True)

    def render(self, data: bytes, is_svg: bool, limits: Limits) -> tuple[list[Rendition], list]:
        """Return the renditions and notes (what was removed, for the log)."""
        raise NotImplementedError

    def layout(self, data: bytes, is_svg: bool, limits: Limits) -> list[tuple] | None:
        """The (label, format, width, height) of every file :meth:`render` will make, when
        that is known without processing the source, or None. A job with a layout is
        processed in the background while the pages are written (see
        :meth:`media.Pipeline.run`); its files must then be exactly these. Raises the
        MediaError ``render`` would raise for an unusable source."""
        return None

    def check(self, data: bytes, is_svg: bool, limits: Limits) -> None:
        """Raise the MediaError ``render`` would raise for a file of the wrong kind or size,
        decoding no pixel (a check-only run, ``invoke lint``): a raster's header is read, an
        SVG parsed. What only decoding finds (a damaged picture) is left to the build."""
        if is_svg:
            self.render(data, is_svg, limits)
        else:
            images.check_header(data, limits.max_pixels)


@dataclass(frozen=True)
class BoxFit(Recipe):
    """Trim empty margins, then fit (never stretch) into a ``width × height`` CSS-pixel box.

    Raster sources give every format in ``formats`` at every density in ``scales``, each file
    exactly the box's size times the density, the picture centred on a transparent ground.
    SVG sources are sanitised and sized to the box instead (one file, no raster). With
    ``area`` (a share of the box, 0 to 1), every logo covers that much of the box whatever its
    shape (:func:`media.images.balanced_scale`); without, it fills the box's width or height.

    PNGs at zlib level 6: on the benchmark's logos (42 of them, 480×240 at 2x), level 9 took
    12 ms each and level 6 3 ms, for files 2 % larger.
    """

    width: int = 240
    height: int = 120
    area: float = 0.0
    scales: tuple[int, ...] = (1, 2)
    formats: tuple[str, ...] = ("png", "webp")
    trim: bool = True
    max_upscale: float = 4.0
    webp_quality: int = 85
    webp_lossless: bool = True
    png_compress_level: int = 6

    def render(self, data, is_svg, limits):
        box = (self.width, self.height)
        if is_svg:
            svg, removed = sanitise_svg(data, box, limits.max_svg_bytes, self.area)
            return [Rendition("box", "svg", svg, *box)], removed
        largest = max(self.scales)
        draft = (max(box) * largest * 2,) * 2  # square: the EXIF orientation may turn it
        image = images.open_image(data, limits.max_pixels, draft=draft)
        if self.trim:
            image = images.trim(image)
        if image.mode == "RGBA" and image.getchannel("A").getbbox() is None:
            raise MediaError(
                "is completely transparent", "export the logo again with its drawing visible"
            )
        renditions = []
        for scale in self.scales:
            fitted = images.fit_in_box(image, box, scale, self.max_upscale, self.area)
            for fmt in self.formats:
                encoded = images.encode(
                    fitted,
                    fmt,
                    webp_quality=self.webp_quality,
                    webp_lossless=self.webp_lossless,
                    png_compress_level=self.png_compress_level,
                )
                renditions.append(Rendition(f"{scale}x", fmt, encoded, fitted.width, fitted.height))
        return renditions, []


@dataclass(frozen=True)
class Responsive(Recipe):
    """A photo or drawing at several widths, in WebP and in a format every browser reads.

    Each width in ``widths`` that is narrower than the (upright) source gives one file per
    format; a source narrower than the widest gives one more at its own width, and nothing is
    ever enlarged. ``fallback`` is the second format: ``auto`` keeps JPEG for photos and PNG
    for drawings (PNG, GIF and anything with transparency). ``crop`` (width and height of a
    proportion, such as ``(3, 2)``) first cuts the middle of the picture to that shape, so
    that a grid of cards gets pictures of one shape and no pixel is sent that is not shown.

    The costs, measured on a 2000×1333 photo at 1280, 800 and 480 pixels (CPU time of one
    process; ``time.process_time``): a JPEG is decoded at the smallest scale that still
    covers the widest copy (:func:`media.images.open_image`), the copies are made in a cascade
    (:func:`media.images.resize_to_widths`: bicubic, 36 ms). A lossy WebP at
    ``webp_method`` 2 takes 48 ms for the three (method 4: 113 ms, for files 3.5 % smaller;
    method 1: 33 ms, 10 % larger). The fallback JPEG is a baseline one with the standard
    Huffman tables (4 ms for the three, against 18 ms for a progressive one with optimised
    tables, 9 % smaller): only a browser without WebP, which no current browser is, ever
    fetches it (``jpeg_progressive`` brings the other back).
    """

    widths: tuple[int, ...] = (480, 800, 1280)
    crop: tuple[int, ...] = ()
    fallback: str = "auto"
    webp_quality: int = 80
    webp_method: int = 2
    jpeg_quality: int = 82
    jpeg_progressive: bool = False
    png_compress_level: int = 9

    def layout(self, data, is_svg, limits):
        """Known for a JPEG (:func:`media.images.probe_jpeg`), the bulk of a site's photos;
        any other is processed before the pages are written."""
        if is_svg or images.source_format(data) != "jpeg":
            return None
        largest = max(self.widths)
        size = images.probe_jpeg(data, limits.max_pixels, draft=(largest, largest))
        if self.crop:
            left, top, right, bottom = images.proportion_box(size, self.crop)
            size = (right - left, bottom - top)
        fallback = "jpeg" if self.fallback == "auto" else self.fallback  # a JPEG is RGB
        files = []
        for target in sorted({min(width, size[0]) for width in self.widths}):
            width, height = images.scaled_size(size, target)
            files += [(f"{width}w", fmt, width, height) for fmt in ("webp", fallback)]
        return files

    def render(self, data, is_svg, limits):
        if is_svg:
            raise MediaError(
                "is an SVG drawing, which is published as it is, not at several widths",
                "link the SVG file itself, or give a PNG or JPEG version",
            )
        largest = max(self.widths)
        image = images.open_image(data, limits.max_pixels, draft=(largest, largest))
        if self.crop:
            image = images.crop_to_proportion(image, self.crop)
        fallback = self.fallback
        if fallback == "auto":
            photo = images.source_format(data) in ("jpeg", "webp") and image.mode == "RGB"
            fallback = "jpeg" if photo else "png"
        targets = sorted({min(width, image.width) for width in self.widths})
        renditions = []
        for scaled in images.resize_to_widths(image, targets):
            for fmt in ("webp", fallback):
                encoded = images.encode(
                    scaled,
                    fmt,
                    webp_quality=self.webp_quality,
                    webp_method=self.webp_method,
                    jpeg_quality=self.jpeg_quality,
                    jpeg_progressive=self.jpeg_progressive,
                    png_compress_level=self.png_compress_level,
                )
                renditions.append(
                    Rendition(f"{scaled.width}w", fmt, encoded, scaled.width, scaled.height)
                )
        return renditions, []


@dataclass(frozen=True)
class Clean(Recipe):
    """The source itself, published at its own path: same format and size, nothing else.

    A JPEG or PNG whose pixels need no change (upright, no colour profile, within the pixel
    limit, not animated) is published as it is, rebuilt from the parts its picture needs
    (:func:`media.images.without_reencoding`: a photo in 6 ms instead of 45, with no loss).
    Any other is turned upright and re-encoded from scratch (no EXIF, GPS, XMP, IPTC, ICC
    profile or comment survives); an SVG is sanitised and keeps its own size. An animation
    keeps its first frame. A JPEG over the pixel limit (up to JPEG_SCALED_LIMIT times it) is
    published at half its width and height, or less, to fit: libjpeg scales it cheaply.
    """

    jpeg_quality: int = 90
    webp_quality: int = 90
    png_compress_level: int = 9

    def render(self, data, is_svg, limits):
        if is_svg:
            svg, removed = sanitise_svg(data, None, limits.max_svg_bytes)
            return [Rendition("original", "svg", svg, 0, 0)], removed
        fmt = images.source_format(data)
        kept = images.without_reencoding(data, limits.max_pixels)
        if kept is not None:
            picture, width, height = kept
            return [Rendition("original", fmt, picture, width, height)], []
        image = images.open_image(data, limits.max_pixels)
        pixels, animated = _header(data)
        notes = ["animation (first frame kept)"] if animated else []
        if image.width * image.height < pixels:  # a large JPEG, decoded at a smaller scale
            notes.append(
                f"pixels beyond the {images.megapixels(limits.max_pixels)} limit "
                f"(published at {image.width}×{image.height}, a {images.megapixels(pixels)} "
                "original)"
            )
        encoded = images.encode(
            image,
            fmt,
            webp_quality=self.webp_quality,
            webp_lossless=fmt == "webp" and images.webp_is_lossless(data),
            jpeg_quality=self.jpeg_quality,
            png_compress_level=self.png_compress_level,
        )
        return [Rendition("original", fmt, encoded, image.width, image.height)], notes
