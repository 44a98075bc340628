"""Draw the demo content's partner logos: simple original emblems, not the real logos.

    python benchmarks/logos_demo_art.py      # writes content/images/partners/*

Each logo is a geometric emblem and a short name, in a colour taken from a hash of the id.
The formats are mixed on purpose (PNG with transparency, JPEG with white margins, SVG) so
that the demo shows every path of the logo pipeline. Partners left out get a monogram.
"""

import hashlib
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "content" / "images" / "partners"

# id: (short name drawn in the logo, format)
LOGOS = {
    "uisg": ("UISG", "png"),
    "usg": ("USG", "png"),
    "talitha-kum": ("Talitha Kum", "svg"),
    "caritas-internationalis": ("Caritas", "jpg"),
    "jesuit-refugee-service": ("JRS", "png"),
    "focolare-movement": ("Focolare", "svg"),
    "sant-egidio": ("Sant'Egidio", "png"),
    "pope-john-xxiii-community": ("APG23", "jpg"),
    "osce": ("OSCE", "svg"),
    "renate": ("RENATE", "png"),
    "wucwo": ("WUCWO", "png"),
    "pontifical-academy-of-sciences": ("PAS", "svg"),
}


def colour(key: str, shift: int = 0) -> tuple[int, int, int]:
    digest = hashlib.sha256(f"{key}{shift}".encode()).digest()
    return tuple(40 + b % 150 for b in digest[:3])


def hex_colour(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def raster(key: str, name: str, fmt: str) -> Image.Image:
    width, height = 640, 260
    margin = 60 if fmt == "jpg" else 20  # white margins for the trimming to remove
    mode, ground = ("RGB", (255, 255, 255)) if fmt == "jpg" else ("RGBA", (0, 0, 0, 0))
    image = Image.new(mode, (width + 2 * margin, height + 2 * margin), ground)
    draw = ImageDraw.Draw(image)
    first, second = colour(key), colour(key, 1)
    x, y = margin, margin
    draw.ellipse((x, y + 20, x + 200, y + 220), fill=first)
    draw.polygon([(x + 100, y + 40), (x + 180, y + 200), (x + 20, y + 200)], fill=second)
    font = ImageFont.load_default(size=72 if len(name) < 8 else 52)
    draw.text((x + 230, y + 130), name, fill=first, font=font, anchor="lm")
    return image


def svg(key: str, name: str) -> str:
    first, second = hex_colour(colour(key)), hex_colour(colour(key, 1))
    size = 64 if len(name) < 8 else 46
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 260">\n'
        f'  <rect x="10" y="30" width="200" height="200" rx="40" fill="{first}"/>\n'
        f'  <circle cx="110" cy="130" r="60" fill="{second}"/>\n'
        f'  <text x="240" y="130" dy="0.35em" font-family="Georgia, serif" font-size="{size}"'
        f' fill="{first}">{name}</text>\n'
        "</svg>\n"
    )


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for key, (name, fmt) in LOGOS.items():
        path = FOLDER / f"{key}.{fmt}"
        if fmt == "svg":
            path.write_text(svg(key, name), encoding="utf-8")
        else:
            image = raster(key, name, fmt)
            if fmt == "jpg":
                image.save(path, "JPEG", quality=85)
            else:
                image.save(path, "PNG", optimize=True)
        print(path.relative_to(ROOT), path.stat().st_size, "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
