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
"""

import logging
import os
import shutil
import subprocess
import time

from records import ContentError

from .settings import BUNDLE, SearchSettings

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


def build_index(output: str, conf: SearchSettings) -> float:
    """Index the site written in ``output``; return the seconds it took."""
    bundle = os.path.join(output, BUNDLE)
    if os.path.isfile(os.path.join(bundle, "pagefind-entry.json")) and not os.path.islink(bundle):
        shutil.rmtree(bundle)  # an earlier build's index (a build not staged writes in place)
    elif os.path.lexists(bundle):
        raise SearchIndexError(
            f"{BUNDLE}/: the build wrote something there already, where the search index "
            "goes — move that file or page elsewhere, or set SEARCH = False"
        )
    command = [executable(), "--site", output, "--output-subdir", BUNDLE, "--quiet"]
    for selector in conf.exclude:
        command += ["--exclude-selectors", selector]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=conf.timeout,
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
    return time.perf_counter() - started


def _reason(text: str, code: int) -> str:
    """Pagefind's own message, on one line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    found = (errors or lines or [f"exit code {code}"])[-1]
    return found if len(found) <= 200 else found[:197] + "…"
