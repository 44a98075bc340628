"""The build's image pipeline: plan during context building, process once, write at the end.

A plugin :meth:`Pipeline.submit` s a source file with a recipe and gets a :class:`Ticket`
at once (the source's bytes are hashed then, so the output names are known). :meth:`run`
processes every ticket still pending, all at once: results already in the cache are read
back, the others are processed on every core and stored in the cache. :meth:`write` puts the
files into the output folder through the build's writer, hard-linked (or copied) from the cache.

``run(background=True)`` does not wait for a job whose recipe knows its files beforehand
(:meth:`~media.Recipe.layout`: JPEG photos at several widths, share cards, posters): its
tickets get those files at once, and the job runs on the other cores while the build renders
its pages; :meth:`wait` collects them, before the files are written. So both cores work
from the moment the images are known, instead of the build waiting for them.

Cache layout, under ``MEDIA_CACHE_PATH``: ``<k[:2]>/<k>.json`` (the manifest: the files made,
their sizes, or the error the source gave) and ``<k[:2]>/<k>-<label>.<ext>``, where ``k`` is
the SHA-256 of the source's bytes, the recipe and the limits. A manifest is written last, so
an entry without one is incomplete and is made again.
"""

import collections
import concurrent.futures
import contextlib
import functools
import hashlib
import io
import json
import logging
import multiprocessing
import os
import site
import tempfile
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import astuple, dataclass, field
from pathlib import Path

from .digests import KeptDigests
from .errors import MediaError
from .images import millions
from .recipes import Limits, Recipe
from .settings import MediaSettings

logger = logging.getLogger(__name__)

# Part of every key: bump it when a change to this package changes what it writes.
CORE_VERSION = "4"
CONTEXT_KEY = "media_pipeline"
OWNER = "the media pipeline"  # the owner of its files in the build's writer
_PLUGINS_DIR = str(Path(__file__).resolve().parent.parent)

_latest_stats = None  # the stats of the last pipeline run in this process, for tests


@dataclass
class Stats:
    """What one build's pipeline did. ``jobs``, ``from_cache``, ``processed`` and ``encoded``
    (files encoded, not read from the cache) count source images; ``drawings``,
    ``drawings_from_cache`` and ``drawn`` (files drawn) count share cards and posters."""

    jobs: int = 0
    from_cache: int = 0
    processed: int = 0
    encoded: int = 0
    drawings: int = 0
    drawings_from_cache: int = 0
    drawn: int = 0
    failed: int = 0
    checked: int = 0  # sources and drawings of a check-only run, none processed
    seconds: float = 0.0
    workers: int = 1

    def __str__(self) -> str:
        return (
            f"{self.jobs} images: {self.processed} processed ({self.encoded} files encoded), "
            f"{self.from_cache} from the cache, {self.failed} with errors; "
            f"{self.drawings} drawings: {self.drawn} files drawn, "
            f"{self.drawings_from_cache} from the cache; "
            f"{self.seconds:.2f} s on {self.workers} processes"
        )


def latest_stats() -> Stats | None:
    """The stats of the pipeline that ran last in this process (tests read it)."""
    return _latest_stats


@dataclass(frozen=True)
class Job:
    """Everything a worker process needs; small and picklable."""

    key: str
    source: str
    digest: str
    is_svg: bool
    recipe: Recipe
    limits: Limits
    cache_dir: str


@dataclass(frozen=True)
class OutputFile:
    """One written file: ``url`` is relative to the site root."""

    url: str
    label: str
    fmt: str
    width: int
    height: int
    cached: str = field(repr=False, default="")


@dataclass
class Ticket:
    """A request for one source with one recipe; ``error`` or ``files`` once the pipeline ran."""

    key: str
    source: str
    output_dir: str
    name: str
    save_as: str = ""  # the one file's exact path in the output, instead of a hashed name
    error: MediaError | None = None
    notes: list = field(default_factory=list)
    files: list[OutputFile] = field(default_factory=list)
    done: bool = False

    def file(self, label: str, fmt: str) -> OutputFile | None:
        return next((f for f in self.files if f.label == label and f.fmt == fmt), None)


