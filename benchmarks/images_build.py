"""Build time of a site with N generated 3000×2000 photos (with GPS EXIF), cold and warm.

    .venv/bin/python benchmarks/images_build.py               # 500 photos
    .venv/bin/python benchmarks/images_build.py --photos 100

The photos are shown ten to a news post (so each gets its responsive copies) and published as
originals (each cleaned at its own path). Each figure is the wall time of the real `pelican`
command with pelicanconf.py in a fresh process:

- cold: no media cache, no output (every photo decoded and encoded, on every core);
- warm: output/ deleted, cache kept (what a production build does): nothing is re-encoded.

The "media:" lines of the build log give the pipeline's own counts.
"""

import argparse
import io
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import pelican_run
from PIL import Image, ImageDraw


def photo(number: int) -> bytes:
    """A 3000×2000 'photo': coloured noise under shapes, with camera and GPS EXIF."""
    size = (3000, 2000)
    noise = Image.effect_noise((750, 500), 40 + number % 30).resize(size)
    image = Image.merge("RGB", (noise, noise.rotate(180), Image.linear_gradient("L").resize(size)))
    draw = ImageDraw.Draw(image)
    for index in range(6):
        x = (number * 97 + index * 431) % 2600
        y = (number * 53 + index * 277) % 1600
        draw.ellipse((x, y, x + 400, y + 400), fill=((index * 40) % 255, 120, number % 255))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0xA431] = f"SERIAL-{number:05d}"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (41.0, 54.0, float(number % 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88, exif=exif)
    return buffer.getvalue()


def _write_photo(args) -> None:
    folder, number = args
    (Path(folder) / f"photo-{number:04d}.jpg").write_bytes(photo(number))


def generate(content: Path, count: int) -> None:
    images = content / "images" / "generated"
    images.mkdir(parents=True)
    with ProcessPoolExecutor() as pool:
        list(pool.map(_write_photo, [(str(images), n) for n in range(count)], chunksize=4))
    news = content / "news"
    news.mkdir(parents=True)
    for post in range(0, count, 10):
        lines = [
            f"Title: Photo report {post // 10}",
            f"Date: 2025-{1 + post // 10 % 12:02d}-{1 + post // 10 % 28:02d} 10:00",
            "",
            "Photos from the vigil.",
            "",
        ]
        for number in range(post, min(post + 10, count)):
            lines += [f"![Vigil photo {number}](../images/generated/photo-{number:04d}.jpg)", ""]
        (news / f"report-{post // 10:03d}.md").write_text("\n".join(lines), encoding="utf-8")


def build(content: Path, output: Path, caches: Path, cold: bool) -> tuple[float, list[str]]:
    seconds, log = pelican_run(content, output, caches, cold)
    log = " ".join(re.sub(r"\S+\.py:\d+", "", log).split())  # without the log's source column
    counts = [part.split(" s on ")[0] + " s" for part in log.split("media: ")[1:]]
    return seconds, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        content, output, caches = root / "content", root / "output", root / "caches"
        started = time.perf_counter()
        generate(content, args.photos)
        megabytes = sum(p.stat().st_size for p in content.rglob("*.jpg")) / 1e6
        print(
            f"{args.photos} photos of 3000×2000 ({megabytes:.0f} MB) generated in "
            f"{time.perf_counter() - started:.0f} s; {os.cpu_count()} cores"
        )
        for label in ("cold", "warm"):
            if label == "warm":
                shutil.rmtree(output)
            seconds, counts = build(content, output, caches, cold=label == "cold")
            print(f"{label}: {seconds:.1f} s")
            for line in counts:
                print(f"    media: {line}")


if __name__ == "__main__":
    main()
