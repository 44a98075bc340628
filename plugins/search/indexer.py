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
are shared out between the runs, and each run sees only its own (hard links in a folder
beside the output, removed afterwards). The first part is ``pagefind/``, the others
``pagefind/part-2/``…; the search page searches every part (``search_parts``).
"""

import logging
import os
import shutil
import subprocess
import time

from records import ContentError

from .settings import BUNDLE, SearchSettings

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


def build_index(output: str, conf: SearchSettings, parts: int = 1) -> float:
    """Index the site written in ``output``, in ``parts`` runs; return the seconds it took."""
    bundle = os.path.join(output, BUNDLE)
    if os.path.isfile(os.path.join(bundle, "pagefind-entry.json")) and not os.path.islink(bundle):
        shutil.rmtree(bundle)  # an earlier build's index (a build not staged writes in place)
    elif os.path.lexists(bundle):
        raise SearchIndexError(
            f"{BUNDLE}/: the build wrote something there already, where the search index "
            "goes — move that file or page elsewhere, or set SEARCH = False"
        )
    started = time.perf_counter()
    if parts == 1:
        _run(output, bundle, conf, conf.timeout)
        return time.perf_counter() - started
    pages = _indexed_pages(output)
    if len(pages) < parts:  # the search page was written with this many parts to search
        raise SearchIndexError(
            f"SEARCH: {len(pages)} pages carry Pagefind's mark where {parts} parts were "
            "planned — report this as a bug in the kit, or set SEARCH_PART_PAGES higher"
        )
    farm = f"{output.rstrip(os.sep)}.search-part"
    try:
        for part, share in enumerate(_shares(pages, parts), 1):
            shutil.rmtree(farm, ignore_errors=True)
            for relative in share:
                _link(os.path.join(output, relative), os.path.join(farm, relative))
            left = conf.timeout - (time.perf_counter() - started)
            _run(farm, os.path.join(output, part_folder(part)), conf, left)
    except BaseException:
        shutil.rmtree(bundle, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(farm, ignore_errors=True)
    return time.perf_counter() - started


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
