"""What the build benchmarks share: one real `pelican` run in a fresh process, timed.

Caches live under one folder per benchmark (Pelican's reader cache in ``pelican/``, the media
cache beside it in ``media/``), so that "cold" removes both and "warm" keeps both.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1768910400"  # 2026-01-20 12:00 UTC, as in the tests


def pelican_run(
    content: Path, output: Path, caches: Path, cold: bool, settings: dict | None = None
) -> tuple[float, str]:
    """Build ``content`` into ``output`` (``settings`` over pelicanconf.py's); return the wall
    time and the build's log."""
    if cold:
        shutil.rmtree(caches, ignore_errors=True)
    # One -e for every setting: Pelican keeps only the last -e's values.
    extra = {"CACHE_PATH": str(caches / "pelican"), **(settings or {})}
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "-v", "-e", *(f"{k}={json.dumps(v)}" for k, v in extra.items()),
    ]  # fmt: skip
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, done.stdout + done.stderr


def summary(times: list[float]) -> str:
    runs = ", ".join(f"{seconds:.2f}" for seconds in times)
    return f"median {statistics.median(times):.2f} s (runs {runs})"


def count_files(output: Path, pattern: str) -> int:
    return sum(1 for _ in output.rglob(pattern))
