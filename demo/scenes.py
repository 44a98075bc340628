"""Lead pictures for the demo's news, events and editions: candles, lanterns, doves, chains
breaking, maps, globes, paths… never a person or a face.

Each scene is a function ``scene(canvas, palette, rng, **options)`` that draws on a
:class:`~demo.canvas.Canvas` of 1200 × 800 units; ``rng`` is a seeded ``random.Random``, so a
scene with the same seed is the same picture. The palettes follow the campaigns' colours.
"""

import itertools
import math
from dataclasses import dataclass

from .canvas import Canvas, Colour, mix, rgb

WIDTH, HEIGHT = 1200, 800


@dataclass(frozen=True)
class Palette:
    sky: tuple[Colour, Colour, Colour]  # top, middle, at the horizon
    glow: Colour  # warm light: flames, sun, lamps
    accent: Colour  # the campaign's colour
    dark: Colour  # hills, silhouettes
    light: Colour  # paper, wax, doves


def palette(sky: str, glow: str, accent: str, dark: str, light: str) -> Palette:
    top, middle, horizon = (rgb(v) for v in sky.split())
    return Palette((top, middle, horizon), rgb(glow), rgb(accent), rgb(dark), rgb(light))


# The Day of Prayer's violet, the World Day's blue, EU Day's rust, RENATE's green.
PRAYER_DUSK = palette("#241a45 #6a3879 #f39a7b", "#ffd27a", "#7a2e8e", "#1b1330", "#fbf1e0")
PRAYER_DAWN = palette("#3d2c6e #a9608f #ffd6a6", "#ffe1a0", "#7a2e8e", "#2a1d45", "#fff8ee")
PRAYER_NIGHT = palette("#0f0c26 #2d1f52 #6a3c7c", "#ffcf70", "#9c4fb0", "#0b0818", "#f6ecdd")
WORLD_DEEP = palette("#06233a #0b5c8a #79c2d6", "#ffe2a0", "#0b5c8a", "#051b2c", "#eef6fa")
WORLD_DAY = palette("#3f8fc2 #9fd0e6 #f7e6c4", "#fff1c2", "#0b5c8a", "#1d4f6e", "#ffffff")
EUROPE_DUSK = palette("#2e1008 #9e3a12 #f5b468", "#ffd88f", "#9e3a12", "#220b05", "#fff3e3")
EUROPE_DAY = palette("#c9643a #f0a46b #fde3bd", "#fff0c9", "#9e3a12", "#5a220c", "#fffaf2")
NETWORK_SEA = palette("#0c302f #1f6f68 #a6dccb", "#fff2b8", "#1f6f68", "#092423", "#f2fbf7")


def waves(rng, count: int = 3) -> list[tuple[float, float, float]]:
    """(amplitude, frequency, phase) of a few sines: the shape of a ridge or a ribbon."""
    return [
        (rng.uniform(0.3, 1.0) / (k + 1), rng.uniform(0.6, 1.4) * (k + 1), rng.uniform(0, 6.3))
        for k in range(count)
    ]


def ridge(rng, base: float, height: float, step: float = 20, count: int = 3) -> list:
    """The points of a hill's crest across the picture, ``height`` units high around ``base``."""
    shape = waves(rng, count)
    return [
        (x, base - height * sum(a * math.sin(f * x / WIDTH * math.tau + p) for a, f, p in shape))
        for x in range(-20, WIDTH + 40, round(step))
    ]


def sky(c: Canvas, pal: Palette, horizon: float = 1.0) -> None:
    top, middle, low = pal.sky
    c.vertical_gradient([(0, top), (0.55 * horizon, middle), (horizon, low), (1, low)])


def stars(c: Canvas, rng, count: int, bottom: float, colour=(255, 255, 255)) -> None:
    for _ in range(count):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, bottom) ** 1.25 / bottom**0.25
        size = rng.choice((1.2, 1.6, 2.2, 3.0))
        c.ellipse((x, y), size, fill=mix(colour, c.image.getpixel(c.p(x, y))[:3], 0.25))


def hills(c: Canvas, rng, layers: list[tuple[float, float, Colour]]) -> None:
    """Silhouettes from the back to the front: (base, height, colour) each."""
    for base, height, colour in layers:
        crest = ridge(rng, base, height)
        c.polygon([*crest, (WIDTH + 40, HEIGHT + 20), (-20, HEIGHT + 20)], fill=colour)


def flame(c: Canvas, base, height: float, pal: Palette) -> None:
    x, y = base
    width = height * 0.34
    c.light((x, y - height * 0.5), height * 3.2, pal.glow, 0.55)
    outer = [
        (x, y - height),
        (x + width, y - height * 0.35),
        (x + width * 0.6, y - height * 0.05),
        (x, y),
        (x - width * 0.6, y - height * 0.05),
        (x - width, y - height * 0.35),
    ]
    c.polygon(outer, fill=pal.glow)
    inner = [(x, y - height * 0.62), (x + width * 0.4, y - height * 0.2), (x, y - height * 0.04)]
    c.polygon([*inner, (x - width * 0.4, y - height * 0.2)], fill=(255, 250, 232))