def _entry(cache_dir: str, key: str, name: str) -> str:
    return os.path.join(cache_dir, key[:2], name)


def _write_atomically(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)  # as readable as the output it is hard-linked into
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def read_manifest(cache_dir: str, key: str) -> dict | None:
    """The cached result for ``key``, or None when it is missing or incomplete."""
    try:
        with open(_entry(cache_dir, key, f"{key}.json"), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    files = manifest.get("files", [])
    if not all(os.path.isfile(_entry(cache_dir, key, f["file"])) for f in files):
        return None
    return manifest


def _source(job: Job) -> bytes:
    """The bytes of the job's source, as they were hashed when it was submitted."""
    try:
        with open(job.source, "rb") if job.source else io.BytesIO() as source:
            data = source.read(job.limits.max_file_bytes + 1)  # larger: it changed
    except OSError:
        data = None
    if data is None or (job.source and hashlib.sha256(data).hexdigest() != job.digest):
        raise MediaError(
            "changed or disappeared while the site was being built", "build the site again"
        )
    return data


def check_job(job: Job) -> dict:
    """The manifest of a check-only run: no file, and the error a build would give for a
    source of the wrong kind or size (:meth:`Recipe.check`). A drawing is not checked."""
    manifest: dict = {"key": job.key, "files": [], "notes": [], "error": None}
    try:
        if job.source:
            job.recipe.check(_source(job), job.is_svg, job.limits)
    except MediaError as error:
        manifest["error"] = error.as_dict()
    return manifest


def run_job(job: Job) -> dict:
    """Process one source into the cache and return its manifest. Runs in a worker process."""
    manifest: dict = {"key": job.key, "files": [], "notes": [], "error": None}
    try:
        data = _source(job)
    except MediaError as error:
        manifest["error"] = error.as_dict()
        return {**manifest, "encoded": 0, "transient": True}
    try:
        renditions, notes = job.recipe.render(data, job.is_svg, job.limits)
    except MediaError as error:
        manifest["error"] = error.as_dict()
        renditions, notes = [], []
    manifest["notes"] = notes
    for rendition in renditions:
        name = f"{job.key}-{rendition.label}.{rendition.fmt}"
        _write_atomically(_entry(job.cache_dir, job.key, name), rendition.data)
        manifest["files"].append(
            {
                "file": name,
                "label": rendition.label,
                "fmt": rendition.fmt,
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    text = json.dumps(manifest, sort_keys=True).encode()
    _write_atomically(_entry(job.cache_dir, job.key, f"{job.key}.json"), text)
    return {**manifest, "encoded": len(renditions)}


def _broken(job: Job) -> dict:
    """The manifest of a job whose worker died (most likely out of memory)."""
    error = MediaError(
        "made the image processor fail (probably out of memory)",
        "save a smaller version of the image",
    )
    return {"key": job.key, "files": [], "notes": [], "encoded": 0, "error": error.as_dict()}


def _planned(key: str, layout: list[tuple]) -> dict:
    """The manifest a job will give, from its recipe's layout."""
    files = [
        {"file": f"{key}-{label}.{fmt}", "label": label, "fmt": fmt, "width": w, "height": h}
        for label, fmt, w, h in layout
    ]
    return {"key": key, "files": files, "notes": [], "error": None}


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    # Never fork a build that may have threads (livereload, a test's web server).
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class Pipeline:
    """All image work of one build. Get it with :func:`media.pipeline_for`."""

    def __init__(self, settings: MediaSettings):
        global _latest_stats
        self.settings = settings
        self.limits = Limits(settings.max_pixels, settings.max_svg_bytes, settings.max_file_bytes)
        self.stats = Stats()
        _latest_stats = self.stats
        self._tickets: list[Ticket] = []
        self._jobs: dict[str, Job] = {}
        self._results: dict[str, dict] = {}
        # Background jobs (run(background=True)): those not yet landed, by key; the queue not
        # yet handed to a worker; the manifests landed; a lock the pool's thread shares.
        self._background: dict[str, Job] = {}
        self._queue: collections.deque[Job] = collections.deque()
        self._landed: list[tuple[Job, dict | BaseException]] = []
        self._in_flight = 0
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._changed = threading.Condition(threading.RLock())
        self._digests: dict[str, tuple[tuple, str]] = {}  # source -> (size, time, inode), digest
        self._kept = KeptDigests(settings.cache_path)  # the digests of earlier builds

    def submit(
        self, source: str, recipe: Recipe, output_dir: str, name: str, save_as: str = ""
    ) -> Ticket:
        """Plan ``source`` (an absolute path) through ``recipe``; files go to ``output_dir``.

        With ``save_as`` (a recipe that makes one file, such as :class:`~media.Clean`), that
        file is written at exactly this path of the output instead.
        """
        try:
            key = self._job(source, recipe)
        except MediaError as error:
            ticket = Ticket("", source, output_dir, name, save_as, error=error, done=True)
            self._tickets.append(ticket)
            return ticket
        ticket = Ticket(key, source, output_dir, name, save_as)
        self._tickets.append(ticket)
        return ticket

    def prefetch(self, source: str, recipe: Recipe) -> None:
        """Start ``source`` through ``recipe`` before anyone asks for it: at the next
        :meth:`run`, in the background if its recipe has a layout. Nothing is written unless a
        :meth:`submit` of the same source and recipe asks for it; :meth:`drop_unclaimed` drops
        what nobody asked for and has not started. A source that cannot be read is left to
        whoever submits it."""
        with contextlib.suppress(MediaError):
            self._job(source, recipe)

    def drop_unclaimed(self) -> None:
        """Forget the prefetched background jobs that no ticket asks for and that have not
        started: the build does not wait for them."""
        claimed = {ticket.key for ticket in self._tickets}
        with self._changed:
            dropped = [job for job in self._queue if job.key not in claimed]
            for job in dropped:
                self._queue.remove(job)
                del self._background[job.key]
                del self._results[job.key]
            self._changed.notify_all()

    def _job(self, source: str, recipe: Recipe) -> str:
        """The key of ``source`` through ``recipe``, its job made if it is new."""
        is_svg = source.lower().endswith(".svg")
        digest = self._digest(source)
        material = json.dumps([CORE_VERSION, digest, is_svg, recipe.key(), *astuple(self.limits)])
        key = hashlib.sha256(material.encode()).hexdigest()
        if key not in self._jobs and key not in self._results:
            self._jobs[key] = Job(
                key, source, digest, is_svg, recipe, self.limits, self.settings.cache_path
            )
        return key

    def _digest(self, source: str) -> str:
        """The SHA-256 of ``source``, read in pieces: it may be far larger than the limit.
        Once per file and build while its size and time are the same, and not at all while
        the file is as an earlier build hashed it (:mod:`media.digests`)."""
        try:
            found = os.stat(source)
        except OSError:
            found = None
        stamp = found and (found.st_size, found.st_mtime_ns, found.st_ino)
        known = self._digests.get(source)
        if stamp and known and known[0] == stamp:
            return known[1]
        digest = None
        if found and found.st_size <= self.limits.max_file_bytes:
            digest = self._kept.get(source, found)
        if digest is None:
            digest = self._read_digest(source)
            if found:
                self._kept.add(source, found, digest)
        if stamp:
            self._digests[source] = (stamp, digest)
        return digest

    def _read_digest(self, source: str) -> str:
        try:
            with open(source, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size <= self.limits.max_file_bytes:
                    return hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as error:
            raise MediaError(
                f"could not be read ({error.strerror or error})",
                "check that the file exists and can be read",
            ) from None
        raise MediaError(
            f"is a {millions(size)} MB file; "
            f"the limit is {millions(self.limits.max_file_bytes)} MB",
            "save a smaller version of the image",
        )

    def submit_drawing(self, recipe: Recipe, output_dir: str, name: str) -> Ticket:
        """Plan a picture drawn from ``recipe`` alone (a share card, a poster): no source file.

        The recipe's key must name every input it reads (texts, colours, the font's and the
        logos' hashes), so that the drawing is made again exactly when one of them changes.
        """
        material = json.dumps([CORE_VERSION, "drawing", recipe.key()])
        key = hashlib.sha256(material.encode()).hexdigest()
        if key not in self._jobs and key not in self._results:
            self._jobs[key] = Job(key, "", "", False, recipe, self.limits, self.settings.cache_path)
        ticket = Ticket(key, "", output_dir, name)
        self._tickets.append(ticket)
        return ticket

    def run(self, background: bool = False) -> Stats:
        """Process every pending job once (from the cache when possible); return the stats.
        In a check-only run, only check each source (:func:`check_job`); the cache is left
        alone. With ``background`` (and more than one worker), the jobs whose recipe has a
        layout are started and not waited for: :meth:`wait` must be called before
        :meth:`write` can write their files."""
        started = time.perf_counter()
        pending = self._jobs
        self._jobs = {}
        if self.settings.check_only:
            for key, job in pending.items():
                self._results[key] = check_job(job)
            for ticket in self._tickets:
                if not ticket.done and ticket.key in self._results:
                    self._settle(ticket, self._results[ticket.key])
            self.stats.checked += len(pending)
            return self.stats
        missing = []
        for key, job in pending.items():
            manifest = read_manifest(self.settings.cache_path, key)
            if manifest is None:
                missing.append(job)
            else:
                self._results[key] = manifest
                if job.source:
                    self.stats.from_cache += 1
                else:
                    self.stats.drawings_from_cache += 1
        if background and self.settings.workers > 1:
            missing = self._start(missing)
        for manifest in self._process(missing):
            self._results[manifest["key"]] = manifest
            self._count(pending[manifest["key"]], manifest)
        drawings = sum(1 for job in pending.values() if not job.source)
        self.stats.jobs += len(pending) - drawings
        self.stats.drawings += drawings
        for ticket in self._tickets:
            if not ticket.done and ticket.key in self._results:
                self._settle(ticket, self._results[ticket.key])
        self.stats.seconds += time.perf_counter() - started
        if pending and not self._background:
            logger.info("media: %s", self.stats)
        return self.stats

    def _count(self, job: Job, manifest: dict) -> None:
        if job.source:
            self.stats.processed += 1
            self.stats.encoded += manifest["encoded"]
        else:
            self.stats.drawn += manifest["encoded"]

    def _start(self, jobs: list[Job]) -> list[Job]:
        """Queue for the background each job whose recipe has a layout, its result being
        that layout until :meth:`wait`; return the others. A source the layout finds
        unusable gets its error at once."""
        others = []
        for job in jobs:
            try:
                layout = job.recipe.layout(_source(job), job.is_svg, job.limits)
            except MediaError as error:
                manifest = {"key": job.key, "files": [], "notes": [], "encoded": 0}
                self._results[job.key] = {**manifest, "error": error.as_dict()}
                self._count(job, manifest)
                continue
            if layout is None:
                others.append(job)
                continue
            self._results[job.key] = _planned(job.key, layout)
            self._background[job.key] = job
            self._queue.append(job)
        if self._queue:
            self.stats.workers = max(self.stats.workers, self.settings.workers)
            self._executor()  # fed once the jobs run() waits for are queued (_process)
        return others

    def _feed(self) -> None:
        """Hand queued jobs to the pool, one per worker at a time, so that a job :meth:`run`
        waits for is never queued behind every background job. Also called from the pool's
        thread as each job lands."""
        with self._changed:
            while self._queue and self._in_flight < self.settings.workers:
                job = self._queue.popleft()
                try:
                    future = self._executor().submit(run_job, job)
                except BrokenProcessPool:
                    self._landed.append((job, _broken(job)))
                    continue
                except RuntimeError:  # the interpreter is exiting: the build was abandoned
                    self._queue.clear()
                    break
                self._in_flight += 1
                future.add_done_callback(functools.partial(self._land, job))
            self._changed.notify_all()

    def _land(self, job: Job, future: concurrent.futures.Future) -> None:
        try:
            result = future.result()
        except BrokenProcessPool:
            result = _broken(job)
        except BaseException as error:  # a bug in a recipe: raised again by wait()
            result = error
        with self._changed:
            self._in_flight -= 1
            self._landed.append((job, result))
        self._feed()

    def wait(self) -> None:
        """Collect every background job, and end the worker processes. A job that failed,
        or made other files than its layout said, leaves its tickets with its error and no
        file (the plugin that submitted them reports it: a strict build then fails before
        anything is published)."""
        started = time.perf_counter()
        with self._changed:
            while self._queue or self._in_flight:
                self._changed.wait()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if not self._background:
            return
        for job, landed in self._landed:
            if isinstance(landed, BaseException):
                raise landed
            manifest = landed
            if manifest["error"] is None and manifest["files"] != self._results[job.key]["files"]:
                error = MediaError(
                    "came out unlike what its header says",
                    "export the image again as a baseline JPEG",
                )
                manifest = {**manifest, "files": [], "error": error.as_dict()}
            self._count(job, manifest)
            if manifest["error"] is not None:
                self._results[job.key] = manifest
                for ticket in self._tickets:
                    if ticket.key == job.key:
                        ticket.files = []
                        self._settle(ticket, manifest)
        self._landed.clear()
        self._background.clear()
        self.stats.seconds += time.perf_counter() - started
        logger.info("media: %s", self.stats)

    def _process(self, jobs: list[Job]):
        workers = min(self.settings.workers, len(jobs))
        if workers <= 1 and self._pool is None:
            yield from (run_job(job) for job in jobs)
            return
        self.stats.workers = max(self.stats.workers, workers)
        pool, futures = self._executor(), {}
        for job in jobs:
            try:
                futures[pool.submit(run_job, job)] = job
            except BrokenProcessPool:
                yield _broken(job)
        self._feed()  # the background jobs, behind these
        broken = False
        for future in concurrent.futures.as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                broken = True
                yield _broken(futures[future])
        if broken:  # a worker died: the next run starts new ones
            pool.shutdown(wait=False)
            self._pool = None

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        """The build's worker processes, started once: each run of a build, and the
        background jobs, share them (:meth:`wait` ends them)."""
        if self._pool is None:
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.settings.workers,
                mp_context=_pool_context(),
                initializer=site.addsitedir,  # the worker imports this package from its folder
                initargs=(_PLUGINS_DIR,),
            )
        return self._pool

    def _settle(self, ticket: Ticket, manifest: dict) -> None:
        ticket.done = True
        ticket.notes = list(manifest.get("notes") or [])
        if manifest.get("error"):
            ticket.error = MediaError(**manifest["error"])
            self.stats.failed += 1
            return
        stem = f"{ticket.name}-{ticket.key[:12]}"
        for item in manifest["files"]:
            label = "" if item["fmt"] == "svg" else f"-{item['label']}"
            url = ticket.save_as or f"{ticket.output_dir}/{stem}{label}.{item['fmt']}"
            ticket.files.append(
                OutputFile(
                    url=url,
                    label=item["label"],
                    fmt=item["fmt"],
                    width=item["width"],
                    height=item["height"],
                    cached=_entry(self.settings.cache_path, ticket.key, item["file"]),
                )
            )

    def write(self, writer) -> int:
        """Put every processed file not yet written in this build into the output through
        ``writer`` (the records core's: :class:`records.writer.Writer`); return how many."""
        if self._jobs:
            self.run()
        if not self.settings.check_only:
            self._kept.save(self._digests)
        count = 0
        for ticket in self._tickets:
            if ticket.key in self._background:
                continue  # written once it has landed (wait)
            for item in ticket.files:
                if writer.owner(item.url) == OWNER:
                    continue  # another plugin's call, or another ticket with the same file
                writer.place(item.url, item.cached, link=self.settings.link_output, owner=OWNER)
                count += 1
        return count
