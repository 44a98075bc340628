"""Logo processing time for generated partner logos, cold (empty cache) and warm.

    python benchmarks/logos_build.py              # 300 logos, every core
    python benchmarks/logos_build.py --count 100 --workers 1
    python benchmarks/logos_build.py --site       # also a whole site with one partner per logo

Logos are made in a temporary folder: a third transparent PNG (1200×600), a third JPEG with
white margins (1600×800), a sixth EXIF-rotated JPEG, the rest SVG. "cold" starts from an
empty media cache, "warm" runs again with the cache of the cold run (nothing re-encoded).
"""

import argparse
import io
import os
import random
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from media import BoxFit, MediaSettings, Pipeline  # noqa: E402


def make_logo(number: int, folder: Path) -> Path:
    rng = random.Random(number)
    colour = tuple(rng.randrange(30, 200) for _ in range(3))
    kind = number % 6
    if kind == 5:
        path = folder / f"logo{number}.svg"
        path.write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">'
            f'<rect x="20" y="20" width="160" height="160" fill="rgb{colour}"/>'
            f'<text x="200" y="110" font-size="40">Org {number}</text></svg>'
        )
        return path
    transparent = kind in (0, 1)
    size = (1200, 600) if transparent else (1600, 800)
    image = Image.new(
        "RGBA" if transparent else "RGB", size, (0, 0, 0, 0) if transparent else "white"
    )
    draw = ImageDraw.Draw(image)
    margin = rng.randrange(40, 200)
    draw.ellipse((margin, margin, margin + 400, margin + 400), fill=colour)
    draw.rectangle((margin + 450, margin + 100, size[0] - margin, margin + 300), fill=colour)
    draw.text((margin + 460, margin + 320), f"Organisation {number}", fill=colour)
    if transparent:
        path = folder / f"logo{number}.png"
        image.save(path, "PNG")
        return path
    path = folder / f"logo{number}.jpg"
    buffer = io.BytesIO()
    exif = Image.Exif()
    if kind == 4:
        exif[0x0112] = 6
    image.save(buffer, "JPEG", quality=88, exif=exif)
    path.write_bytes(buffer.getvalue())
    return path


def run_pipeline(sources: list[Path], cache: Path, workers: int):
    pipeline = Pipeline(MediaSettings(cache_path=str(cache), workers=workers))
    started = time.perf_counter()
    for source in sources:
        pipeline.submit(str(source), BoxFit(), "images/partners", source.stem)
    stats = pipeline.run()
    elapsed = time.perf_counter() - started
    return elapsed, stats


def run_site(sources: list[Path], root: Path) -> list[float]:
    """Build a site with one partner per logo twice (cold, then warm); return the times."""
    from pelican import Pelican  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    content = root / "content"
    (content / "images" / "partners").mkdir(parents=True)
    for number, source in enumerate(sources):
        (content / "images" / "partners" / source.name).write_bytes(source.read_bytes())
        (content / "partners" / f"org-{number}.md").parent.mkdir(exist_ok=True)
        (content / "partners" / f"org-{number}.md").write_text(
            textwrap.dedent(
                f"""\
                Title: Organisation {number}
                Website: https://example.org/{number}/
                Logo: images/partners/{source.name}
                Country: {("IT", "FR", "DE", "international")[number % 4]}

                Organisation number {number}.
                """
            )
        )
    times = []
    for _ in range(2):
        os.chdir(ROOT)
        settings = read_settings(
            str(ROOT / "pelicanconf.py"),
            override={
                "PATH": str(content),
                "OUTPUT_PATH": str(root / "output"),
                "CACHE_PATH": str(root / ".cache" / "pelican"),
                "PLUGINS": ["records", "i18n", "media", "partners"],
            },
        )
        started = time.perf_counter()
        Pelican(settings).run()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--site", action="store_true", help="also time a whole site build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "logos"
        folder.mkdir()
        started = time.perf_counter()
        sources = [make_logo(number, folder) for number in range(args.count)]
        made = time.perf_counter() - started
        megabytes = sum(p.stat().st_size for p in sources) / 1e6
        print(f"{args.count} logos generated ({megabytes:.1f} MB) in {made:.1f} s")
        cache = Path(temp) / "cache"
        cold, stats = run_pipeline(sources, cache, args.workers)
        print(f"cold, {args.workers} processes: {cold:.2f} s  ({stats})")
        warm, stats = run_pipeline(sources, cache, args.workers)
        print(f"warm:               {warm:.2f} s  ({stats})")
        if args.site:
            cold_site, warm_site = run_site(sources, Path(temp) / "site")
            print(
                f"whole site with {args.count} partners: cold {cold_site:.2f} s, "
                f"warm {warm_site:.2f} s"
            )


if __name__ == "__main__":
    main()