def candle(c: Canvas, base, size, pal: Palette, *, lit: bool = True) -> None:
    """A candle standing at ``base`` (x, bottom), ``size`` (width, height) units."""
    (x, bottom), (width, height) = base, size
    top = bottom - height
    c.rectangle((x - width / 2, top, x + width / 2, bottom), fill=pal.light)
    c.rectangle((x - width / 2, top, x - width / 4, bottom), fill=mix(pal.light, pal.dark, 0.14))
    c.line([(x, top), (x, top - width * 0.28)], fill=(40, 30, 30), width=width * 0.07)
    if lit:
        flame(c, (x, top - width * 0.22), width * 1.1, pal)
    else:  # blown out: a thread of smoke
        smoke = [
            (x + math.sin(k / 3) * width * 0.18 * k / 6, top - width * 0.3 - k * width * 0.22)
            for k in range(14)
        ]
        c.line(smoke, fill=mix(pal.light, pal.sky[1], 0.55), width=width * 0.05)


def candles(c: Canvas, pal: Palette, rng, count: int = 7, lit: bool = True) -> None:
    """A row of candles of different heights before hills at dusk."""
    sky(c, pal, 0.8)
    stars(c, rng, 70, 420)
    hills(c, rng, [(560, 40, mix(pal.sky[1], pal.dark, 0.45)), (640, 30, pal.dark)])
    c.rectangle((-10, 720, WIDTH + 10, HEIGHT + 10), fill=mix(pal.dark, (0, 0, 0), 0.3))
    width = min(90, 700 / count)
    for index in range(count):
        x = WIDTH * (index + 0.5) / count + rng.uniform(-12, 12)
        height = rng.uniform(150, 300) if count > 1 else 380
        candle(c, (x, 722), (width if count > 1 else 130, height), pal, lit=lit)


def lantern(c: Canvas, centre, size: float, pal: Palette) -> None:
    x, y = centre
    c.light((x, y), size * 2.6, pal.glow, 0.5)
    body = [
        (x - size * 0.5, y - size * 0.62),
        (x + size * 0.5, y - size * 0.62),
        (x + size * 0.36, y + size * 0.55),
        (x - size * 0.36, y + size * 0.55),
    ]
    c.polygon(body, fill=mix(pal.glow, (255, 140, 60), 0.45))
    c.polygon([*body[:2], (x + size * 0.3, y), (x - size * 0.3, y)], fill=pal.glow)
    c.ellipse((x, y + size * 0.45), (size * 0.12, size * 0.08), fill=(255, 250, 225))


def lanterns(c: Canvas, pal: Palette, rng, count: int = 15) -> None:
    """Paper lanterns rising into the night over dark water."""
    sky(c, pal, 0.85)
    stars(c, rng, 90, 500)
    hills(c, rng, [(640, 24, pal.dark)])
    c.vertical_gradient([(0, mix(pal.sky[2], pal.dark, 0.6)), (1, pal.dark)], (0, 660, WIDTH, 800))
    for _ in range(count):
        depth = rng.uniform(0.25, 1.0)
        x, y = rng.uniform(60, WIDTH - 60), 600 - depth * rng.uniform(120, 520)
        lantern(c, (x, y), 22 + 70 * (1 - depth) ** 1.2, pal)
        c.light((x, 700 + (600 - y) * 0.12), 30, pal.glow, 0.35)  # its light on the water


def cloud(c: Canvas, x: float, y: float, size: float, colour) -> None:
    def shapes(mask):
        for dx, dy, r in ((0, 0, 1), (0.9, 0.15, 0.75), (-0.85, 0.2, 0.7), (0.35, -0.35, 0.7)):
            mask.ellipse((x + dx * size, y + dy * size), (r * size * 1.2, r * size), fill=255)

    c.soft(shapes, colour, 6, 0.9)


def kite(c: Canvas, pal: Palette, rng, *, centre, size: float, colours, tilt: float) -> None:
    x, y = centre
    angle = math.radians(tilt)

    def at(dx, dy):
        return (
            x + dx * math.cos(angle) - dy * math.sin(angle),
            y + dx * math.sin(angle) + dy * math.cos(angle),
        )

    top, right, bottom, left, middle = (
        at(0, -size),
        at(size * 0.62, -size * 0.2),
        at(0, size * 1.15),
        at(-size * 0.62, -size * 0.2),
        at(0, -size * 0.2),
    )
    first, second = colours
    c.polygon([top, right, middle], fill=first)
    c.polygon([top, middle, left], fill=second)
    c.polygon([middle, right, bottom], fill=second)
    c.polygon([middle, bottom, left], fill=first)
    spar = mix(pal.dark, (255, 255, 255), 0.3)
    c.line([top, bottom], fill=spar, width=2.5)
    c.line([left, right], fill=spar, width=2.5)
    tail = [(bottom[0] + k * 16 + math.sin(k * 0.9) * 18, bottom[1] + k * 26) for k in range(11)]
    c.line(tail, fill=spar, width=2)
    for k in (3, 6, 9):
        tx, ty = tail[k]
        c.polygon([(tx, ty), (tx - 14, ty - 9), (tx - 14, ty + 9)], fill=first)
        c.polygon([(tx, ty), (tx + 14, ty - 9), (tx + 14, ty + 9)], fill=first)
    c.line([bottom, (x + rng.uniform(150, 300), HEIGHT + 20)], fill=spar, width=1.5)


