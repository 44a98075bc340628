"""Which drawing goes to which file of the demo content, and the task that draws them.

``LOGOS`` are the partners' logos (``content/images/partners/``); ``PICTURES`` the lead
pictures of the news posts, events and editions, each with the one sentence its content file
gives as ``Image-alt`` (``tests/test_demo_art.py`` checks that they agree). :func:`draw_all`
makes every file's bytes; ``invoke demo-art`` writes them (``--check`` only compares).
"""

import random
from dataclasses import dataclass, field
from pathlib import Path

from . import scenes
from .canvas import Canvas, webp
from .logos import RasterLogo, SvgLogo, Words
from .scenes import (
    EUROPE_DAY,
    EUROPE_DUSK,
    NETWORK_SEA,
    PRAYER_DAWN,
    PRAYER_DUSK,
    PRAYER_NIGHT,
    WORLD_DAY,
    WORLD_DEEP,
    Palette,
)

PICTURE_SIZE = (1200, 800)  # 3:2, the cards' shape; wide enough for the article column at 2x


@dataclass(frozen=True)
class Picture:
    path: str  # inside content/
    scene: str  # a name of scenes.SCENES
    palette: Palette
    shows: str  # what it shows, for its content file's Image-alt
    seed: int = 1
    options: dict = field(default_factory=dict)

    @property
    def alt(self) -> str:
        """The content file's ``Image-alt``: what the picture shows, and that it is drawn."""
        return f"{self.shows} (illustration)"

    def draw(self, size: tuple[int, int] = PICTURE_SIZE) -> bytes:
        canvas = Canvas(size, self.palette.sky[0])
        scenes.SCENES[self.scene](canvas, self.palette, random.Random(self.seed), **self.options)
        return webp(canvas.finish())


CANDLE = "Seven lit candles of different heights against a dusk sky over hills"
CIRCLE = "A circle of small candle lights around a larger one in the dark"
GLOBE = "A globe with its lines of latitude and longitude, points of light joined by arcs"
LANTERNS = "Paper lanterns rising into a starry sky over dark water"
NETWORK = "Points of light joined by lines into a network"
RIBBONS = "Ribbons of many colours drawn together through one knot in the middle"
ROAD = "A road winding through hills to the horizon, lamps along its sides"
ROAD_NIGHT = (
    "A road winding through hills under a starry sky and a crescent moon, lamps along its sides"
)
TIME_ZONES = (
    "Bands of sky from night to day crossed by a thread of lights, the moon on one side and "
    "the sun on the other"
)


def _edition(campaign: str, year: int, scene: str, palette: Palette, shows: str, **options):
    return Picture(f"images/campaigns/{campaign}/{year}.webp", scene, palette, shows, year, options)


PRAYER, WORLD, EUROPE = "day-of-prayer", "world-day-against-trafficking", "eu-anti-trafficking-day"

