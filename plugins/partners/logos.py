"""A partner's picture: its processed logo, or a generated monogram tile when it has none.

Templates get ``partner.view.logo_image`` (a :class:`LogoImage`) and render it with the
``partials/partner_logo.html`` macro: a ``<picture>`` with WebP and PNG at each density for a
raster logo, a plain ``<img>`` for an SVG logo or a monogram. Its alt text is the partner's name.
A monogram is also drawn as a PNG (``png``), the ``logo`` of its schema.org data: many readers
of structured data take no SVG. An SVG logo file is given as it is there (Google reads SVG).
"""

import colorsys
import hashlib
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from media import Monogram, OutputFile, Ticket
from media.images import balanced_scale
from records.colours import contrast_ratio

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "against",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "du",
        "e",
        "et",
        "for",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "the",
        "to",
        "und",
        "van",
        "von",
        "y",
    ]
)
_ROMAN = re.compile(r"[IVXLCDM]+")
MIN_CONTRAST = 4.5


@dataclass
class LogoImage:
    kind: str  # "raster", "svg" or "monogram"
    src: str  # site-relative URL of the <img> itself
    width: int  # CSS pixels: the configured box
    height: int
    alt: str
    png: list[OutputFile] = field(default_factory=list)
    webp: list[OutputFile] = field(default_factory=list)
    svg_text: str = ""  # a monogram's drawing, written by the partners generator
    drawing: Monogram | None = None  # a monogram's recipe for its PNG (``png``, once drawn)

    @property
    def is_monogram(self) -> bool:
        return self.kind == "monogram"

    @property
    def largest(self) -> str:
        """The URL of the largest raster copy (a monogram's PNG too), else of the SVG: the
        ``logo`` of structured data."""
        return self.png[-1].url if self.png else self.src


def from_ticket(ticket: Ticket, alt: str, box: tuple[int, int]) -> LogoImage:
    svg = ticket.file("box", "svg")
    if svg is not None:
        return LogoImage("svg", svg.url, *box, alt=alt)
    png = sorted((f for f in ticket.files if f.fmt == "png"), key=lambda f: f.width)
    webp = sorted((f for f in ticket.files if f.fmt == "webp"), key=lambda f: f.width)
    return LogoImage("raster", png[0].url, *box, alt=alt, png=png, webp=webp)


def initials(name: str) -> str:
    """Up to three letters standing for ``name``: its acronym if it has one (``UISG``)."""
    words = re.findall(r"[^\W\d_][^\s/()]*", name)
    for word in words:
        letters = re.sub(r"\W", "", word)
        if 2 <= len(letters) <= 5 and letters.isupper() and not _ROMAN.fullmatch(letters):
            return letters
    significant = [
        w for w in words if w.casefold() not in STOP_WORDS and not _ROMAN.fullmatch(w)
    ] or words
    return "".join(w[0] for w in significant[:3]).upper() or "?"


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def monogram_colours(key: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """A background from a hash of ``key`` and white text, darkened until contrast ≥ 4.5:1."""
    number = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    hue = (number % 360) / 360
    saturation = 0.45 + (number >> 9) % 30 / 100
    lightness = 0.42
    text = (255, 255, 255)
    while True:
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
        background = (round(red * 255), round(green * 255), round(blue * 255))
        if contrast_ratio(background, text) >= MIN_CONTRAST or lightness <= 0:
            return background, text
        lightness = max(0.0, lightness - 0.02)


def monogram(
    record_id: str, name: str, box: tuple[int, int], output_dir: str, area: float = 0.0
) -> LogoImage:
    """A tile with the partner's initials, its colour taken from a hash of its id. With
    ``area`` the tile covers that share of the box, centred, as logos do on a logo wall
    (:func:`media.images.balanced_scale`); its PNG for structured data is the tile alone."""
    width, height = box
    scale = balanced_scale(box, box, area)
    tile_width, tile_height = round(width * scale), round(height * scale)
    left, top = (width - tile_width) / 2, (height - tile_height) / 2
    letters = initials(name)
    background, text = monogram_colours(record_id)
    assert contrast_ratio(background, text) >= MIN_CONTRAST
    size = round(min(tile_height * 0.42, tile_width * 0.8 / max(2, len(letters)) * 1.6))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f'<rect x="{left:g}" y="{top:g}" width="{tile_width}" height="{tile_height}" '
        f'rx="{round(tile_height / 12)}" fill="{hex_colour(background)}"/>'
        f'<text x="{width / 2:g}" y="{height / 2:g}" dy="0.35em" text-anchor="middle" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" '
        f'font-size="{size}" font-weight="700" fill="{hex_colour(text)}">{escape(letters)}</text>'
        "</svg>\n"
    )
    digest = hashlib.sha256(svg.encode()).hexdigest()[:12]
    src = f"{output_dir}/monogram-{record_id}-{digest}.svg"
    drawing = Monogram(letters, hex_colour(background), hex_colour(text), width, height)
    return LogoImage("monogram", src, width, height, alt=name, svg_text=svg, drawing=drawing)