def kites(c: Canvas, pal: Palette, rng) -> None:
    """Three kites high in a bright sky, their strings running out of the picture."""
    sky(c, pal, 1.0)
    c.light((980, 160), 260, pal.glow, 0.8)
    for x, y, size in ((230, 150, 70), (760, 110, 60), (1010, 420, 50), (420, 470, 40)):
        cloud(c, x, y, size, (255, 255, 255))
    hills(c, rng, [(720, 30, mix(pal.sky[2], (120, 170, 90), 0.6))])
    colours = [
        (pal.accent, mix(pal.accent, (255, 255, 255), 0.45)),
        ((232, 93, 63), (246, 178, 80)),
        ((70, 150, 110), (190, 220, 120)),
    ]
    for (x, y, size, tilt), pair in zip(
        ((320, 260, 125, -12), (650, 170, 90, 8), (920, 330, 105, 18)), colours, strict=True
    ):
        kite(c, pal, rng, centre=(x, y), size=size, colours=pair, tilt=tilt)


def bird(c: Canvas, x: float, y: float, span: float, colour) -> None:
    wing = [(x - span, y - span * 0.3), (x - span * 0.45, y - span * 0.38), (x, y)]
    c.line([*wing, (x + span * 0.45, y - span * 0.38), (x + span, y - span * 0.3)], colour, 3)


def birds(c: Canvas, pal: Palette, rng) -> None:
    """A flock flying in a V over the sea at dawn."""
    sky(c, pal, 0.72)
    c.light((820, 560), 420, pal.glow, 0.9)
    c.ellipse((820, 560), 70, fill=mix(pal.glow, (255, 255, 255), 0.4))
    c.vertical_gradient([(0, mix(pal.sky[2], pal.accent, 0.3)), (1, pal.dark)], (0, 576, 1200, 800))
    for row in range(14):  # the sun's road on the water
        y = 590 + row**1.5 * 5.2
        half = 30 + row * 9 + rng.uniform(-10, 10)
        c.line([(820 - half, y), (820 + half, y)], mix(pal.glow, pal.dark, row / 18), 3)
    leader = (430, 250)
    for index in range(-5, 6):
        depth = abs(index)
        x = leader[0] - depth * 62 + rng.uniform(-6, 6)
        y = leader[1] + depth * 34 * (1 if index > 0 else 0.55) + rng.uniform(-6, 6)
        x += 0 if index >= 0 else depth * 10
        y += 0 if index >= 0 else depth * 28
        bird(c, x, y, 26 - depth * 1.4, pal.dark)


def ribbon(c: Canvas, points, colour, width: float) -> None:
    c.line(points, fill=mix(colour, (0, 0, 0), 0.35), width=width + 6)
    c.line(points, fill=colour, width=width)
    c.line([(x, y - width * 0.22) for x, y in points], mix(colour, (255, 255, 255), 0.3), 3)


def threads(c: Canvas, pal: Palette, rng, count: int = 6) -> None:
    """Ribbons of many colours drawn together through one knot in the middle."""
    light = mix(pal.light, pal.sky[2], 0.35)
    c.vertical_gradient([(0, light), (1, mix(light, pal.accent, 0.18))])
    c.light((600, 400), 360, (255, 255, 255), 0.8)
    colours = [
        pal.accent,
        mix(pal.accent, pal.glow, 0.5),
        pal.glow,
        mix(pal.sky[1], pal.light, 0.2),
        mix(pal.dark, pal.accent, 0.5),
        (232, 120, 88),
        (92, 150, 130),
    ]
    for index in range(count):
        spread = (index - (count - 1) / 2) * 95
        shape = waves(rng, 2)
        points = []
        for x in range(-20, WIDTH + 40, 12):
            distance = (x - 600) / 600
            wobble = 28 * sum(a * math.sin(f * x / 300 + p) for a, f, p in shape)
            points.append(
                (x, 400 + spread * distance * abs(distance) ** 0.2 + wobble * distance**2)
            )
        ribbon(c, points, colours[index % len(colours)], 20)
    c.ellipse((600, 400), (34, 30), fill=pal.dark)
    c.ellipse((600, 400), (24, 20), fill=pal.glow)


def ring(c: Canvas, pal: Palette, rng, count: int = 16) -> None:
    """A circle of small lights around a brighter one, as on the floor of a gathering."""
    c.vertical_gradient([(0, pal.dark), (0.5, mix(pal.dark, pal.accent, 0.45)), (1, pal.dark)])
    c.light((600, 430), 420, pal.accent, 0.6)
    c.light((600, 430), 160, pal.glow, 0.8)
    for index in range(count):
        angle = index / count * math.tau + 0.2
        x, y = 600 + 400 * math.cos(angle), 430 + 190 * math.sin(angle)
        scale = 0.75 + 0.35 * (1 + math.sin(angle)) / 2  # nearer lights are larger
        c.ellipse((x, y + 10 * scale), (26 * scale, 11 * scale), fill=mix(pal.light, pal.dark, 0.3))
        c.ellipse((x, y + 6 * scale), (22 * scale, 8 * scale), fill=pal.light)
        flame(c, (x, y + 2 * scale), 30 * scale, pal)
    c.ellipse((600, 440), (60, 22), fill=pal.light)
    flame(c, (600, 436), 70, pal)


def heart(c: Canvas, centre, size: float, fill) -> None:
    x, y = centre
    c.ellipse((x - size * 0.5, y - size * 0.2), size * 0.55, fill=fill)
    c.ellipse((x + size * 0.5, y - size * 0.2), size * 0.55, fill=fill)
    c.polygon(
        [(x - size * 1.02, y - size * 0.05), (x + size * 1.02, y - size * 0.05), (x, y + size)],
        fill,
    )


