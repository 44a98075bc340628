"""Peak memory and time of the worst images the media pipeline accepts, one process each.

    .venv/bin/python benchmarks/image_bounds.py                 # make the images, measure
    .venv/bin/python benchmarks/image_bounds.py --pixels 64000000 --plugins /tmp/old/plugins
    .venv/bin/python benchmarks/image_bounds.py --only png     # only the files named *png*

Each image (noise: the most work for a decoder and an encoder) is as large as ``--pixels``
allows, and each is put through each recipe the site uses: Clean (the original republished),
Responsive (content pictures at 480, 960 and 1600 pixels) and BoxFit (a partner's logo), in a
fresh process, as a worker of the pipeline would. Each line gives that process's peak
resident memory (Linux's VmHWM, with Python and Pillow loaded: the line "baseline") and the
wall time, or the error the recipe gave. ``--plugins`` measures another copy of the plugins
(``git archive HEAD~1 plugins | tar -x -C /tmp/old``).
"""

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageFile

ROOT = Path(__file__).resolve().parent.parent
RECIPES = {
    "Clean": "Clean()",
    "Responsive": "Responsive(widths=(480, 960, 1600), webp_quality=80, jpeg_quality=82)",
    "BoxFit": "BoxFit(width=240, height=120)",
}


def noise(size: tuple[int, int], bands: int) -> Image.Image:
    layers = [Image.effect_noise(size, 60 + 20 * n) for n in range(bands)]
    mode = {1: "L", 3: "RGB", 4: "RGBA"}[bands]
    return layers[0] if bands == 1 else Image.merge(mode, layers)


def sides(pixels: int, ratio: float) -> tuple[int, int]:
    width = int(math.sqrt(pixels * ratio))
    return width, pixels // width


