"""Pelican's caches, kept apart for each version of the kit's code and each set of settings.

Pelican keeps what its readers made of each file (``CACHE_CONTENT``) and checks only that the
file did not change. What the kit's reader makes of a file also depends on its code (how HTML
is cleaned, which checks run as a file is read) and on settings (``MARKDOWN``,
``TRUST_RAW_HTML``…): an unchanged file read with other code or settings must be read again,
never taken from a cache made by the old ones. So ``CACHE_PATH`` gets a sub-folder named after
a fingerprint of both; the few most recent are kept (local and production builds alternate),
older ones removed. The media cache is named by each image's own content and stays shared.
"""

import hashlib
import json
import os
import shutil
from pathlib import Path

import markdown
import pelican
from pelican.generators import CachingGenerator, StaticGenerator

from .settings import plugin_enabled

KEEP = 4  # cache folders kept: local and production builds, and a change or two
# Settings that say where or how a build writes, not what a file is read as.
VOLATILE = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "MEDIA_CACHE_PATH", "PATH", "SITEURL", "FEED_DOMAIN"}
)


def _stable(value) -> str:
    """A name for a setting's value that is the same from one run to the next."""
    return getattr(value, "__qualname__", type(value).__name__)


def fingerprint(settings: dict, code_folders) -> str:
    digest = hashlib.sha256()
    digest.update(f"{pelican.__version__} {markdown.__version__}".encode())
    for folder in code_folders:
        for path in sorted(Path(folder).rglob("*.py")):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    chosen = {k: v for k, v in settings.items() if k.isupper() and k not in VOLATILE}
    digest.update(json.dumps(chosen, sort_keys=True, default=_stable).encode())
    return digest.hexdigest()[:16]


def separate(settings: dict, code_folders) -> None:
    """Point ``CACHE_PATH`` at this code's and settings' own folder; keep the media cache."""
    base = settings["CACHE_PATH"]
    settings.setdefault(
        "MEDIA_CACHE_PATH", os.path.join(os.path.dirname(os.path.normpath(base)), "media")
    )
    mine = os.path.join(base, fingerprint(settings, code_folders))
    os.makedirs(mine, exist_ok=True)
    os.utime(mine)
    others = sorted(
        (entry for entry in Path(base).iterdir() if entry.is_dir() and str(entry) != mine),
        key=lambda entry: entry.stat().st_mtime,
        reverse=True,
    )
    for old in others[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
    settings["CACHE_PATH"] = mine


def output_file(settings: dict, pattern: str) -> str:
    """A file kept beside Pelican's cache for one output folder: ``pattern`` with ``{output}``,
    named after the folder's path (a site built into two folders keeps two)."""
    output = os.path.abspath(settings["OUTPUT_PATH"])
    name = hashlib.sha256(output.encode()).hexdigest()[:12]
    return os.path.join(settings["CACHE_PATH"], pattern.format(output=name))


def no_stamps_without_cache(generator) -> None:
    """generator_init: no file stamps for a cache that is never kept.

    Pelican caches what it reads at one level (``CONTENT_CACHING_LAYER``): by default its
    readers', and its static generator's readers never. Yet a cache that is off still checks
    each file against itself and makes a stamp to keep in it: with ``CHECK_MODIFIED_METHOD =
    "md5"``, every post was read and hashed twice more per build by its generator, and every
    static file (a site's photos) twice by the static generator's readers, for nothing: a
    tenth of a one-post edit's build at 4,000 posts. The two methods of each cache that is off
    are made what they amount to: nothing is ever found, nothing kept. They are Pelican's public
    ones (``FileStampDataCacher.get_cached_data``, ``cache_data``), replaced on that
    generator or its readers only."""
    settings = generator.settings
    if not plugin_enabled(settings, "records"):
        return
    by_generator = settings.get("CONTENT_CACHING_LAYER") == "generator"
    if isinstance(generator, CachingGenerator) and not by_generator:
        _never_kept(generator)
    if isinstance(generator, StaticGenerator) or (by_generator and hasattr(generator, "readers")):
        _never_kept(generator.readers)


def _never_kept(cacher) -> None:
    cacher.get_cached_data = lambda filename, default=None: default
    cacher.cache_data = lambda filename, data: None
