"""Settings read by the media core, with their defaults, read once per build.

MEDIA_CACHE_PATH (a ``media`` folder beside Pelican's ``CACHE_PATH``: ``.cache/media``)
    Where processed images are kept between builds, named by a hash of the source bytes and of
    the processing settings. Outside ``output/``: deleting the output re-encodes nothing.
MEDIA_MAX_PIXELS (16_000_000)
    Most pixels decoded from one image (width × height), checked on the file's header before
    any pixel is: a decompression bomb (a small file declaring 100,000 × 100,000 pixels) is
    refused at once. A larger PNG, GIF or progressive JPEG is a content error, never a crash;
    a WebP counts twice (Pillow's WebP decoder holds two more canvases, and its lossless
    encoder some 16 bytes a pixel), so its limit is 8 MP. A JPEG that libjpeg decodes in one
    pass (what cameras write) may be up to four times larger (64 MP): it is decoded at half its
    width and height, or less, which costs little, and its original is published at that size
    (an INFO line says so). Of an animation, only the first frame is decoded. Pillow's own
    guard stays on behind this one.
MEDIA_MAX_FILE_BYTES (64_000_000)
    Largest image file read at all, SVG included (it is hashed in pieces, never read whole, to
    find out).
MEDIA_MAX_SVG_BYTES (2_000_000)
    Largest SVG file accepted.
MEDIA_WORKERS (None: every core)
    Processes used for cold processing; 1 processes in the build's own process.
MEDIA_LINK_OUTPUT (True)
    Hard-link cached files into the output (copy when the two folders are on different disks);
    False always copies.
RECORDS_CHECK_ONLY (the records core's, False)
    True (``invoke lint``): no image is decoded, encoded or drawn, and nothing is read from
    or written to the cache; each source is only checked as far as its header (a raster) or
    its markup (an SVG) tells (:meth:`media.Recipe.check`).
MEDIA_WEBP_QUALITY (85), MEDIA_PNG_COMPRESS_LEVEL (9)
    Encoder settings for lossy WebP and for PNG (part of each file's hash); the PNG level is
    used up to 0.25 MP, and at most 4 beyond (see below).

Together with the encoders' effort (``images.FULL_EFFORT_PIXELS``: a PNG over 0.25 MP is
compressed at zlib level 4 at most, a WebP over 4 MP at method 1, as zlib's level 9 can take
5 s a megapixel on a dithered drawing), the MEDIA_MAX_* limits bound what one image costs,
whatever it holds. Measured with ``benchmarks/image_bounds.py`` (noise, dots, 16-bit,
progressive, CMYK and animated files at the limits, through Clean, Responsive and BoxFit): at
most 300 MB in the process that handles it (24 MB of which are Python and Pillow), and 2.5 s.
Raise them only with the memory to match, times MEDIA_WORKERS.
"""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaSettings:
    cache_path: str
    max_pixels: int = 16_000_000
    max_svg_bytes: int = 2_000_000
    max_file_bytes: int = 64_000_000
    workers: int = 1
    link_output: bool = True
    webp_quality: int = 85
    png_compress_level: int = 9
    check_only: bool = False

    @classmethod
    def from_pelican(cls, settings: dict) -> "MediaSettings":
        cache = settings.get("MEDIA_CACHE_PATH") or os.path.join(
            os.path.dirname(os.path.normpath(settings.get("CACHE_PATH") or ".cache/pelican")),
            "media",
        )
        workers = settings.get("MEDIA_WORKERS") or os.cpu_count() or 1
        return cls(
            cache_path=os.path.abspath(cache),
            max_pixels=int(settings.get("MEDIA_MAX_PIXELS") or cls.max_pixels),
            max_svg_bytes=int(settings.get("MEDIA_MAX_SVG_BYTES") or cls.max_svg_bytes),
            max_file_bytes=int(settings.get("MEDIA_MAX_FILE_BYTES") or cls.max_file_bytes),
            workers=max(1, int(workers)),
            link_output=bool(settings.get("MEDIA_LINK_OUTPUT", True)),
            webp_quality=int(settings.get("MEDIA_WEBP_QUALITY") or cls.webp_quality),
            png_compress_level=int(
                settings.get("MEDIA_PNG_COMPRESS_LEVEL", cls.png_compress_level)
            ),
            check_only=bool(settings.get("RECORDS_CHECK_ONLY")),
        )


DEFAULT_SIZES = "(min-width: 42rem) 40rem, 100vw"
ARTWORK_SIZES = "(min-width: 50rem) 24rem, 100vw"
# The theme's card grid (.card-list in site.css): three columns of 19rem from 64rem, at most
# 26rem in two columns from 40rem, one column (the page less its margins) below.
DEFAULT_CARD_SIZES = "(min-width: 64rem) 19rem, (min-width: 40rem) 26rem, calc(100vw - 2rem)"