def scales(c: Canvas, pal: Palette, rng) -> None:
    """A balance at rest: coins in one pan, a heart in the other."""
    sky(c, pal, 1.0)
    c.light((600, 330), 380, pal.glow, 0.55)
    metal, shade = pal.light, mix(pal.light, pal.dark, 0.3)
    c.polygon([(520, 690), (680, 690), (640, 650), (560, 650)], fill=shade)
    c.rectangle((588, 220, 612, 660), fill=metal)
    c.ellipse((600, 210), 22, fill=metal)
    c.rectangle((300, 226, 900, 244), fill=metal, radius=9)
    for x in (320, 880):
        c.line([(x, 240), (x - 90, 470)], fill=shade, width=4)
        c.line([(x, 240), (x + 90, 470)], fill=shade, width=4)
        c.draw.chord(c.box(x - 120, 410, x + 120, 530), 0, 180, fill=metal)
    for level in range(6):  # coins
        y = 460 - level * 15
        c.ellipse((320 + rng.uniform(-4, 4), y), (62, 15), fill=mix(pal.glow, (190, 130, 40), 0.5))
        c.ellipse((320, y - 3), (58, 12), fill=pal.glow)
    heart(c, (880, 420), 52, pal.accent)


def leaf(c: Canvas, base, length: float, angle: float, colour) -> None:
    x, y = base
    direction = math.radians(angle)
    points = []
    for k in range(21):
        t = k / 20
        along = length * t
        across = length * 0.32 * math.sin(math.pi * t)
        points.append((along, across))
    points += [(along, -across) for along, across in reversed(points)]
    c.polygon(
        [
            (
                x + a * math.cos(direction) - b * math.sin(direction),
                y + a * math.sin(direction) + b * math.cos(direction),
            )
            for a, b in points
        ],
        fill=colour,
    )


def sprout(c: Canvas, pal: Palette, rng) -> None:
    """A seedling with two leaves in the first light."""
    sky(c, pal, 0.8)
    c.light((600, 560), 480, pal.glow, 0.85)
    soil = mix(pal.dark, (90, 55, 30), 0.5)
    hills(c, rng, [(600, 20, mix(pal.sky[2], (110, 150, 90), 0.5))])
    c.ellipse((600, 820), (520, 200), fill=soil)
    green, dark_green = (104, 170, 96), (60, 120, 70)
    stem = [(600 + 14 * math.sin(t / 9), 640 - t * 6.5) for t in range(40)]
    c.line(stem, fill=dark_green, width=12)
    top = stem[-1]
    leaf(c, top, 190, -150, green)
    leaf(c, top, 170, -25, mix(green, dark_green, 0.35))
    leaf(c, (stem[18][0] + 3, stem[18][1]), 90, -10, mix(green, pal.glow, 0.25))
    for _ in range(26):  # grains of soil
        x, y = rng.uniform(200, 1000), rng.uniform(690, 790)
        c.ellipse((x, y), rng.uniform(2, 5), fill=mix(soil, (0, 0, 0), 0.35))


def path(c: Canvas, pal: Palette, rng, night: bool = False) -> None:
    """A road winding through hills to the horizon, lamps along it."""
    sky(c, pal, 0.62)
    if night:
        stars(c, rng, 140, 420)
        c.ellipse((960, 130), 38, fill=pal.light)
        c.ellipse((978, 118), 36, fill=pal.sky[0])  # a crescent moon
    else:
        c.light((620, 470), 360, pal.glow, 0.85)
    base = mix(pal.sky[1], pal.dark, 0.35)
    hills(
        c,
        rng,
        [
            (470, 36, mix(base, pal.sky[2], 0.3)),
            (540, 46, base),
            (640, 40, mix(base, pal.dark, 0.6)),
        ],
    )
    c.rectangle((-10, 680, WIDTH + 10, HEIGHT + 10), fill=pal.dark)
    left, right, centres = [], [], []
    for k in range(41):
        t = k / 40  # 0 at the horizon, 1 at the bottom of the picture
        centre = 620 + 260 * math.sin(t * 3.3 + 0.4) * t
        half = 3 + 150 * t**1.6
        y = 470 + 340 * t**1.15
        centres.append((centre, y, half))
        left.append((centre - half, y))
        right.append((centre + half, y))
    c.polygon(left + right[::-1], fill=mix(pal.sky[2], pal.dark, 0.25))
    for k in range(2, 40, 3):  # its middle line
        c.line(
            [centres[k][:2], centres[k + 1][:2]], mix(pal.light, pal.sky[2], 0.4), 1 + 5 * k / 40
        )
    for k in range(6, 41, 5):
        x, y, half = centres[k]
        size = 3 + 20 * (k / 40) ** 1.6
        for side in (-1, 1):
            lamp = (x + side * (half + size * 2), y - size * 2)
            c.line([(lamp[0], y), lamp], fill=pal.dark, width=max(1.5, size * 0.25))
            c.light(lamp, size * 4, pal.glow, 0.8)
            c.ellipse(lamp, size * 0.5, fill=(255, 246, 214))


