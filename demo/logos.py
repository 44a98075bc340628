"""The demo partners' logos: an emblem and a wordmark each, original designs in the manner of
a real network's (not the organisations' own logos or trademarks).

Each logo is laid out wide (the emblem beside the words), stacked (the emblem above them) or
tall, so that the logo wall shows logos of every shape, and saved as PNG (transparent), JPEG
(white ground, with margins for the pipeline to trim) or SVG (the wordmark as text stretched
to a set length, so that it fits whatever font the reader's system has).
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from PIL import Image

from .canvas import Canvas, font, jpeg, mix, png, rgb

UNIT = 100  # an emblem's size; words and gaps are measured against it
GAP = 0.22  # between the emblem and the words, in emblems


@dataclass(frozen=True)
class Words:
    """One line of a wordmark: its size is in emblems (1 = the emblem's height)."""

    text: str
    size: float
    colour: str
    bold: bool = False
    spacing: float = 0.0  # between letters, in emblems


# Emblems: each draws inside the square (x, y, size) of a canvas, in two or three colours.


def network_ring(c: Canvas, square, first, second) -> None:
    """Eight points on a ring, each joined to the ones three steps away: a woven star."""
    x, y, size = square
    cx, cy, radius = x + size / 2, y + size / 2, size * 0.4
    points = [
        (
            cx + radius * math.cos(k / 8 * math.tau - math.pi / 2),
            cy + radius * math.sin(k / 8 * math.tau - math.pi / 2),
        )
        for k in range(8)
    ]
    c.ellipse((cx, cy), size * 0.48, outline=first, width=size * 0.045)
    for k in range(8):
        c.line([points[k], points[(k + 3) % 8]], fill=first, width=size * 0.03)
    for point in points:
        c.ellipse(point, size * 0.06, fill=second)


def flame_arch(c: Canvas, square, first, second) -> None:
    """A flame standing in a round arch."""
    x, y, size = square
    c.rectangle(
        (x + size * 0.1, y + size * 0.02, x + size * 0.9, y + size), fill=first, radius=size * 0.4
    )
    c.rectangle((x + size * 0.1, y + size * 0.5, x + size * 0.9, y + size), fill=first)
    cx = x + size / 2
    c.polygon(
        [
            (cx, y + size * 0.18),
            (cx + size * 0.2, y + size * 0.55),
            (cx + size * 0.12, y + size * 0.82),
            (cx - size * 0.12, y + size * 0.82),
            (cx - size * 0.2, y + size * 0.55),
        ],
        fill=second,
    )
    c.polygon(
        [
            (cx, y + size * 0.45),
            (cx + size * 0.08, y + size * 0.68),
            (cx, y + size * 0.8),
            (cx - size * 0.08, y + size * 0.68),
        ],
        fill=first,
    )


def four_petals(c: Canvas, square, first, second) -> None:
    """A square on its point, four petals meeting in its middle."""
    x, y, size = square
    cx, cy, half = x + size / 2, y + size / 2, size / 2
    c.polygon([(cx, y), (x + size, cy), (cx, y + size), (x, cy)], fill=first)
    for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
        tip = (cx + dx * half * 0.62, cy + dy * half * 0.62)
        side = (dy * half * 0.16, -dx * half * 0.16)
        c.polygon(
            [
                (cx, cy),
                (tip[0] + side[0] - dx * half * 0.2, tip[1] + side[1] - dy * half * 0.2),
                tip,
                (tip[0] - side[0] - dx * half * 0.2, tip[1] - side[1] - dy * half * 0.2),
            ],
            fill=second,
        )


def heart_globe(c: Canvas, square, first, second) -> None:
    """A heart inside a globe's outline."""
    x, y, size = square
    cx, cy = x + size / 2, y + size / 2
    c.ellipse((cx, cy), size * 0.47, outline=first, width=size * 0.06)
    c.ellipse((cx, cy), (size * 0.2, size * 0.47), outline=first, width=size * 0.035)
    c.line([(cx - size * 0.47, cy), (cx + size * 0.47, cy)], fill=first, width=size * 0.035)
    r = size * 0.13
    c.ellipse((cx - r * 0.9, cy - r * 0.3), r * 1.05, fill=second)
    c.ellipse((cx + r * 0.9, cy - r * 0.3), r * 1.05, fill=second)
    c.polygon([(cx - r * 1.95, cy), (cx + r * 1.95, cy), (cx, cy + r * 2.1)], fill=second)


def shelter(c: Canvas, square, first, second) -> None:
    """A tent with its door open, on a path."""
    x, y, size = square
    cx = x + size / 2
    c.polygon(
        [
            (cx, y + size * 0.04),
            (x + size * 0.98, y + size * 0.8),
            (x + size * 0.02, y + size * 0.8),
        ],
        fill=first,
    )
    c.polygon(
        [
            (cx, y + size * 0.34),
            (cx + size * 0.16, y + size * 0.8),
            (cx - size * 0.16, y + size * 0.8),
        ],
        fill=second,
    )
    c.rectangle((x, y + size * 0.86, x + size, y + size * 0.95), fill=second, radius=size * 0.04)


def dove(c: Canvas, square, first, second) -> None:
    """A dove in flight inside a circle."""
    x, y, size = square
    c.ellipse((x + size / 2, y + size / 2), size / 2, fill=first)

    def at(px, py):
        return x + px * size, y + py * size

    c.polygon(
        [at(0.2, 0.58), at(0.5, 0.52), at(0.78, 0.42), at(0.7, 0.6), at(0.45, 0.68)], fill=second
    )
    c.polygon([at(0.42, 0.55), at(0.3, 0.22), at(0.62, 0.42)], fill=second)
    c.polygon([at(0.5, 0.5), at(0.56, 0.18), at(0.7, 0.44)], fill=mix(second, first, 0.25))
    c.ellipse(at(0.76, 0.44), size * 0.07, fill=second)
    c.polygon([at(0.82, 0.41), at(0.9, 0.44), at(0.82, 0.47)], fill=second)


def house(c: Canvas, square, first, second) -> None:
    """A house whose door is a heart."""
    x, y, size = square
    c.polygon([(x + size / 2, y), (x + size, y + size * 0.46), (x, y + size * 0.46)], fill=first)
    c.rectangle((x + size * 0.12, y + size * 0.4, x + size * 0.88, y + size), fill=first)
    cx, cy, r = x + size / 2, y + size * 0.7, size * 0.09
    c.ellipse((cx - r * 0.9, cy - r * 0.3), r, fill=second)
    c.ellipse((cx + r * 0.9, cy - r * 0.3), r, fill=second)
    c.polygon([(cx - r * 1.85, cy), (cx + r * 1.85, cy), (cx, cy + r * 2)], fill=second)


def flower(c: Canvas, square, first, second) -> None:
    """Six petals round a circle."""
    x, y, size = square
    cx, cy = x + size / 2, y + size / 2
    for k in range(6):
        angle = k / 6 * math.tau
        c.ellipse(
            (cx + size * 0.25 * math.cos(angle), cy + size * 0.25 * math.sin(angle)),
            size * 0.21,
            fill=first if k % 2 else mix(first, second, 0.5),
        )
    c.ellipse((cx, cy), size * 0.16, fill=second)


def broken_link(c: Canvas, square, first, second) -> None:
    """A chain link broken in two, its halves drawn apart, a spark between them."""
    x, y, size = square
    cy = y + size / 2
    for cx, start, end in ((x + size * 0.34, 100, 260), (x + size * 0.66, -80, 80)):
        c.arc((cx, cy), size * 0.3, (start, end), fill=first, width=size * 0.12)
    for k in (-1, 0, 1):
        c.line(
            [(x + size * 0.44, cy + k * size * 0.16), (x + size * 0.56, cy + k * size * 0.2)],
            fill=second,
            width=size * 0.05,
        )


def life_ring(c: Canvas, square, first, second) -> None:
    """A lifebuoy: a ring in four quarters of two colours."""
    x, y, size = square
    cx, cy = x + size / 2, y + size / 2
    for k in range(4):
        c.arc(
            (cx, cy),
            size * 0.37,
            (k * 90, k * 90 + 90),
            fill=first if k % 2 else second,
            width=size * 0.22,
        )


EMBLEMS = {
    "broken-link": broken_link,
    "dove": dove,
    "flame-arch": flame_arch,
    "flower": flower,
    "four-petals": four_petals,
    "heart-globe": heart_globe,
    "house": house,
    "life-ring": life_ring,
    "network-ring": network_ring,
    "shelter": shelter,
}


@dataclass(frozen=True)
class RasterLogo:
    """A logo drawn with Pillow: ``layout`` is ``wide`` (words beside the emblem) or
    ``stacked`` (words centred under it); ``fmt`` is ``png`` or ``jpg``."""

    emblem: str
    colours: tuple[str, ...]
    words: tuple[Words, ...]
    layout: str = "wide"
    fmt: str = "png"

    def draw(self) -> bytes:
        """The logo at twice the size of the partners' logo box, or more: sharp at 2x."""
        width_units, height_units, lines = self._layout()
        height = 220 if self.layout == "wide" else 400
        margin = 0.6 * UNIT if self.fmt == "jpg" else 0.04 * UNIT  # JPEG: white to trim
        units = (width_units + 2 * margin, height_units + 2 * margin)
        size = (round(height * units[0] / units[1]), height)
        ground = (255, 255, 255) if self.fmt == "jpg" else (255, 255, 255, 0)
        c = Canvas(size, ground, units=units)
        emblem_x = margin + (0 if self.layout == "wide" else (width_units - UNIT) / 2)
        colours = [rgb(v) for v in self.colours]
        EMBLEMS[self.emblem](c, (emblem_x, margin, UNIT), *colours)
        for words, (x, y, anchor) in lines:
            c.text(
                (x + margin, y + margin),
                words.text,
                words.size * UNIT,
                rgb(words.colour),
                bold=words.bold,
                anchor=anchor,
                spacing=words.spacing * UNIT,
            )
        image = c.finish()
        if self.fmt == "jpg":
            return jpeg(image)
        return png(image.quantize(64, method=Image.Quantize.FASTOCTREE))  # few colours

    def _layout(self):
        """(width, height) in units and where each line of words goes."""
        widths = [_length(words) for words in self.words]
        heights = [words.size * UNIT * 1.25 for words in self.words]
        placed = []
        if self.layout == "wide":
            left = UNIT * (1 + GAP)
            y = (UNIT - sum(heights)) / 2
            for words, height in zip(self.words, heights, strict=True):
                placed.append((words, (left, y + height * 0.78, "ls")))
                y += height
            return left + max(widths), UNIT, placed
        width = max(UNIT, *widths)
        y = UNIT * (1 + GAP * 0.8)
        for words, height in zip(self.words, heights, strict=True):
            placed.append((words, (width / 2, y + height * 0.78, "ms")))
            y += height
        return width, y, placed


def _length(words: Words) -> float:
    face = font(words.size * UNIT, words.bold)
    return face.getlength(words.text) + words.spacing * UNIT * (len(words.text) - 1)


@dataclass(frozen=True)
class SvgLogo:
    """A logo written as SVG: an emblem of plain shapes (``shapes``, SVG markup in a 100-unit
    square) and lines of words, each stretched to the length DejaVu gives it."""

    shapes: str
    words: tuple[Words, ...]
    family: str = "Georgia, 'DejaVu Serif', 'Times New Roman', serif"
    layout: str = "wide"

    def draw(self) -> bytes:
        widths = [_length(words) for words in self.words]
        heights = [words.size * UNIT * 1.25 for words in self.words]
        text = []
        if self.layout == "wide":
            x, y = UNIT * (1 + GAP), (UNIT - sum(heights)) / 2
            width, height, anchor, emblem_x = x + max(widths), UNIT, "start", 0
        else:
            width = max(UNIT, *widths)
            x, y, anchor, emblem_x = width / 2, UNIT * (1 + GAP * 0.8), "middle", (width - UNIT) / 2
            height = y + sum(heights)
        for words, line_width, line_height in zip(self.words, widths, heights, strict=True):
            family = self.family if not words.bold else "'DejaVu Sans', Verdana, Arial, sans-serif"
            text.append(
                f'<text x="{x:.1f}" y="{y + line_height * 0.78:.1f}" font-family="{family}" '
                f'font-size="{words.size * UNIT:.1f}" font-weight="{700 if words.bold else 400}" '
                f'fill="{words.colour}" text-anchor="{anchor}" textLength="{line_width:.1f}" '
                f'lengthAdjust="spacingAndGlyphs">{escape(words.text)}</text>'
            )
            y += line_height
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.1f} {height:.1f}">\n'
            f'<g transform="translate({emblem_x:.1f} 0)">{self.shapes}</g>\n'
            + "\n".join(text)
            + "\n</svg>\n"
        ).encode()
