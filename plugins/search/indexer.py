"""Runs Pagefind over the written site: one index per language, in ``<output>/pagefind/``.

Pagefind's own binary (shipped in the ``pagefind_bin`` wheel, found through the ``pagefind``
package, or named by ``PAGEFIND_BINARY_PATH``) is run as a command rather than through its
Python API: the API drives the same binary through an asyncio event loop, which cannot be
started inside the one ``invoke livereload`` already runs.

Pagefind indexes only the pages that carry ``data-pagefind-body`` (see :mod:`search.catalog`),
splits them by ``<html lang>``, and writes its JavaScript module, a web worker, one
WebAssembly file per language and the index chunks. The kit uses the JavaScript API with a
script of its own (``theme/static/js/search.js``), so the ready-made search interfaces that
Pagefind also writes are removed: nothing unused is published.

Pagefind holds every indexed page's words in memory. A site with more indexed pages than
``SEARCH_PART_PAGES`` is indexed in parts: its indexed pages, in the order of their paths,
are shared out between the runs, and each run sees only its own (hard links in a hidden
folder beside the output, ``.<output>.search-pages``; its files are removed afterwards, its
folders kept for the next build, see :mod:`records.folders`). The first part is
``pagefind/``, the others ``pagefind/part-2/``…; the search page searches every part
(``search_parts``). A part whose pages did not change since the last build keeps its index
(:func:`build_index`).
"""

import filecmp
import logging
import os
import pickle
import re
import shutil
import subprocess
import time
from dataclasses import dataclass

from records import ContentError, empty_tree

from .settings import BUNDLE, SearchSettings

PARTS_FORMAT = 1  # bump when what load_parts reads changes
BODY_MARK = b"data-pagefind-body"  # the attribute of an indexed page (search.catalog)

logger = logging.getLogger(__name__)

# Pagefind's ready-made interfaces and its highlighting script: the kit has its own.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(ContentError):
    """The search index could not be built: the build ends with this one line and exit
    code 1, and the previous output stays as it was."""


def executable() -> str:
    try:
        from pagefind.service import get_executable  # noqa: PLC0415 — only when indexing
    except ImportError:
        found = None
    else:
        found = get_executable()
    if found is None:
        raise SearchIndexError(
            "SEARCH: Pagefind is not installed — run .venv/bin/pip install -r requirements.txt "
            "(pagefind[bin]), or set SEARCH = False to build without a search index"
        )
    return str(found)


def part_folder(part: int) -> str:
    """The folder of the index's ``part`` (from 1), under the output."""
    return BUNDLE if part == 1 else f"{BUNDLE}/part-{part}"


PART_FOLDER = re.compile(r"part-\d+")


@dataclass(frozen=True)
class Part:
    """One Pagefind run of a build: the pages it indexed, and the identity of the index it
    wrote (its ``pagefind-entry.json``: device, inode, size, time), by which a later build
    knows the same index is still in the output."""

    pages: tuple[str, ...]
    entry: tuple[int, int, int, int]


def build_index(
    output: str,
    conf: SearchSettings,
    parts: int = 1,
    earlier: tuple[str, list[Part]] = ("", []),
    farm: str = "",
) -> tuple[list[Part], int]:
    """Index the site written in ``output`` in ``parts`` runs; return them, and how many were
    the earlier build's, kept. ``earlier``: the output this one replaces and its parts. A part
    whose pages are those of the earlier build's, every one the very file it indexed then (the
    writer keeps an unchanged page as a hard link), keeps its index: Pagefind's output depends
    on those pages alone (and on its version and settings, which name the parts' record). A
    page written again with the same bytes counts as the same. ``farm``: the folder where a
    part's pages are linked for its run (:func:`page_folder`), by default beside ``output``."""
    bundle = os.path.join(output, BUNDLE)
    if os.path.isfile(os.path.join(bundle, "pagefind-entry.json")) and not os.path.islink(bundle):
        shutil.rmtree(bundle)  # an earlier build's index (a build not staged writes in place)
    elif os.path.lexists(bundle):
        raise SearchIndexError(
            f"{BUNDLE}/: the build wrote something there already, where the search index "
            "goes — move that file or page elsewhere, or set SEARCH = False"
        )
    started = time.perf_counter()
    pages = _indexed_pages(output)
    if len(pages) < parts:  # the search page was written with this many parts to search
        raise SearchIndexError(
            f"SEARCH: {len(pages)} pages carry Pagefind's mark where {parts} parts were "
            "planned — report this as a bug in the kit, or set SEARCH_PART_PAGES higher"
        )
    previous, before = earlier
    farm = farm or page_folder(output)
    done, kept = [], 0
    try:
        for number, share in enumerate(_shares(pages, parts), 1):
            target = os.path.join(output, part_folder(number))
            old = before[number - 1] if number <= len(before) else None
            if old and _keep(old, share, previous, output, number):
                kept += 1
            else:
                _empty(farm)
                for relative in share:
                    _link(os.path.join(output, relative), os.path.join(farm, relative))
                _run(farm, target, conf, conf.timeout - (time.perf_counter() - started))
            done.append(Part(tuple(share), _identity(os.path.join(target, "pagefind-entry.json"))))
    except BaseException:
        shutil.rmtree(bundle, ignore_errors=True)
        raise
    finally:
        _empty(farm)
    return done, kept