def lighthouse(c: Canvas, pal: Palette, rng) -> None:
    """A lighthouse on its rock, its beams across the sea at dusk."""
    sky(c, pal, 0.7)
    stars(c, rng, 50, 280)
    c.vertical_gradient([(0, mix(pal.sky[2], pal.dark, 0.3)), (1, pal.dark)], (0, 560, 1200, 800))
    lamp = (820, 250)

    def beams(mask):
        mask.polygon([lamp, (-100, 120), (-100, 330)], fill=255)
        mask.polygon([lamp, (1400, 150), (1400, 300)], fill=150)

    c.soft(beams, pal.glow, 10, 0.55)
    c.light(lamp, 140, pal.glow, 1.0)
    c.polygon([(640, 800), (700, 610), (780, 560), (900, 575), (1010, 640), (1080, 800)], pal.dark)
    tower = [(780, 590), (860, 590), (846, 290), (794, 290)]
    c.polygon(tower, fill=pal.light)
    for top in (350, 450, 540):  # painted bands
        width_top = 25 + (top - 290) / 300 * 15
        width_bottom = 25 + (top + 40 - 290) / 300 * 15
        c.polygon(
            [
                (820 - width_top, top),
                (820 + width_top, top),
                (820 + width_bottom, top + 40),
                (820 - width_bottom, top + 40),
            ],
            fill=pal.accent,
        )
    c.rectangle((786, 222, 854, 292), fill=pal.glow)
    c.rectangle((778, 284, 862, 296), fill=pal.dark)
    c.polygon([(780, 224), (860, 224), (820, 186)], fill=pal.dark)
    for row in range(10):
        y = 600 + row**1.6 * 6
        c.line(
            [(120 + row * 30, y), (520 - row * 10, y)], mix(pal.glow, pal.dark, 0.55 + row / 25), 2
        )


def dove(c: Canvas, pal: Palette, rng) -> None:
    """A dove with an olive branch, flying towards the light."""
    sky(c, pal, 1.0)
    c.light((760, 330), 520, pal.glow, 0.75)
    for radius in (180, 260, 340):
        c.ellipse((760, 330), radius, outline=mix(pal.sky[1], pal.glow, 0.35), width=1.5)
    white = pal.light
    shade, deep = mix(white, pal.sky[1], 0.22), mix(white, pal.sky[1], 0.4)
    c.polygon([(560, 300), (600, 120), (690, 70), (720, 180), (680, 330)], fill=shade)  # far wing
    for spread in (-22, 0, 22):  # the tail, a fan of three feathers
        angle = math.radians(180 + spread)
        tip = (430 + 170 * math.cos(angle), 470 + 170 * math.sin(angle) * 0.8)
        c.polygon([(450, 450), tip, (tip[0] + 10, tip[1] + 34), (460, 490)], fill=deep)
    body = [
        (
            560 + 170 * math.cos(t) - 40 * math.sin(t) * 0.3,
            450 + 62 * math.sin(t) - 18 * math.cos(t),
        )
        for t in (k / 36 * math.tau for k in range(36))
    ]
    c.polygon(body, fill=white)
    c.ellipse((730, 392), 52, fill=white)  # head
    c.polygon([(774, 380), (828, 398), (774, 410)], fill=(226, 150, 72))  # beak
    c.ellipse((744, 382), 7, fill=pal.dark)
    wing = [(470, 430), (430, 250), (470, 140), (540, 70), (600, 60), (590, 170), (640, 420)]
    c.polygon(wing, fill=white)
    for k, (x, y) in enumerate([(470, 140), (540, 70), (600, 60)]):  # its feathers
        c.line([(x, y), (520 + k * 25, 330)], mix(white, pal.sky[1], 0.3), 3)
    branch = [(812, 402), (880, 430), (950, 470), (1010, 520)]
    c.line(branch, fill=(92, 110, 60), width=5)
    for index, (x, y) in enumerate([*branch[1:], (980, 494), (915, 450)]):
        leaf(c, (x, y), 56, 40 + (index % 2) * 90, (120, 150, 80))


def clock(c: Canvas, pal: Palette, rng) -> None:
    """A clock face at five to twelve, without numbers."""
    c.vertical_gradient([(0, pal.sky[0]), (1, pal.accent)])
    c.light((600, 400), 460, pal.glow, 0.4)
    centre = (600, 400)
    for radius, colour in ((330, mix(pal.accent, pal.glow, 0.25)), (300, pal.light)):
        c.ellipse(centre, radius, fill=colour)
    for tick in range(60):
        angle = math.radians(tick * 6 - 90)
        outer = 270
        inner = 228 if tick % 5 == 0 else 252
        width = 10 if tick % 5 == 0 else 4
        c.line(
            [
                (600 + inner * math.cos(angle), 400 + inner * math.sin(angle)),
                (600 + outer * math.cos(angle), 400 + outer * math.sin(angle)),
            ],
            fill=pal.dark,
            width=width,
        )
    for angle, length, width in ((-90 - 2.5, 160, 18), (-90 - 30, 225, 10)):
        a = math.radians(angle)
        c.line([centre, (600 + length * math.cos(a), 400 + length * math.sin(a))], pal.dark, width)
    c.ellipse(centre, 16, fill=pal.accent)