PICTURES = [
    _edition(
        PRAYER,
        2015,
        "candles",
        PRAYER_DUSK,
        "One tall lit candle before hills at dusk",
        count=1,
    ),
    _edition(PRAYER, 2016, "lanterns", PRAYER_NIGHT, LANTERNS),
    _edition(
        PRAYER,
        2017,
        "kites",
        PRAYER_DAWN,
        "Three kites flying among clouds, their strings running down out of the picture",
    ),
    _edition(
        PRAYER,
        2018,
        "birds",
        PRAYER_DAWN,
        "A flock of birds flying in a V over the sea at sunrise",
    ),
    _edition(PRAYER, 2019, "threads", PRAYER_DUSK, RIBBONS),
    _edition(PRAYER, 2020, "ring", PRAYER_NIGHT, CIRCLE),
    _edition(
        PRAYER,
        2021,
        "scales",
        PRAYER_DUSK,
        "A balance at rest with a stack of coins in one pan and a heart in the other",
    ),
    _edition(
        PRAYER,
        2022,
        "sprout",
        PRAYER_DAWN,
        "A seedling with its first leaves growing from dark soil in the morning light",
    ),
    _edition(PRAYER, 2023, "path", PRAYER_DUSK, ROAD),
    _edition(PRAYER, 2024, "path", PRAYER_NIGHT, ROAD_NIGHT, night=True),
    _edition(
        PRAYER,
        2025,
        "lighthouse",
        PRAYER_DUSK,
        "A lighthouse on a rock sending its beams across the sea at dusk",
    ),
    _edition(
        PRAYER,
        2026,
        "dove",
        PRAYER_DAWN,
        "A white dove carrying an olive branch, flying towards the light",
    ),
    _edition(
        EUROPE,
        2007,
        "clock",
        EUROPE_DUSK,
        "A clock face without numbers showing five to twelve",
    ),
    _edition(EUROPE, 2011, "threads", EUROPE_DAY, RIBBONS),
    _edition(
        EUROPE,
        2023,
        "chain",
        EUROPE_DUSK,
        "A chain broken open in the middle, light pouring out of the break",
    ),
    _edition(
        WORLD,
        2018,
        "umbrella",
        WORLD_DEEP,
        "An umbrella keeping the rain off four small candle lights",
    ),
    _edition(WORLD, 2020, "network", WORLD_DEEP, NETWORK),
    _edition(
        WORLD,
        2021,
        "voices",
        WORLD_DAY,
        "Waves spreading from a point of light, then a trail of lights leading away",
    ),
    _edition(
        WORLD,
        2022,
        "network",
        WORLD_DEEP,
        "Lines of a circuit board running from points of light to a chip in the middle",
        circuit=True,
    ),
    _edition(WORLD, 2023, "globe", WORLD_DEEP, GLOBE),
    _edition(
        WORLD,
        2024,
        "boats",
        WORLD_DAY,
        "Paper boats on calm water in the evening light",
    ),
    _edition(
        WORLD,
        2025,
        "net",
        WORLD_DEEP,
        "A net stretched across the picture, torn open in the middle, light shining through",
    ),
    Picture("images/news/osce-visit-russia.webp", "threads", WORLD_DEEP, RIBBONS, 2017),
    Picture(
        "images/news/mapping-exercise-child-trafficking.webp",
        "map",
        NETWORK_SEA,
        "A folded paper map with a dashed route between three pins",
        2019,
    ),
    Picture(
        "images/news/day-of-prayer-2021-online-marathon.webp",
        "timezones",
        PRAYER_DUSK,
        TIME_ZONES,
        2021,
    ),
    Picture(
        "images/news/world-day-against-trafficking-2021.webp", "globe", WORLD_DEEP, GLOBE, 2021
    ),
    Picture("images/news/renate-assembly-fatima-2022.webp", "ring", NETWORK_SEA, CIRCLE, 2022),
    Picture("images/news/eu-anti-trafficking-day-2023.webp", "network", EUROPE_DUSK, NETWORK, 2023),
    Picture("images/news/day-of-prayer-2025.webp", "lanterns", PRAYER_DUSK, LANTERNS, 2025),
    Picture("images/news/day-of-prayer-2026.webp", "candles", PRAYER_DUSK, CANDLE, 2026),
    Picture(
        "images/events/2019-mapping-exercise-launch.webp",
        "map",
        NETWORK_SEA,
        "A folded paper map with a dashed route between four pins",
        4,
        {"pins": 4},
    ),
    Picture(
        "images/events/2020-day-of-prayer-rome.webp",
        "path",
        PRAYER_NIGHT,
        ROAD_NIGHT,
        2020,
        {"night": True},
    ),
    Picture(
        "images/events/2021-day-of-prayer-online-marathon.webp",
        "timezones",
        PRAYER_NIGHT,
        TIME_ZONES,
        2,
    ),
    Picture(
        "images/events/2022-day-of-prayer-online-marathon.webp",
        "timezones",
        PRAYER_DAWN,
        TIME_ZONES,
        3,
    ),
    Picture(
        "images/events/2022-renate-assembly-fatima.webp",
        "network",
        NETWORK_SEA,
        "Thirty-one points of light joined by lines into a network",
        31,
    ),
    Picture(
        "images/events/2025-day-of-prayer-online-pilgrimage.webp", "path", PRAYER_DAWN, ROAD, 2025
    ),
    Picture(
        "images/events/2026-day-of-prayer-online-gathering.webp", "globe", PRAYER_NIGHT, GLOBE, 2026
    ),
    Picture(
        "images/events/day-of-prayer.webp",
        "candles",
        PRAYER_NIGHT,
        "Five lit candles of different heights before hills at night",
        5,
        {"count": 5},
    ),
    Picture(
        "images/events/eu-anti-trafficking-day.webp",
        "chain",
        EUROPE_DAY,
        "A chain broken open in the middle, light pouring out of the break",
        18,
    ),
    Picture(
        "images/events/example-cancelled-vigil.webp",
        "candles",
        PRAYER_NIGHT,
        "Five candles just blown out, a thin thread of smoke rising from each",
        6,
        {"count": 5, "lit": False},
    ),
    Picture(
        "images/events/example-monthly-meeting.webp",
        "voices",
        NETWORK_SEA,
        "Waves spreading from a point of light, then a trail of lights leading away",
        7,
    ),
    Picture(
        "images/events/world-day-against-trafficking.webp",
        "lighthouse",
        WORLD_DEEP,
        "A lighthouse on a rock sending its beams across the sea at dusk",
        30,
    ),
]