def page_folder(output: str) -> str:
    """The folder beside the published ``output`` where a part's pages are linked for its
    Pagefind run: hidden, and named after the output, as the staging folder is."""
    parent, name = os.path.split(output.rstrip(os.sep))
    return os.path.join(parent, f".{name}.search-pages")


def _empty(farm: str) -> None:
    if os.path.islink(farm) or os.path.isfile(farm):
        os.unlink(farm)
    elif os.path.isdir(farm):
        empty_tree(farm)


def load_parts(path: str, conf: SearchSettings) -> list[Part]:
    """The parts an earlier build recorded in ``path``, if the same Pagefind with the same
    settings made them; else none."""
    try:
        with open(path, "rb") as file:
            saved = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return []
    if not isinstance(saved, dict) or saved.get("made_by") != _made_by(conf):
        return []
    return saved.get("parts") or []


def save_parts(path: str, conf: SearchSettings, parts: list[Part]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.tmp"
    with open(temporary, "wb") as file:
        pickle.dump({"made_by": _made_by(conf), "parts": parts}, file, protocol=5)
    os.replace(temporary, path)


def _made_by(conf: SearchSettings) -> tuple:
    """What Pagefind's index depends on besides the pages: its binary and the kit's options."""
    binary = executable()
    found = os.stat(binary)
    return (PARTS_FORMAT, binary, found.st_size, found.st_mtime_ns, conf.exclude)


def _same_page(now: str, then: str) -> bool:
    """Whether the page ``now`` is the one ``then``: kept by the writer (the same file), or
    written again with the same bytes."""
    return os.path.samefile(now, then) or filecmp.cmp(now, then, shallow=False)


def _identity(path: str) -> tuple[int, int, int, int]:
    found = os.stat(path)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def _keep(old: Part, share: list[str], previous: str, output: str, number: int) -> bool:
    """Put the earlier build's index of part ``number`` in place, if it indexed exactly
    ``share`` as it is now; else leave everything as it is and say no."""
    if not previous or old.pages != tuple(share):
        return False
    source = os.path.join(previous, part_folder(number))
    try:
        if _identity(os.path.join(source, "pagefind-entry.json")) != old.entry:
            return False
        if not all(
            _same_page(os.path.join(output, page), os.path.join(previous, page)) for page in share
        ):
            return False
    except OSError:
        return False
    target = os.path.join(output, part_folder(number))
    for folder, subfolders, files in os.walk(source):
        if folder == source:  # the other parts' folders are theirs
            subfolders[:] = [name for name in subfolders if not PART_FOLDER.fullmatch(name)]
        for name in files:
            path = os.path.join(folder, name)
            _link(path, os.path.join(target, os.path.relpath(path, source)))
    return True


def _indexed_pages(output: str) -> list[str]:
    """The pages of ``output`` that Pagefind indexes, by path."""
    found = []
    for folder, subfolders, files in os.walk(output):
        subfolders[:] = [name for name in subfolders if name != BUNDLE or folder != output]
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, "rb") as page:
                    if BODY_MARK in page.read():
                        found.append(os.path.relpath(path, output))
    return sorted(found)


def _shares(pages: list[str], parts: int) -> list[list[str]]:
    """``pages`` in ``parts`` runs of consecutive pages, as even as can be."""
    size, extra = divmod(len(pages), parts)
    shares, start = [], 0
    for part in range(parts):
        end = start + size + (part < extra)
        shares.append(pages[start:end])
        start = end
    return shares


def _link(source: str, target: str) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system: a copy
        shutil.copyfile(source, target)


def _run(site: str, bundle: str, conf: SearchSettings, timeout: float) -> None:
    """One Pagefind run over ``site``, its index written in ``bundle``."""
    command = [executable(), "--site", site, "--output-path", bundle, "--quiet"]
    for selector in conf.exclude:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=max(timeout, 1),
            check=False,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(bundle, ignore_errors=True)
        raise SearchIndexError(
            f"SEARCH: Pagefind took more than {conf.timeout:g} seconds to index the site — "
            "raise SEARCH_TIMEOUT, or set SEARCH = False"
        ) from None
    except OSError as error:
        raise SearchIndexError(
            f"SEARCH: Pagefind could not be run ({error.strerror or error}) — reinstall it "
            "with .venv/bin/pip install -r requirements.txt, or set SEARCH = False"
        ) from None
    if done.returncode != 0 or not os.path.isfile(os.path.join(bundle, "pagefind.js")):
        raise SearchIndexError(
            f"SEARCH: Pagefind failed: {_reason(done.stdout + done.stderr, done.returncode)} — "
            "fix what it says, or set SEARCH = False to build without a search index"
        )
    for line in (done.stdout + done.stderr).splitlines():
        if line.strip():
            logger.debug("pagefind: %s", line.strip())
    for name in UNUSED:
        path = os.path.join(bundle, name)
        if os.path.isfile(path):
            os.remove(path)


def _reason(text: str, code: int) -> str:
    """Pagefind's own message, on one line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    found = (errors or lines or [f"exit code {code}"])[-1]
    return found if len(found) <= 200 else found[:197] + "…"