def link(c: Canvas, centre, size: float, pal: Palette, *, angle: float, broken=False) -> None:
    """One link of a chain seen face on: a thick oval ring; a broken one opens at its end."""
    x, y = centre
    ring_points = []
    gap = 0.55 if broken else 0
    for k in range(73):
        t = gap + (math.tau - 2 * gap) * k / 72
        ring_points.append((size * math.cos(t), size * 0.5 * math.sin(t)))
    turn = math.radians(angle)
    placed = [
        (x + a * math.cos(turn) - b * math.sin(turn), y + a * math.sin(turn) + b * math.cos(turn))
        for a, b in ring_points
    ]
    c.line(placed, fill=mix(pal.dark, (0, 0, 0), 0.3), width=size * 0.3)
    c.line(placed, fill=mix(pal.light, pal.sky[2], 0.5), width=size * 0.2)
    c.line(placed, fill=pal.light, width=size * 0.07)


def chain(c: Canvas, pal: Palette, rng) -> None:
    """A chain across the picture, broken open in the middle, light pouring out of the break."""
    c.vertical_gradient([(0, pal.dark), (0.6, mix(pal.dark, pal.accent, 0.55)), (1, pal.dark)])
    c.light((620, 380), 420, pal.glow, 0.75)

    def rays(mask):
        for k in range(12):
            angle = k / 12 * math.tau + 0.1
            mask.polygon(
                [(620, 380)]
                + [
                    (620 + 700 * math.cos(angle + d), 380 + 700 * math.sin(angle + d))
                    for d in (-0.05, 0.05)
                ],
                fill=255,
            )

    c.soft(rays, pal.glow, 14, 0.35)
    for index in range(-6, 7):
        x, y = 620 + index * 118, 380 + index * 34
        if index == 0:
            continue
        shift = 46 if index > 0 else -46
        link(c, (x + shift, y + shift * 0.29), 82, pal, angle=16)
    link(c, (560, 362), 78, pal, angle=41, broken=True)
    link(c, (690, 404), 78, pal, angle=-139, broken=True)


def umbrella(c: Canvas, pal: Palette, rng) -> None:
    """An umbrella keeping the rain off a few small lights."""
    c.vertical_gradient([(0, pal.sky[0]), (1, mix(pal.sky[1], pal.dark, 0.5))])
    for _ in range(170):  # rain, except under the umbrella
        x, y = rng.uniform(-100, 1250), rng.uniform(-50, 800)
        length = rng.uniform(20, 46)
        if 270 < x - (y - 330) * 0.3 < 930 and y > 250:
            continue
        c.line([(x, y), (x - length * 0.3, y + length)], mix(pal.sky[2], pal.sky[0], 0.35), 2)
    c.light((600, 600), 300, pal.glow, 0.75)
    canopy = [
        (600 + 310 * math.cos(math.radians(a)), 330 - 220 * math.sin(math.radians(a)))
        for a in range(0, 181, 4)
    ]
    scallops = []
    for k in range(6):
        left = 290 + k * 620 / 6
        for a in range(180, 361, 12):
            t = math.radians(a)
            scallops.append((left + 620 / 12 * (1 + math.cos(t)), 330 - 22 * math.sin(t)))
    c.polygon(canopy + scallops[::-1], fill=pal.accent)
    for k in range(1, 6):  # ribs
        x = 290 + k * 620 / 6
        c.line([(600, 110), (x, 330 + 20)], mix(pal.accent, pal.dark, 0.35), 3)
    c.line([(600, 100), (600, 620)], fill=pal.dark, width=9)
    c.arc((630, 620), 30, (0, 180), fill=pal.dark, width=9)
    for x in (470, 545, 660, 735):  # small lights kept dry
        c.ellipse((x, 716), (24, 8), fill=pal.light)
        flame(c, (x, 712), 34, pal)


def globe(c: Canvas, pal: Palette, rng, links: int = 12) -> None:
    """A globe with its lines of latitude and longitude, lit points joined by arcs."""
    c.vertical_gradient([(0, pal.sky[0]), (1, pal.sky[1])])
    stars(c, rng, 60, 800)
    centre, radius = (600, 400), 300
    c.light(centre, radius * 1.5, pal.sky[2], 0.55)
    c.ellipse(centre, radius, fill=mix(pal.sky[0], pal.accent, 0.5))
    c.light((510, 310), radius * 1.2, mix(pal.accent, pal.light, 0.35), 0.8)
    line = mix(pal.sky[2], pal.light, 0.3)
    for longitude in range(-75, 90, 25):
        rx = radius * abs(math.sin(math.radians(longitude)))
        c.ellipse(centre, (max(rx, 1), radius), outline=line, width=1.5)
    for latitude in range(-60, 90, 30):
        y = 400 - radius * math.sin(math.radians(latitude))
        half = radius * math.cos(math.radians(latitude))
        c.line([(600 - half, y), (600 + half, y)], fill=line, width=1.5)
    points = []
    for _ in range(links + 4):
        lon, lat = rng.uniform(-1.2, 1.2), rng.uniform(-0.9, 1.0)
        points.append((600 + radius * math.cos(lat) * math.sin(lon), 400 - radius * math.sin(lat)))
    for index in range(links):
        (x1, y1), (x2, y2) = points[index], points[(index * 5 + 3) % len(points)]
        lift = 0.35 * math.dist((x1, y1), (x2, y2))
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2 - lift
        arc = [
            (
                (1 - t) ** 2 * x1 + 2 * (1 - t) * t * mx + t**2 * x2,
                (1 - t) ** 2 * y1 + 2 * (1 - t) * t * my + t**2 * y2,
            )
            for t in (k / 30 for k in range(31))
        ]
        c.line(arc, fill=pal.glow, width=2.5)
    for x, y in points:
        c.light((x, y), 26, pal.glow, 0.9)
        c.ellipse((x, y), 5, fill=(255, 250, 230))


