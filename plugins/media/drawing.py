"""Pictures drawn from text: share cards (1200×630), printable A4 posters, and the PNG of a
partner's monogram.

They are recipes (:class:`ShareCard`, :class:`Poster`, :class:`Monogram`) run by the
pipeline like any other, so they are cached by a hash of everything they are drawn from and
made on every core. Text is set in the DejaVu Sans shipped in ``fonts/`` (Latin with
diacritics, Greek, Cyrillic; licence in ``fonts/LICENSE``) with Pillow's basic layout, so a
card looks the same on every machine.
"""

import dataclasses
import functools
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from records.colours import contrast_ratio

from . import images
from .recipes import Recipe, Rendition

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
DARK, LIGHT = (17, 17, 17), (255, 255, 255)
A4_MM = (210, 297)


@functools.cache
def fonts_digest() -> str:
    """A hash of the shipped fonts: part of every drawing's key."""
    digest = hashlib.sha256()
    for name in (REGULAR, BOLD):
        digest.update((FONTS / name).read_bytes())
    return digest.hexdigest()


@functools.cache
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC)


def parse_colour(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def text_colour(background) -> tuple[int, int, int]:
    """White on a dark ground, near-black on a light one: whichever contrasts more."""
    return LIGHT if contrast_ratio(background, LIGHT) >= contrast_ratio(background, DARK) else DARK


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; a word wider than a line is cut by characters."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        rest = word
        while face.getlength(rest) > width and len(rest) > 1:
            cut = len(rest)
            while cut > 1 and face.getlength(rest[:cut]) > width:
                cut -= 1
            lines.append(rest[:cut])
            rest = rest[cut:]
        line = rest
    if line:
        lines.append(line)
    return lines


def fit_text(
    text: str, name: str, width: int, max_lines: int, sizes: tuple[int, int]
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size (from ``sizes[0]`` down to ``sizes[1]``) that sets ``text`` in at most
    ``max_lines`` lines; at the smallest size, the last line is shortened with an ellipsis."""
    largest, smallest = sizes
    for size in range(largest, smallest - 1, -2):
        face = font(name, size)
        lines = wrap(text, face, width)
        if len(lines) <= max_lines:
            return face, lines
    lines = lines[:max_lines]
    last = lines[-1]
    while last and face.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return face, lines


INK = 255  # in a mask: the pixel is all ink


def two_colours(mask: Image.Image, ground, ink) -> Image.Image:
    """``mask`` ("L": how much ink each pixel holds, 0 to 255) turned into a palette image,
    in place, whose entry ``n`` is ``ground`` blended with ``n``/255 of ``ink``.

    The blend rounds as Pillow's does when it draws anti-aliased text in ``ink`` on an RGB
    image of ``ground``, so the picture is the same as drawing in RGB (where two drawings
    overlap, within one step of 255).
    """

    def blend(under: int, over: int, alpha: int) -> int:
        total = under * (255 - alpha) + over * alpha + 128
        return ((total >> 8) + total) >> 8

    palette = [blend(g, k, alpha) for alpha in range(256) for g, k in zip(ground, ink, strict=True)]
    mask.putpalette(palette)  # the same bytes, now read as palette entries
    return mask


def draw_lines(draw, lines, face, xy, fill, *, spacing=1.2) -> int:
    """Draw ``lines`` from the top-left ``xy``; return the y below the last line."""
    x, y = xy
    step = round(face.size * spacing)
    for line in lines:
        draw.text((x, y), line, font=face, fill=fill)
        y += step
    return y


class Drawing(Recipe):
    """A recipe with no source: its key leaves out file paths and names the fonts' hash."""

    def key(self) -> str:
        values = {k: v for k, v in dataclasses.asdict(self).items() if not k.endswith("_path")}
        return json.dumps([type(self).__name__, values, fonts_digest()], sort_keys=True)


@dataclass(frozen=True)
class ShareCard(Drawing):
    """The picture a shared link shows: a campaign's colour, a kicker, the title, date, site.

    A card has two colours, ground and ink, and the shades the anti-aliasing of the text
    makes between them. It is drawn as a mask (how much ink each pixel holds) and saved as a
    palette PNG whose 256 colours run from ground to ink (:func:`two_colours`): the same
    pixels as drawing in RGB, one byte a pixel instead of three, no quantising. Measured on
    40 cards (``time.process_time``): 5 ms each where the RGB PNG took 14 ms, and 23 KB
    instead of 51 KB. zlib level 4 (the most a PNG this large gets, see
    :data:`media.images.FULL_EFFORT_PIXELS`): level 6 takes 3.8 ms for 21.3 KB, level 4
    2.8 ms for 23.0 KB, level 1 2.0 ms for 28.3 KB.

    With ``widths``, the same drawing also comes as artwork for the page itself, at each of
    those widths in WebP and PNG (labels ``480w``…): the mask is scaled down in a cascade
    (:func:`media.images.resize_to_widths`) and each copy coloured as the card is, so the
    artwork costs a resize and its encodings, not a second drawing: WebP at method 2, as the
    responsive copies (:class:`media.recipes.Responsive`).
    """

    title: str
    kicker: str = ""
    date: str = ""
    site: str = ""
    colour: str = "#1f4e79"
    width: int = 1200
    height: int = 630
    widths: tuple[int, ...] = ()
    webp_quality: int = 80

    def layout(self, data, is_svg, limits):
        files = [("card", "png", self.width, self.height)]
        for wanted in sorted(set(self.widths)):
            width, height = images.scaled_size((self.width, self.height), wanted)
            files += [(f"{width}w", fmt, width, height) for fmt in ("webp", "png")]
        return files

    def render(self, data, is_svg, limits):
        ground = parse_colour(self.colour)
        mask = Image.new("L", (self.width, self.height), 0)
        draw = ImageDraw.Draw(mask)
        margin = round(self.width / 15)
        inner = self.width - 2 * margin
        y = margin
        if self.kicker:
            face, lines = fit_text(self.kicker, BOLD, inner, 1, (36, 24))
            y = draw_lines(draw, lines, face, (margin, y), INK) + 24
            draw.rectangle((margin, y, margin + 120, y + 7), fill=INK)
            y += 40
        footer = self.height - margin - 40
        face, lines = fit_text(self.title, BOLD, inner, 4, (76, 40))
        available = footer - y - 30
        while len(lines) * round(face.size * 1.2) > available and face.size > 30:
            face, lines = fit_text(self.title, BOLD, inner, 4, (face.size - 2, 30))
        draw_lines(draw, lines, face, (margin, y), INK)
        small = font(REGULAR, 32)
        if self.date:
            draw.text((margin, footer), self.date, font=small, fill=INK)
        if self.site:
            site_face, site_lines = fit_text(self.site, BOLD, inner // 2, 1, (32, 20))
            right = self.width - margin - site_face.getlength(site_lines[0])
            draw.text((right, footer), site_lines[0], font=site_face, fill=INK)
        ink = text_colour(ground)
        renditions = []
        for scaled in images.resize_to_widths(mask, self.widths):
            artwork = two_colours(scaled.copy(), ground, ink)
            for fmt in ("webp", "png"):
                data = images.encode(artwork, fmt, webp_quality=self.webp_quality, webp_method=2)
                renditions.append(
                    Rendition(f"{artwork.width}w", fmt, data, artwork.width, artwork.height)
                )
        card = two_colours(mask, ground, ink)
        encoded = images.encode(card, "png", png_compress_level=4)
        return [Rendition("card", "png", encoded, self.width, self.height), *renditions], []


@dataclass(frozen=True)
class Monogram(Drawing):
    """A monogram tile (initials on a colour) as a PNG, ``scale`` times its box. The partners
    plugin draws the same tile as SVG for pages; this raster copy is the ``logo`` of
    structured data, which many readers want as PNG, JPEG or WebP."""

    letters: str
    background: str  # #rrggbb
    foreground: str
    width: int
    height: int
    scale: int = 2

    def layout(self, data, is_svg, limits):
        return [("monogram", "png", self.width * self.scale, self.height * self.scale)]

    def render(self, data, is_svg, limits):
        width, height = self.width * self.scale, self.height * self.scale
        image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        box = (0, 0, width - 1, height - 1)
        draw.rounded_rectangle(box, radius=round(height / 12), fill=parse_colour(self.background))
        # The size the SVG tile gives its text (partners.logos.monogram), at this scale.
        size = round(min(height * 0.42, width * 0.8 / max(2, len(self.letters)) * 1.6))
        face = font(BOLD, size)
        centre = (width / 2, height / 2)
        draw.text(centre, self.letters, font=face, fill=parse_colour(self.foreground), anchor="mm")
        encoded = images.encode(image, "png")
        return [Rendition("monogram", "png", encoded, width, height)], []


@dataclass(frozen=True)
class Poster(Drawing):
    """An A4 page for a notice board: campaign, year's theme, date, partners' logos, QR code.

    ``logos`` are paths of processed logo PNGs (content-addressed, so their names are their
    hashes); ``partner_names`` are printed for partners with no raster logo. ``created`` is
    the PDF's creation date (the edition's day), so the file is the same in every build.
    """

    campaign: str
    theme: str
    date: str
    url: str
    site: str = ""
    colour: str = "#1f4e79"
    logos: tuple[str, ...] = ()
    partner_names: tuple[str, ...] = ()
    created: str = "2000-01-01"
    dpi: int = 150

    def key(self) -> str:  # the logos' paths are content-addressed names: keep them
        values = dataclasses.asdict(self)
        values["logos"] = [Path(p).name for p in self.logos]
        return json.dumps([type(self).__name__, values, fonts_digest()], sort_keys=True)

    def size(self) -> tuple[int, int]:
        return tuple(round(mm / 25.4 * self.dpi) for mm in A4_MM)

    def layout(self, data, is_svg, limits):
        return [("a4", fmt, *self.size()) for fmt in ("png", "pdf")]

    def render(self, data, is_svg, limits):
        import segno  # noqa: PLC0415 — only the worker that draws a poster needs it

        width, height = self.size()
        unit = width / 210  # pixels per millimetre
        margin = round(15 * unit)
        inner = width - 2 * margin
        ground = parse_colour(self.colour)
        ink = text_colour(ground)
        page = Image.new("RGB", (width, height), LIGHT)
        draw = ImageDraw.Draw(page)

        band = round(62 * unit)
        draw.rectangle((0, 0, width, band), fill=ground)
        face, lines = fit_text(self.campaign, BOLD, inner, 2, (round(11 * unit), round(6 * unit)))
        block = len(lines) * round(face.size * 1.2)
        draw_lines(draw, lines, face, (margin, (band - block) // 2), ink)

        y = band + round(14 * unit)
        face, lines = fit_text(
            f"“{self.theme}”", BOLD, inner, 7, (round(14 * unit), round(7 * unit))
        )
        y = draw_lines(draw, lines, face, (margin, y), DARK, spacing=1.25) + round(6 * unit)
        y = draw_lines(draw, [self.date], font(REGULAR, round(8 * unit)), (margin, y), DARK)
        y += round(10 * unit)

        qr_size = round(55 * unit)
        qr_top = height - margin - qr_size - round(8 * unit)
        y = self._logos(page, draw, (margin, y), inner, bottom=qr_top - round(8 * unit), unit=unit)

        qr = segno.make(self.url, error="m", micro=False)
        modules = qr.symbol_size(scale=1, border=4)[0]
        scale = max(1, qr_size // modules)
        code = Image.new("L", (modules * scale, modules * scale), 255)
        code_draw = ImageDraw.Draw(code)
        for row, bits in enumerate(qr.matrix):
            for column, bit in enumerate(bits):
                if bit:
                    x0, y0 = (column + 4) * scale, (row + 4) * scale
                    code_draw.rectangle((x0, y0, x0 + scale - 1, y0 + scale - 1), fill=0)
        qr_left = width - margin - code.width
        page.paste(code, (qr_left, qr_top))
        caption = font(REGULAR, round(3.6 * unit))
        url_lines = wrap(self.url, caption, width - 2 * margin - code.width - round(8 * unit))
        text_top = qr_top + round(6 * unit)
        if self.site:
            site_face, site_lines = fit_text(
                self.site, BOLD, qr_left - margin - round(8 * unit), 3, (round(6 * unit), 24)
            )
            text_top = draw_lines(draw, site_lines, site_face, (margin, text_top), DARK)
            text_top += round(4 * unit)
        draw_lines(draw, url_lines, caption, (margin, text_top), DARK)
        draw.rectangle((0, height - round(6 * unit), width, height), fill=ground)

        png = images.encode(page, "png")
        pdf = io.BytesIO()
        created = datetime.fromisoformat(self.created).timetuple()
        images.clean_copy(page).save(
            pdf,
            "PDF",
            resolution=self.dpi,
            quality=90,
            title=f"{self.campaign}: {self.theme}",
            creationDate=created,
            modDate=created,
        )
        return [
            Rendition("a4", "png", png, width, height),
            Rendition("a4", "pdf", pdf.getvalue(), width, height),
        ], []

    def _logos(self, page, draw, origin, inner, *, bottom, unit) -> int:
        """Lay the logos out in rows of boxes; then the names of partners without one."""
        x0, y = origin
        box_w, box_h, gap = round(42 * unit), round(21 * unit), round(6 * unit)
        per_row = max(1, (inner + gap) // (box_w + gap))
        for start in range(0, len(self.logos), per_row):
            if y + box_h > bottom:
                break
            for index, path in enumerate(self.logos[start : start + per_row]):
                try:
                    with Image.open(path) as opened:
                        logo = opened.convert("RGBA")
                except OSError:
                    continue
                fitted = images.fit_in_box(logo, (box_w, box_h))
                page.paste(fitted, (x0 + index * (box_w + gap), y), fitted)
            y += box_h + gap
        if self.partner_names and y < bottom:
            face = font(REGULAR, round(4.5 * unit))
            lines = wrap(" · ".join(self.partner_names), face, inner)
            room = max(0, (bottom - y) // round(face.size * 1.3))
            y = draw_lines(draw, lines[:room], face, (x0, y), DARK, spacing=1.3)
        return y
