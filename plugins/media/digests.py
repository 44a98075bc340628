"""The SHA-256 of each source image, kept from one build to the next.

A source's digest names everything made from it in the media cache, so every build needs the
digest of every image a page shows: at 4,000 posts, reading and hashing 1,000 photos (500 MB)
took half a second of each build, edits included. The digests are kept in the media cache
under each file's stamp (device, inode, size, modification and change times); a file is read
again only when one of those changed. Its change time cannot be set back by any program that
edits the file, so a stamp that matches is the same file, unchanged.

One exception, as Git's "racy clean" index entries: a file written within the clock's
granularity of being hashed could be written again and keep all its times. A digest taken
less than :data:`SETTLED` seconds after the file's last change is used in its own build but
not kept for the next.
"""

import contextlib
import os
import pickle
import time

FILE = "source-digests.pickle"
FORMAT = 1
SETTLED = 2.0  # seconds between a file's last change and its hashing for a digest to be kept


def stamp(found: os.stat_result) -> tuple[int, int, int, int, int]:
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


class KeptDigests:
    """The digests of the sources in the folder ``cache``, by path and stamp."""

    def __init__(self, cache: str):
        self.path = os.path.join(cache, FILE)
        self._known: dict[str, tuple[tuple, str]] = {}
        self._changed = False
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
            with open(self.path, "rb") as file:
                saved = pickle.load(file)
            if isinstance(saved, dict) and saved.get("format") == FORMAT:
                self._known = saved["digests"]

    def get(self, source: str, found: os.stat_result) -> str | None:
        known = self._known.get(source)
        return known[1] if known and known[0] == stamp(found) else None

    def add(self, source: str, found: os.stat_result, digest: str) -> None:
        if time.time_ns() - max(found.st_mtime_ns, found.st_ctime_ns) < SETTLED * 1e9:
            self._known.pop(source, None)
            return
        self._known[source] = (stamp(found), digest)
        self._changed = True

    def save(self, sources) -> None:
        """Keep the digests of ``sources`` (those this build used) for the next build."""
        kept = {source: self._known[source] for source in sources if source in self._known}
        if not self._changed and kept.keys() == self._known.keys():
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        temporary = f"{self.path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as file:
            pickle.dump({"format": FORMAT, "digests": kept}, file, protocol=5)
        os.replace(temporary, self.path)
        self._known, self._changed = kept, False
