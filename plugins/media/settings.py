"""Settings read by the media core, with their defaults, read once per build.

MEDIA_CACHE_PATH (a ``media`` folder beside Pelican's ``CACHE_PATH``: ``.cache/media``)
    Where processed images are kept between builds, named by a hash of the source bytes and of
    the processing settings. Outside ``output/``: deleting the output re-encodes nothing.
MEDIA_MAX_PIXELS (64_000_000)
    Largest source image accepted, in pixels (width × height); larger ones are a content error,
    never a crash. Pillow's own decompression-bomb guard stays on behind it.
MEDIA_MAX_SVG_BYTES (2_000_000)
    Largest SVG file accepted.
MEDIA_WORKERS (None: every core)
    Processes used for cold processing; 1 processes in the build's own process.
MEDIA_LINK_OUTPUT (True)
    Hard-link cached files into the output (copy when the two folders are on different disks);
    False always copies.
MEDIA_WEBP_QUALITY (85), MEDIA_PNG_COMPRESS_LEVEL (9)
    Encoder settings for lossy WebP and for PNG (part of each file's hash).
"""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaSettings:
    cache_path: str
    max_pixels: int = 64_000_000
    max_svg_bytes: int = 2_000_000
    workers: int = 1
    link_output: bool = True
    webp_quality: int = 85
    png_compress_level: int = 9

    @classmethod
    def from_pelican(cls, settings: dict) -> "MediaSettings":
        cache = settings.get("MEDIA_CACHE_PATH") or os.path.join(
            os.path.dirname(os.path.normpath(settings.get("CACHE_PATH") or ".cache/pelican")),
            "media",
        )
        workers = settings.get("MEDIA_WORKERS") or os.cpu_count() or 1
        return cls(
            cache_path=os.path.abspath(cache),
            max_pixels=int(settings.get("MEDIA_MAX_PIXELS") or cls.max_pixels),
            max_svg_bytes=int(settings.get("MEDIA_MAX_SVG_BYTES") or cls.max_svg_bytes),
            workers=max(1, int(workers)),
            link_output=bool(settings.get("MEDIA_LINK_OUTPUT", True)),
            webp_quality=int(settings.get("MEDIA_WEBP_QUALITY") or cls.webp_quality),
            png_compress_level=int(
                settings.get("MEDIA_PNG_COMPRESS_LEVEL", cls.png_compress_level)
            ),
        )