def paper_boat(c: Canvas, x: float, y: float, size: float, pal: Palette) -> None:
    light, shade = pal.light, mix(pal.light, pal.sky[1], 0.35)
    hull = [
        (x - size, y - size * 0.35),
        (x + size, y - size * 0.35),
        (x + size * 0.7, y),
        (x - size * 0.7, y),
    ]
    c.polygon(hull, fill=shade)
    c.polygon(
        [(x - size * 0.55, y - size * 0.35), (x, y - size * 1.1), (x, y - size * 0.35)], fill=light
    )
    c.polygon(
        [(x, y - size * 1.1), (x + size * 0.55, y - size * 0.35), (x, y - size * 0.35)], fill=shade
    )
    reflection = [(px, 2 * y - py) for px, py in hull]
    c.soft(lambda m: m.polygon(reflection, fill=255), light, 4, 0.25)


def boats(c: Canvas, pal: Palette, rng) -> None:
    """Paper boats on calm water in the evening light."""
    sky(c, pal, 0.52)
    c.light((600, 400), 420, pal.glow, 0.8)
    c.vertical_gradient([(0, mix(pal.sky[2], pal.glow, 0.3)), (1, pal.dark)], (0, 416, 1200, 800))
    for row in range(26):
        y = 430 + row**1.45 * 6.5
        for _ in range(3):
            x = rng.uniform(0, WIDTH)
            half = rng.uniform(30, 140)
            c.line([(x - half, y), (x + half, y)], mix(pal.glow, pal.sky[2], 0.5 + row / 60), 2)
    for x, y, size in ((300, 560, 70), (640, 640, 100), (960, 520, 55), (820, 470, 34)):
        paper_boat(c, x, y, size, pal)


def net(c: Canvas, pal: Palette, rng) -> None:
    """A net stretched across the picture, torn open in the middle, light coming through."""
    c.vertical_gradient([(0, pal.dark), (1, mix(pal.dark, pal.accent, 0.5))])
    hole = (640, 380)
    c.light(hole, 330, pal.glow, 0.9)

    def mesh(mask):
        for family in (1, -1):
            for offset in range(-1400, 1400, 70):
                points = []
                for k in range(41):
                    x = -100 + k * 35
                    y = family * (x - 600) * 0.8 + 400 + offset + 18 * math.sin(x / 130 + offset)
                    points.append((x, y))
                mask.line(points, 255, 4)
        radius = [170 + rng.uniform(-30, 30) for _ in range(18)]
        mask.polygon(
            [
                (
                    hole[0] + radius[k] * math.cos(k / 18 * math.tau),
                    hole[1] + radius[k] * 0.8 * math.sin(k / 18 * math.tau),
                )
                for k in range(18)
            ],
            fill=0,
        )

    c.soft(mesh, mix(pal.light, pal.sky[2], 0.4), 0.6)
    for k in range(18):  # loose ends round the tear
        angle = k / 18 * math.tau + rng.uniform(-0.1, 0.1)
        start = 175 + rng.uniform(-20, 10)
        end = start - rng.uniform(20, 45)
        c.line(
            [
                (hole[0] + r * math.cos(angle), hole[1] + r * 0.8 * math.sin(angle))
                for r in (start, end)
            ],
            mix(pal.light, pal.glow, 0.5),
            3,
        )


def pin(c: Canvas, x: float, y: float, size: float, colour) -> None:
    c.ellipse((x, y + size * 0.15), (size * 0.5, size * 0.18), fill=mix(colour, (0, 0, 0), 0.6))
    c.polygon(
        [(x - size * 0.42, y - size * 1.05), (x + size * 0.42, y - size * 1.05), (x, y)],
        fill=colour,
    )
    c.ellipse((x, y - size * 1.2), size * 0.5, fill=colour)
    c.ellipse((x, y - size * 1.2), size * 0.2, fill=(255, 255, 255))


def map_(c: Canvas, pal: Palette, rng, pins: int = 3) -> None:
    """A folded paper map: land, a dashed route and pins."""
    c.vertical_gradient([(0, mix(pal.dark, pal.accent, 0.4)), (1, pal.dark)])
    panels = 4
    left, right, top, bottom = 140, 1060, 120, 700
    width = (right - left) / panels
    paper = mix(pal.light, pal.sky[2], 0.2)
    for k in range(panels):
        x0, x1 = left + k * width, left + (k + 1) * width
        lift = 26 if k % 2 else 0
        shade = paper if k % 2 == 0 else mix(paper, pal.dark, 0.12)
        c.polygon(
            [
                (x0, top + lift),
                (x1, top + 26 - lift),
                (x1, bottom + 26 - lift),
                (x0, bottom + lift),
            ],
            shade,
        )
    land = mix(pal.accent, paper, 0.62)
    for cx, cy, size in ((360, 300, 130), (690, 420, 170), (930, 260, 90), (520, 590, 70)):
        radius = [size * rng.uniform(0.7, 1.15) for _ in range(16)]
        c.polygon(
            [
                (
                    cx + radius[k] * math.cos(k / 16 * math.tau),
                    cy + radius[k] * 0.75 * math.sin(k / 16 * math.tau) + 13,
                )
                for k in range(16)
            ],
            fill=land,
        )
    for x in range(200, 1060, 80):  # grid lines
        c.line([(x, top + 30), (x, bottom)], mix(paper, pal.dark, 0.18), 1)
    stops = [(rng.uniform(220, 980), rng.uniform(220, 600)) for _ in range(pins)]
    stops.sort()
    route = []
    for (x1, y1), (x2, y2) in itertools.pairwise(stops):
        route += [
            (x1 + (x2 - x1) * t / 20, y1 + (y2 - y1) * t / 20 - 60 * math.sin(math.pi * t / 20))
            for t in range(21)
        ]
    for k in range(0, len(route) - 1, 2):
        c.line(route[k : k + 2], fill=pal.accent, width=5)
    for x, y in stops:
        pin(c, x, y, 44, pal.accent)


