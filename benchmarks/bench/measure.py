"""One build in a fresh process tree, measured: wall and CPU time, pages, peak memory, output.

Memory is measured over the whole tree, because the media plugin encodes images in a pool of
worker processes started by a forkserver, which the ``pelican`` process never waits for:

- ``peak_process_mib``: the largest peak resident set size of any single process of the tree
  (``ru_maxrss`` from ``wait4``). Exact: this process becomes a child subreaper
  (``PR_SET_CHILD_SUBREAPER``), so the forkserver and any worker orphaned when ``pelican``
  exits are re-parented to it and reaped here, each with its own and its children's usage.
- ``peak_tree_mib``: the largest sum, over the tree's live processes, of their proportional
  set size (PSS: a page shared by n processes counts 1/n in each), sampled every 0.1 s from
  ``/proc``. What the build held in memory at its peak, give or take what happened between
  two samples; below the first figure for a build of one process, whose pages shared with
  other programs (libraries) count only in part.

``cpu_s`` is the user and system time of every process of the tree, from the same ``wait4``
usages: a figure less sensitive than wall time to other work on the machine.
"""

import ctypes
import hashlib
import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
SAMPLE_SECONDS = 0.1


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    pages: int
    peak_process_mib: float
    peak_tree_mib: float
    processes: int  # the most processes the tree had at once


class BuildFailed(Exception):
    """A build that exited with an error; ``summary`` is its last error line."""

    def __init__(self, log: str):
        lines = [" ".join(line.split()) for line in log.splitlines() if line.strip()]
        errors = [line for line in lines if "ERROR" in line or "CRITICAL" in line]
        self.summary = (errors or lines or ["(no output)"])[-1]
        super().__init__(self.summary)


def become_subreaper() -> None:
    """Orphaned descendants of this process are re-parented to it (Linux only)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    stat = handle.read()
            except OSError:  # gone meanwhile
                continue
            parent = int(stat.rsplit(b")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending += children.get(pid, [])
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):  # gone, or a zombie
        pass
    return 0


class _TreeSampler(threading.Thread):
    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root, self.peak_kib, self.processes = root, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            pids = _descendants(self.root)
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in pids))
            self.processes = max(self.processes, len(pids))


def run_tree(
    command: list[str], cwd: Path, env: dict, log: Path
) -> tuple[float, float, int, int, int]:
    """Run ``command``; return wall s, CPU s, peak process KiB, peak tree KiB, processes.
    Raises BuildFailed if it fails."""
    with open(log, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=output)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        usages = [usage]
        while True:  # the orphans: the forkserver, and through it the workers
            try:
                usages.append(os.wait4(-1, 0)[2])
            except ChildProcessError:
                break
        sampler.join()
    if process.returncode:
        raise BuildFailed(log.read_text(encoding="utf-8", errors="replace"))
    cpu = sum(u.ru_utime + u.ru_stime for u in usages)
    peak = max(u.ru_maxrss for u in usages)  # KiB on Linux
    return wall, cpu, peak, sampler.peak_kib, sampler.processes


def measure(command: list[str], cwd: Path, env: dict, output: Path, log: Path) -> Run:
    wall, cpu, peak, tree, processes = run_tree(command, cwd, env, log)
    return Run(
        wall_s=wall,
        cpu_s=cpu,
        pages=sum(1 for _ in output.rglob("*.html")),
        peak_process_mib=peak / 1024,
        peak_tree_mib=tree / 1024,
        processes=processes,
    )


# Pagefind writes its filter and metadata indexes in an arbitrary order, so that two cold
# builds of the same site already differ there (Pagefind/pagefind#638: its fragments are stable
# since 1.3, those files not), in each part of the index (``pagefind/part-2/``…). The pages
# it indexes are compared like every other file.
UNSTABLE = re.compile(r"pagefind/(part-\d+/)?(filter/|pagefind\.|pagefind-entry\.json)")


def digests(output: Path) -> dict[str, str]:
    """Every file and folder of ``output`` by its mode and, for a file, the SHA-256 of its
    bytes (a symbolic link by its target); Pagefind's :data:`UNSTABLE` files are left out."""
    found = {}
    for path in sorted(output.rglob("*")):
        if UNSTABLE.match(path.relative_to(output).as_posix()):
            continue
        mode = f"{path.lstat().st_mode:o}"
        if path.is_symlink():
            found[str(path.relative_to(output))] = f"{mode} {os.readlink(path)}"
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(output))] = f"{mode} {digest}"
        else:
            found[str(path.relative_to(output))] = mode
    return found


def differences(expected: dict[str, str], found: dict[str, str]) -> list[str]:
    """The paths that differ between two ``digests``, each with how."""
    lines = [f"missing: {p}" for p in sorted(expected.keys() - found.keys())]
    lines += [f"extra: {p}" for p in sorted(found.keys() - expected.keys())]
    lines += [f"differs: {p}" for p in sorted(expected) if p in found and expected[p] != found[p]]
    return lines