@dataclass(frozen=True)
class SiteMediaSettings:
    """What the media plugin publishes (read by :mod:`media.plugin`), with defaults.

    MEDIA_IMAGE_WIDTHS ((480, 800, 1280))
        Widths in pixels of the responsive copies of content and lead images (WebP, and JPEG
        for photos or PNG for drawings); never wider than the source. Fitted to the theme's
        text column (40rem, 640 CSS pixels; ``sizes`` below): 1280 is the column on a 2x
        screen, 800 and 480 a phone (360 to 430 CSS pixels) at 2 to 2.6x and at 1x. Against
        480, 960 and 1600 that is 32 % fewer pixels to make and to send, for the same
        sharpness on every screen that shows the column at most 640 CSS pixels wide.
    MEDIA_IMAGE_SIZES ("(min-width: 42rem) 40rem, 100vw")
        The ``sizes`` attribute: how wide the picture is shown (the text column's width).
    MEDIA_IMAGE_OUTPUT ("images/sized")
        Output folder of the responsive copies.
    MEDIA_JPEG_QUALITY (82)
        JPEG quality of the responsive copies (originals are re-encoded at 90).
    MEDIA_CARD_WIDTHS ((400, 800)), MEDIA_CARD_PROPORTION ((3, 2)), MEDIA_CARD_SIZES
        The lead image as the cards of lists show it (``content.card_picture``): the middle of
        the picture cut to MEDIA_CARD_PROPORTION (width, height; an empty value keeps the
        picture's own shape), at each of MEDIA_CARD_WIDTHS (a card is about 400 CSS pixels
        wide, so these are 1x and 2x), with the ``sizes`` of the theme's card grid:
        ``"(min-width: 64rem) 19rem, (min-width: 40rem) 26rem, calc(100vw - 2rem)"``. A
        picture already in that shape is not cut and copied again: its cards show the copies
        of MEDIA_IMAGE_WIDTHS up to the widest of MEDIA_CARD_WIDTHS.
    MEDIA_LEAD_IN_CONTENT (("article", "page"))
        Kinds of page whose lead image (``Image``) is put at the top of the text, because their
        template does not show it (``content.lead_picture`` is set on every kind). Event,
        campaign and edition pages show it themselves: a campaign's and an edition's is the
        visual of its first screen (see MEDIA_ARTWORK_WIDTHS).
    SHARE_CARDS (True), SHARE_CARD_OUTPUT ("images/cards"), SHARE_CARD_COLOR ("#1f4e79")
        A 1200×630 PNG per news post, event, campaign and edition (and one for the site), in
        the campaign's colour (SHARE_CARD_COLOR without one).
    MEDIA_ARTWORK_WIDTHS ((480, 960)), MEDIA_ARTWORK_SIZES (see below)
        The visual of a campaign's or an edition's page is its own lead image (``Image``,
        ``lead_picture``) when it has one; else its share card, drawn at these widths too in
        WebP and PNG as ``item.artwork`` (only for records with no Image). Either has
        MEDIA_ARTWORK_SIZES as its ``sizes`` attribute, how wide the theme shows the visual
        (the landing page's first screen: the whole width on a phone, a column beside the
        text from 50rem): ``"(min-width: 50rem) 24rem, 100vw"``.
    POSTERS (True), POSTER_OUTPUT ("files/posters"), POSTER_BASE_URL (SITEURL)
        An A4 PDF and PNG per edition, with a QR code of the edition's address. The code needs
        an absolute address: POSTER_BASE_URL, else SITEURL when it starts with http; without
        either (local builds), no poster is made and an INFO line says so.
    """

    widths: tuple[int, ...] = (480, 800, 1280)
    sizes: str = DEFAULT_SIZES
    output: str = "images/sized"
    jpeg_quality: int = 82
    card_widths: tuple[int, ...] = (400, 800)
    card_proportion: tuple[int, ...] = (3, 2)
    card_sizes: str = DEFAULT_CARD_SIZES
    lead_in_content: tuple[str, ...] = ("article", "page")
    share_cards: bool = True
    card_output: str = "images/cards"
    card_colour: str = "#1f4e79"
    artwork_widths: tuple[int, ...] = (480, 960)
    artwork_sizes: str = ARTWORK_SIZES
    posters: bool = True
    poster_output: str = "files/posters"
    poster_base_url: str = ""

    @classmethod
    def from_pelican(cls, settings: dict) -> "SiteMediaSettings":
        siteurl = (settings.get("SITEURL") or "").rstrip("/")
        base = (settings.get("POSTER_BASE_URL") or "").rstrip("/")
        if not base and siteurl.startswith(("http://", "https://")):
            base = siteurl
        return cls(
            widths=tuple(sorted(int(w) for w in settings.get("MEDIA_IMAGE_WIDTHS") or cls.widths)),
            sizes=settings.get("MEDIA_IMAGE_SIZES") or cls.sizes,
            output=(settings.get("MEDIA_IMAGE_OUTPUT") or cls.output).strip("/"),
            jpeg_quality=int(settings.get("MEDIA_JPEG_QUALITY") or cls.jpeg_quality),
            card_widths=tuple(
                sorted(int(w) for w in settings.get("MEDIA_CARD_WIDTHS") or cls.card_widths)
            ),
            card_proportion=tuple(
                int(n) for n in settings.get("MEDIA_CARD_PROPORTION", cls.card_proportion) or ()
            ),
            card_sizes=settings.get("MEDIA_CARD_SIZES") or cls.card_sizes,
            lead_in_content=tuple(settings.get("MEDIA_LEAD_IN_CONTENT", cls.lead_in_content)),
            share_cards=bool(settings.get("SHARE_CARDS", True)),
            card_output=(settings.get("SHARE_CARD_OUTPUT") or cls.card_output).strip("/"),
            card_colour=settings.get("SHARE_CARD_COLOR") or cls.card_colour,
            artwork_widths=tuple(
                sorted(int(w) for w in settings.get("MEDIA_ARTWORK_WIDTHS") or cls.artwork_widths)
            ),
            artwork_sizes=settings.get("MEDIA_ARTWORK_SIZES") or cls.artwork_sizes,
            posters=bool(settings.get("POSTERS", True)),
            poster_output=(settings.get("POSTER_OUTPUT") or cls.poster_output).strip("/"),
            poster_base_url=base,
        )
