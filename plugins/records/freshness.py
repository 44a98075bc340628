"""A build that would write exactly what ``output/`` already holds is not run at all.

After every clean build (no content issue, no warning) the core keeps a note beside Pelican's
cache (:data:`NOTE`), whose folder is already named after the kit's code and every setting
(:mod:`records.cache`):

- ``inputs``: a digest of every file under the content folder and the theme, and any folder of
  templates overriding it (path, size,
  modification and change times, inode: a file rewritten with the same size and time still
  differs by its change time), and of the versions of the packages whose output the site
  carries (Pelican, Jinja, Markdown, Babel, Pillow, nh3, tzdata, icalendar);
- ``now`` and ``until``: the build's instant, and the first instant at which what it wrote
  would differ with nothing else changed (the next midnight in the site's zone; an event
  starting or ending, a campaign's day turning: each plugin notes its own with
  :func:`records.changes_at`);
- ``output``: a digest of every file the build left in the output folder (path, size,
  modification time, inode), so that a file changed or removed there is noticed.

The next run compares: when the inputs, the code and settings (the folder), the output and
the clock (``now`` no earlier than the note's, and before ``until``) all agree, it says so in
one line and stops; Pelican is not even asked to read. Otherwise it builds as usual.
"""

import contextlib
import hashlib
import json
import logging
import os
from datetime import datetime
from importlib import metadata

from .cache import output_file

logger = logging.getLogger(__name__)

NOTE = "last-build-{output}.json"
PACKAGES = ("pelican", "jinja2", "markdown", "babel", "pillow", "nh3", "tzdata", "icalendar")
CHANGES_KEY = "records_changes_at"


def changes_at(context: dict, when: datetime) -> None:
    """Note ``when`` (after the build's ``now``), an instant at which this build's pages would
    change with no file changed: a later build finding nothing else changed runs from then."""
    noted = context.get(CHANGES_KEY)
    if noted is None or when < noted:
        context[CHANGES_KEY] = when


def _versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)


def _walk(root: str, skip: frozenset = frozenset()):
    """(relative path, stat) of every file and link under ``root``, in a stable order."""
    for folder, subfolders, files in os.walk(root):
        top = folder == root
        subfolders[:] = sorted(name for name in subfolders if not (top and name in skip))
        for name in sorted(files):
            if top and name in skip:
                continue
            path = os.path.join(folder, name)
            try:
                yield os.path.relpath(path, root), os.lstat(path)
            except FileNotFoundError:
                continue


def _add_tree(digest, label: str, root: str) -> None:
    root = os.path.abspath(root)
    digest.update(f"\0{label}\0{root}\n".encode())
    for relative, info in _walk(root):
        digest.update(
            f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}"
            f"\0{info.st_ino}\0{info.st_mode}\n".encode()
        )


def theme_digest(settings: dict) -> str:
    """The theme (templates, catalogs, files) and any folder of templates that overrides it,
    with the versions of the packages that render them, as one digest."""
    digest = hashlib.sha256(_versions().encode())
    _add_tree(digest, "THEME", settings["THEME"])
    for folder in settings.get("THEME_TEMPLATES_OVERRIDES") or ():
        _add_tree(digest, "OVERRIDES", folder)
    return digest.hexdigest()


def inputs_digest(settings: dict) -> str:
    """What the build reads besides its code and settings, as one digest."""
    digest = hashlib.sha256(theme_digest(settings).encode())
    _add_tree(digest, "PATH", settings["PATH"])
    return digest.hexdigest()


def output_digest(output: str, retained) -> str:
    """The output folder as it stands (the names kept by ``OUTPUT_RETENTION`` left out)."""
    digest = hashlib.sha256()
    for relative, info in _walk(output, frozenset(retained)):
        digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\n".encode())
    return digest.hexdigest()


def _note_path(settings: dict) -> str:
    return output_file(settings, NOTE)


def forget(settings: dict) -> None:
    """Drop the note: the next build runs whatever it finds."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(_note_path(settings))


def remember(settings: dict, inputs: str, now: datetime, until: datetime | None) -> None:
    """After a clean build whose output is in place: note what it was made from."""
    output = os.path.abspath(settings["OUTPUT_PATH"])
    note = {
        "inputs": inputs,
        "now": now.isoformat(),
        "until": until.isoformat() if until else None,
        "output": output_digest(output, settings.get("OUTPUT_RETENTION", [])),
    }
    path = _note_path(settings)
    temporary = f"{path}.tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        json.dump(note, file)
    os.replace(temporary, path)


def up_to_date(settings: dict, inputs: str, now: datetime) -> bool:
    """Whether the last clean build's output is what a build now would write."""
    try:
        with open(_note_path(settings), encoding="utf-8") as file:
            note = json.load(file)
        then = datetime.fromisoformat(note["now"])
        until = note["until"] and datetime.fromisoformat(note["until"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if note["inputs"] != inputs or now < then or (until and now >= until):
        return False
    output = os.path.abspath(settings["OUTPUT_PATH"])
    if not os.path.isdir(output):
        return False
    return note["output"] == output_digest(output, settings.get("OUTPUT_RETENTION", []))