# Text sizes are in emblems (the emblem is 1 high).
LOGOS: dict[str, RasterLogo | SvgLogo] = {
    "renate": RasterLogo(
        "network-ring",
        ("#1f6f68", "#d99a2b"),
        (
            Words("RENATE", 0.46, "#1f6f68", bold=True, spacing=0.05),
            Words("Religious in Europe Networking", 0.12, "#3d6863"),
            Words("Against Trafficking and Exploitation", 0.12, "#3d6863"),
        ),
    ),
    "uisg": RasterLogo(
        "flame-arch",
        ("#27408b", "#f0b429"),
        (
            Words("UISG", 0.4, "#27408b", bold=True, spacing=0.04),
            Words("International Union", 0.13, "#3b4f7d"),
            Words("of Superiors General", 0.13, "#3b4f7d"),
        ),
        layout="stacked",
    ),
    "usg": RasterLogo(
        "four-petals",
        ("#8c1d40", "#f3d9a4"),
        (
            Words("USG", 0.62, "#8c1d40", bold=True, spacing=0.03),
            Words("Union of Superiors General", 0.14, "#6d3547"),
        ),
    ),
    "caritas-internationalis": RasterLogo(
        "heart-globe",
        ("#b3202e", "#e2483d"),
        (
            Words("Caritas", 0.42, "#b3202e", bold=True),
            Words("INTERNATIONALIS", 0.13, "#6f2a2a", spacing=0.035),
        ),
        layout="stacked",
        fmt="jpg",
    ),
    "jesuit-refugee-service": RasterLogo(
        "shelter",
        ("#1b3a5c", "#e8772e"),
        (
            Words("JRS", 0.5, "#1b3a5c", bold=True, spacing=0.05),
            Words("Jesuit", 0.15, "#1b3a5c"),
            Words("Refugee", 0.15, "#1b3a5c"),
            Words("Service", 0.15, "#1b3a5c"),
        ),
        layout="stacked",
    ),
    "sant-egidio": RasterLogo(
        "dove",
        ("#2d6cb5", "#ffffff"),
        (
            Words("COMMUNITY OF", 0.12, "#2d6cb5", spacing=0.03),
            Words("Sant'Egidio", 0.42, "#1f4f86", bold=True),
        ),
    ),
    "pope-john-xxiii-community": RasterLogo(
        "house",
        ("#2e7d4f", "#f2c14e"),
        (
            Words("APG23", 0.5, "#2e7d4f", bold=True, spacing=0.03),
            Words("Pope John XXIII Community", 0.13, "#35553f"),
        ),
        fmt="jpg",
    ),
    "wucwo": RasterLogo(
        "flower",
        ("#6a3d9a", "#e07a9f"),
        (
            Words("WUCWO", 0.34, "#6a3d9a", bold=True, spacing=0.05),
            Words("World Union of Catholic", 0.11, "#5b4a6e"),
            Words("Women's Organisations", 0.11, "#5b4a6e"),
        ),
        layout="stacked",
    ),
    "jpic-anti-trafficking-working-group": RasterLogo(
        "broken-link",
        ("#3f7d3a", "#d9a21b"),
        (
            Words("JPIC", 0.46, "#3f7d3a", bold=True, spacing=0.04),
            Words("Anti-Trafficking Working Group", 0.13, "#40573e"),
        ),
    ),
    "migrants-refugees-section": RasterLogo(
        "life-ring",
        ("#0b6e99", "#f26b38"),
        (
            Words("Migrants & Refugees", 0.3, "#0b6e99", bold=True),
            Words("SECTION · INTEGRAL HUMAN DEVELOPMENT", 0.1, "#3b5f70", spacing=0.02),
        ),
    ),
    "talitha-kum": SvgLogo(
        '<rect x="0" y="70" width="100" height="6" rx="3" fill="#b0306a"/>'
        '<path d="M12 66 A38 38 0 0 1 88 66 Z" fill="#f29e4c"/>'
        '<g stroke="#b0306a" stroke-width="5" stroke-linecap="round">'
        '<path d="M50 8 V20"/><path d="M18 22 L26 31"/><path d="M82 22 L74 31"/>'
        '<path d="M4 48 L16 50"/><path d="M96 48 L84 50"/></g>'
        '<path d="M30 88 H70" stroke="#f29e4c" stroke-width="5" stroke-linecap="round"/>',
        (
            Words("Talitha Kum", 0.42, "#8d1f52"),
            Words("NETWORK AGAINST TRAFFICKING", 0.1, "#b0306a", bold=True, spacing=0.02),
        ),
    ),
    "focolare-movement": SvgLogo(
        '<path d="M50 6 C68 30 80 46 71 68 C66 80 57 86 50 86 C43 86 34 80 29 68 '
        'C20 46 32 30 50 6 Z" fill="#c0392b"/>'
        '<path d="M50 30 C61 46 67 57 61 71 C58 78 54 81 50 81 C46 81 42 78 39 71 '
        'C33 57 39 46 50 30 Z" fill="#e67e22"/>'
        '<path d="M50 52 C56 61 58 67 55 73 C53 77 51 78 50 78 C49 78 47 77 45 73 '
        'C42 67 44 61 50 52 Z" fill="#f1c40f"/>'
        '<path d="M12 94 Q50 82 88 94" fill="none" stroke="#c0392b" stroke-width="5" '
        'stroke-linecap="round"/>',
        (
            Words("focolare", 0.44, "#c0392b", bold=True),
            Words("movement · unity and dialogue", 0.12, "#7a4a2a"),
        ),
    ),
    "osce": SvgLogo(
        '<clipPath id="disc"><circle cx="50" cy="50" r="46"/></clipPath>'
        '<g clip-path="url(#disc)" fill="#003a70">'
        + "".join(f'<rect x="0" y="{y}" width="100" height="10"/>' for y in range(6, 96, 16))
        + '</g><circle cx="50" cy="50" r="46" fill="none" stroke="#003a70" stroke-width="4"/>'
        '<circle cx="50" cy="50" r="15" fill="#ffffff"/>'
        '<circle cx="50" cy="50" r="9" fill="#4c9ed9"/>',
        (
            Words("OSCE", 0.5, "#003a70", bold=True, spacing=0.06),
            Words("Organization for Security and", 0.115, "#234a6e"),
            Words("Co-operation in Europe", 0.115, "#234a6e"),
        ),
    ),
    "pontifical-academy-of-sciences": SvgLogo(
        '<g fill="none" stroke="#1c2a48" stroke-width="4">'
        '<ellipse cx="50" cy="50" rx="46" ry="17"/>'
        '<ellipse cx="50" cy="50" rx="46" ry="17" transform="rotate(60 50 50)"/>'
        '<ellipse cx="50" cy="50" rx="46" ry="17" transform="rotate(-60 50 50)"/></g>'
        '<circle cx="50" cy="50" r="11" fill="#b8860b"/>',
        (
            Words("Pontifical Academy", 0.2, "#1c2a48"),
            Words("of Sciences", 0.2, "#1c2a48"),
        ),
        layout="stacked",
    ),
}


def logo_path(partner: str) -> str:
    logo = LOGOS[partner]
    fmt = "svg" if isinstance(logo, SvgLogo) else logo.fmt
    return f"images/partners/{partner}.{fmt}"


def draw_all() -> dict[str, bytes]:
    """Every file of the demo artwork: its path inside content/ and its bytes."""
    files = {logo_path(partner): logo.draw() for partner, logo in LOGOS.items()}
    files.update({picture.path: picture.draw() for picture in PICTURES})
    return files


def write(content: Path, check: bool = False) -> list[str]:
    """Draw every file into ``content``; with ``check``, write nothing. The files that were
    (or, with ``check``, would be) new or different, one line each."""
    changed = []
    for path, data in draw_all().items():
        target = content / path
        if target.is_file() and target.read_bytes() == data:
            continue
        changed.append(f"{path} ({len(data) / 1000:.1f} kB)")
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return changed
