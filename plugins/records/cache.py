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
    """static_generator_init: Pelican's static generator keeps no cache of the files it finds
    (its readers are made without a cache name), yet its readers still check each file against
    that empty cache, and make a stamp to keep in it: with ``CHECK_MODIFIED_METHOD = "md5"``,
    every static file (a site's photos) was read and hashed twice in every build, for nothing
    (a tenth of a one-post edit's build at 4,000 posts). Its two cache methods are made what
    they amount to there: nothing is ever found, nothing kept. The methods are Pelican's public
    ones (``FileStampDataCacher``), replaced on this generator's readers only."""
    if not plugin_enabled(generator.settings, "records"):
        return
    readers = generator.readers
    readers.get_cached_data = lambda filename, default=None: default
    readers.cache_data = lambda filename, data: None
