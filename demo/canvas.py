"""What every drawing of the demo artwork is made with: a canvas in scene units, drawn at
twice its size and scaled down (Pillow does not smooth the edges of shapes), gradients, soft
light, text set in the DejaVu fonts the media plugin ships, and encoders that write the same
bytes every time and no metadata."""

import io
import itertools
import math
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONTS = Path(__file__).resolve().parent.parent / "plugins" / "media" / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
SUPERSAMPLE = 2

Colour = tuple[int, int, int]


def rgb(value: str) -> Colour:
    """``"#7a2e8e"`` as a triple."""
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(first: Colour, second: Colour, amount: float) -> Colour:
    """The colour ``amount`` of the way from ``first`` to ``second``."""
    return tuple(round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))


def font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), max(1, round(size)))


class Canvas:
    """An image of ``size`` pixels on which shapes are placed in units of ``units`` (a
    scene is always 1200 × 800 units, whatever size its file has): in colour on ``ground``,
    with transparency when it has four values, or a grey mask when it is one number."""

    def __init__(self, size: tuple[int, int], ground, units: tuple[int, int] = (1200, 800)):
        self.size, self.units = size, units
        self.scale = size[0] * SUPERSAMPLE / units[0]
        mode = "L" if isinstance(ground, int) else "RGBA" if len(ground) == 4 else "RGB"
        self.image = Image.new(mode, (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), ground)
        self.draw = ImageDraw.Draw(self.image)

    def p(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, y * self.scale

    def points(self, points) -> list[tuple[float, float]]:
        return [self.p(x, y) for x, y in points]

    def box(self, left: float, top: float, right: float, bottom: float) -> list[float]:
        return [left * self.scale, top * self.scale, right * self.scale, bottom * self.scale]

    def n(self, length: float) -> int:
        """A length in pixels (at least one)."""
        return max(1, round(length * self.scale))

    def polygon(self, points, fill) -> None:
        self.draw.polygon(self.points(points), fill=fill)

    def ellipse(self, centre, radii, *, fill=None, outline=None, width: float = 0) -> None:
        (x, y), (rx, ry) = centre, (radii if isinstance(radii, tuple) else (radii, radii))
        self.draw.ellipse(
            self.box(x - rx, y - ry, x + rx, y + ry),
            fill=fill,
            outline=outline,
            width=self.n(width) if outline else 0,
        )

    def rectangle(self, box, fill=None, radius: float = 0) -> None:
        self.draw.rounded_rectangle(self.box(*box), radius=radius * self.scale, fill=fill)

    def line(self, points, fill, width: float) -> None:
        self.draw.line(self.points(points), fill=fill, width=self.n(width), joint="curve")

    def arc(self, centre, radius, angles, *, fill, width: float) -> None:
        x, y = centre
        start, end = angles
        self.draw.arc(
            self.box(x - radius, y - radius, x + radius, y + radius),
            start,
            end,
            fill=fill,
            width=self.n(width),
        )

    def text(self, xy, text: str, size: float, fill, *, bold=False, anchor="la", spacing=0.0):
        """``text`` at ``xy``; ``spacing`` adds that many units between letters."""
        face = font(size * self.scale, bold)
        if not spacing:
            self.draw.text(self.p(*xy), text, font=face, fill=fill, anchor=anchor)
            return
        gap = spacing * self.scale
        widths = [face.getlength(letter) for letter in text]
        total = sum(widths) + gap * (len(text) - 1)
        x, y = self.p(*xy)
        x -= {"l": 0, "m": total / 2, "r": total}[anchor[0]]
        for letter, width in zip(text, widths, strict=True):
            self.draw.text((x, y), letter, font=face, fill=fill, anchor="l" + anchor[1])
            x += width + gap

    def vertical_gradient(self, stops, box=None) -> None:
        """Fill ``box`` (all by default) from top to bottom through ``stops``: (0–1, colour)."""
        left, top, right, bottom = (
            [round(v) for v in self.box(*box)] if box else (0, 0, *self.image.size)
        )
        height = max(1, bottom - top)
        strip = Image.new("RGB", (1, height))
        for row in range(height):
            strip.putpixel((0, row), _along(stops, row / max(1, height - 1)))
        self.image.paste(strip.resize((right - left, height)), (left, top))

    def light(self, centre, radius: float, colour: Colour, strength: float = 1.0, falloff=2.0):
        """A soft round light (screen blending): brightest at ``centre``, gone at ``radius``."""
        size = max(2, round(2 * radius * self.scale))
        fade = [round(255 * strength * max(0.0, 1 - v / 128) ** falloff) for v in range(256)]
        mask = Image.radial_gradient("L").resize((size, size)).point(fade)
        x, y = (round(v - size / 2) for v in self.p(*centre))
        region = self.image.crop((x, y, x + size, y + size)).convert("RGB")
        layer = Image.composite(
            Image.new("RGB", (size, size), colour), Image.new("RGB", (size, size)), mask
        )
        self.image.paste(ImageChops.screen(region, layer), (x, y))

    def soft(self, shapes, colour: Colour, blur: float, opacity: float = 1.0) -> None:
        """Shapes drawn by ``shapes(canvas)`` in white on a mask, blurred by ``blur`` units,
        laid over the picture in ``colour`` (a haze, a beam, a glow round a flame)."""
        mask = Canvas(self.size, 0, self.units)
        shapes(mask)
        blurred = mask.image.filter(ImageFilter.GaussianBlur(blur * self.scale))
        if opacity < 1:
            blurred = blurred.point(lambda v: round(v * opacity))
        self.image.paste(Image.new(self.image.mode, self.image.size, colour), (0, 0), blurred)

    def finish(self) -> Image.Image:
        return self.image.resize(self.size, Image.Resampling.LANCZOS)


def _along(stops, position: float) -> Colour:
    for (start, first), (end, second) in itertools.pairwise(stops):
        if position <= end:
            return mix(first, second, (position - start) / max(1e-9, end - start))
    return stops[-1][1]


def star_points(centre, outer: float, inner: float, count: int, turn: float = -90):
    """The corners of a star of ``count`` points (a polygon)."""
    x, y = centre
    points = []
    for index in range(count * 2):
        radius = outer if index % 2 == 0 else inner
        angle = math.radians(turn + index * 180 / count)
        points.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    return points


def webp(image: Image.Image, quality: int = 78) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=quality, method=6)
    return buffer.getvalue()


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def jpeg(image: Image.Image, quality: int = 88) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