def timezones(c: Canvas, pal: Palette, rng, zones: int = 12) -> None:
    """The world's time zones from night to day, a thread of lights crossing them all."""
    night, day = pal.sky[0], pal.sky[2]
    for k in range(zones):
        x0, x1 = k * WIDTH / zones, (k + 1) * WIDTH / zones + 1
        t = k / (zones - 1)
        top = mix(night, mix(pal.sky[1], day, 0.6), t)
        c.vertical_gradient([(0, top), (1, mix(top, pal.glow, 0.25))], (x0, 0, x1, 800))
    stars(c, rng, 40, 500)
    c.ellipse((140, 150), 44, fill=pal.light)
    c.ellipse((162, 138), 42, fill=mix(night, day, 0.05))  # the moon on the night side
    c.light((1060, 170), 200, pal.glow, 0.9)
    c.ellipse((1060, 170), 50, fill=mix(pal.glow, (255, 255, 255), 0.4))
    c.ellipse((600, 2100), 1500, fill=mix(pal.dark, pal.accent, 0.25))  # the curve of the earth
    thread = [
        (x, 470 - 90 * math.sin(x / WIDTH * math.pi) + 18 * math.sin(x / 70))
        for x in range(-20, 1240, 10)
    ]
    c.line(thread, fill=pal.glow, width=3)
    for k in range(zones):
        x = (k + 0.5) * WIDTH / zones
        y = 470 - 90 * math.sin(x / WIDTH * math.pi) + 18 * math.sin(x / 70)
        c.light((x, y), 34, pal.glow, 0.9)
        c.ellipse((x, y), 7, fill=(255, 250, 230))


def network(c: Canvas, pal: Palette, rng, nodes: int = 31, circuit: bool = False) -> None:
    """Points of light joined to their nearest neighbours; as a circuit board, in straight
    lines round a chip."""
    c.vertical_gradient([(0, pal.sky[0]), (1, mix(pal.sky[1], pal.dark, 0.3))])
    c.light((600, 400), 520, pal.sky[2], 0.35)
    points = [(rng.uniform(80, 1120), rng.uniform(80, 720)) for _ in range(nodes)]
    line = mix(pal.sky[2], pal.light, 0.2)
    if circuit:
        c.rectangle((500, 320, 700, 480), fill=pal.dark, radius=12)
        c.rectangle((520, 340, 680, 460), fill=mix(pal.dark, pal.accent, 0.5), radius=8)
        for x, y in points:
            target = (min(max(x, 520), 680), 320 if y < 400 else 480)
            c.line(
                [
                    (x, y),
                    (x, target[1] + (y - target[1]) * 0.5),
                    (target[0], target[1] + (y - target[1]) * 0.5),
                    target,
                ],
                line,
                3,
            )
    else:
        for index, (x, y) in enumerate(points):
            nearest = sorted(
                points[:index] + points[index + 1 :], key=lambda q: math.dist(q, (x, y))
            )
            for other in nearest[:2]:
                c.line([(x, y), other], fill=line, width=2)
    for x, y in points:
        c.light((x, y), 30, pal.glow, 0.8)
        c.ellipse((x, y), 6, fill=(255, 250, 230))


def voices(c: Canvas, pal: Palette, rng) -> None:
    """Waves spreading from one point, becoming a path of lights that leads away."""
    sky(c, pal, 1.0)
    c.light((240, 420), 300, pal.glow, 0.7)
    for k in range(1, 9):
        c.arc(
            (240, 420),
            40 + k * 46,
            (-50, 50),
            fill=mix(pal.light, pal.sky[1], k / 10),
            width=7 - k * 0.5,
        )
    c.ellipse((240, 420), 26, fill=pal.light)
    for k in range(12):
        x = 680 + k * 46
        y = 420 - k * 14 + 10 * math.sin(k)
        c.light((x, y), 22 - k, pal.glow, 0.8)
        c.ellipse((x, y), 6 - k * 0.3, fill=(255, 250, 230))


SCENES = {
    "boats": boats,
    "birds": birds,
    "candles": candles,
    "chain": chain,
    "clock": clock,
    "dove": dove,
    "globe": globe,
    "kites": kites,
    "lanterns": lanterns,
    "lighthouse": lighthouse,
    "map": map_,
    "net": net,
    "network": network,
    "path": path,
    "ring": ring,
    "scales": scales,
    "sprout": sprout,
    "threads": threads,
    "timezones": timezones,
    "umbrella": umbrella,
    "voices": voices,
}