def make(folder: Path, pixels: int, jpeg_pixels: int, webp_pixels: int) -> None:
    """The worst accepted files: JPEG (4:2:0 at ``jpeg_pixels``, even sides: it is decoded at
    half; progressive 4:4:4, and CMYK, at ``pixels``), PNG (RGBA noise, 16-bit grey, a dithered
    drawing: the slowest for zlib), WebP at ``webp_pixels`` (a grainy photo, a lossless
    dithered drawing), GIF, and an animation of 250 frames."""
    folder.mkdir(parents=True, exist_ok=True)
    # Progressive noise takes more than the byte a pixel Pillow's JPEG encoder allows for.
    ImageFile.MAXBLOCK = 6 * max(pixels, jpeg_pixels)

    def save(name, image, fmt, **options):
        if not (folder / name).exists():
            image.save(folder / name, fmt, **options)

    width, height = sides(jpeg_pixels, 1.4)
    save("photo.jpg", noise((width - width % 2, height - height % 2), 3), "JPEG", quality=90)
    photo = noise(sides(pixels, 1.4), 3)
    save("photo-progressive-444.jpg", photo, "JPEG", quality=95, progressive=True, subsampling=0)
    save("cmyk.jpg", photo.convert("CMYK"), "JPEG", quality=95, progressive=True, subsampling=0)
    del photo
    square = sides(pixels, 1.0)
    save("drawing.png", noise(square, 4), "PNG", compress_level=1)
    grey = noise(square, 1)
    save("grey-16bit.png", grey.point(lambda v: v * 257, "I").convert("I;16"), "PNG")
    dots = grey.point(lambda v: 255 if v > 128 else 0).convert("RGB")
    save("dither.png", dots, "PNG", compress_level=1)
    save("drawing.gif", grey.convert("P"), "GIF")
    del grey, dots
    # Noise this large overflows the first partition of a lossy WebP: a photo's grain instead
    width, height = sides(min(webp_pixels, 16383 * 16383), 1.0)
    grain = noise((width // 4, height // 4), 3).resize((width, height))
    save("photo.webp", grain, "WEBP", quality=80, method=0)
    dithered = grain.convert("P", dither=Image.Dither.FLOYDSTEINBERG, colors=16).convert("RGB")
    save("dither-lossless.webp", dithered, "WEBP", lossless=True, quality=0, method=0)
    del grain, dithered
    frames = [Image.new("P", (4000, 4000), n) for n in range(250)]
    save("animated.gif", frames[0], "GIF", save_all=True, append_images=frames[1:])


CHILD = """
import json, sys, time
sys.path.insert(0, {plugins!r})
from dataclasses import fields
from media.recipes import BoxFit, Clean, Limits, Responsive
from media.errors import MediaError
from media.settings import MediaSettings
def status(key):  # this process's own memory, in MB (ru_maxrss would include the parent's)
    line = next(line for line in open("/proc/self/status") if line.startswith(key))
    return int(line.split()[1]) // 1024
settings = MediaSettings(cache_path="", max_pixels={pixels})
limits = Limits(**{{f.name: getattr(settings, f.name) for f in fields(Limits)}})
baseline = status("VmRSS:")
data = open({path!r}, "rb").read()
started = time.perf_counter()
try:
    renditions, notes = {recipe}.render(data, False, limits)
    result = ", ".join(f"{{r.width}}x{{r.height}} {{r.fmt}}" for r in renditions[:2])
    result += "".join(f"; {{note}}" for note in notes)
except MediaError as error:
    result = "refused: " + error.message
print(json.dumps([time.perf_counter() - started, baseline, status("VmHWM:"), result]))
"""


def measure(path: Path, recipe: str, pixels: int, plugins: str) -> dict:
    code = CHILD.format(plugins=plugins, path=str(path), recipe=recipe, pixels=pixels)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode:
        return {"seconds": 0, "baseline": 0, "peak": 0, "result": done.stderr.strip()[-200:]}
    seconds, baseline, peak, result = json.loads(done.stdout)
    return {"seconds": seconds, "baseline": baseline, "peak": peak, "result": result}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pixels", type=int, default=None, help="the limit (MEDIA_MAX_PIXELS)")
    parser.add_argument("--plugins", default=str(ROOT / "plugins"))
    parser.add_argument("--images", default=str(Path(tempfile.gettempdir()) / "image-bounds"))
    parser.add_argument("--only", default="", help="measure only files whose name has this")
    parser.add_argument("--jpeg-pixels", type=int, default=None, help="of the one-pass JPEG")
    parser.add_argument("--make", action="store_true", help="only make the images")
    arguments = parser.parse_args()
    sys.path.insert(0, arguments.plugins)
    from media import images  # noqa: PLC0415
    from media.settings import MediaSettings  # noqa: PLC0415

    pixels = arguments.pixels or MediaSettings.max_pixels
    jpeg_pixels = arguments.jpeg_pixels or pixels * getattr(images, "JPEG_SCALED_LIMIT", 1)
    webp_pixels = pixels // getattr(images, "WEBP_WEIGHT", 1)
    folder = Path(arguments.images) / f"{pixels}-{jpeg_pixels}-{webp_pixels}"
    if arguments.make:
        make(folder, pixels, jpeg_pixels, webp_pixels)
        return
    # Made in another process: a child's peak memory starts from its parent's at fork time.
    options = [f"--pixels={pixels}", f"--jpeg-pixels={jpeg_pixels}", f"--images={arguments.images}"]
    subprocess.run([sys.executable, __file__, "--make", *options], check=True)
    print(f"limit {pixels:,} pixels; images in {folder}; plugins {arguments.plugins}")
    print(f"{'file':26} {'size':>11} {'MB':>5} {'recipe':10} {'peak MB':>7} {'s':>6}  result")
    baselines = []
    for path in sorted(folder.iterdir()):
        if arguments.only not in path.name:
            continue
        with Image.open(path) as image:
            size = f"{image.width}×{image.height}"
        for name, recipe in RECIPES.items():
            found = measure(path, recipe, pixels, arguments.plugins)
            baselines.append(found["baseline"])
            print(
                f"{path.name:26} {size:>11} {path.stat().st_size / 1e6:5.0f} {name:10} "
                f"{found['peak']:7} {found['seconds']:6.2f}  {found['result']}",
                flush=True,
            )
    print(f"baseline (Python, Pillow, the plugins): {max(baselines)} MB")


if __name__ == "__main__":
    main()
