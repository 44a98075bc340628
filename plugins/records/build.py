"""One run of Pelican: its content issues, its clock, and its staged output folder.

Pelican writes straight into ``OUTPUT_PATH``; a build that fails half-way would leave a
half-written site. The kit builds into a sibling folder instead and swaps it into place
only when the build succeeded, keeping the names listed in ``OUTPUT_RETENTION``. A build
that raises (a plugin's bug, a bad setting, Ctrl-C) removes its staging folder when the
process exits; one killed outright leaves it for the next build to remove.
"""

import atexit
import contextlib
import glob
import logging
import os
import shutil
import uuid
from datetime import datetime, time, timedelta

from pelican.log import LimitFilter

from . import freshness, reads
from . import settings as records_settings
from .folders import empty_tree
from .issues import CheckFinished, ContentError, IssueLog, PelicanMessages
from .site import site_zone
from .today import build_now
from .writer import make_readable

logger = logging.getLogger(__name__)


class Build:
    def __init__(self, pelican):
        self.pelican = pelican
        settings = pelican.settings
        self.strict = records_settings.get(settings, "RECORDS_STRICT")
        self.issues = IssueLog(settings["PATH"], self.strict)
        self.messages = PelicanMessages(self.issues)
        self.now = build_now()
        self.output = os.path.abspath(settings["OUTPUT_PATH"])
        self.retain = settings.get("OUTPUT_RETENTION", [])
        parent, name = os.path.split(self.output)
        self.staging = os.path.join(parent, f".{name}.staging")
        # The folders of the output before last, emptied: the next staging folder (_reuse).
        self.recycled = os.path.join(parent, f".{name}.folders")
        self.reused: list[str] = []  # the folders the staging folder started with
        content = os.path.abspath(settings["PATH"])
        self.staged = records_settings.get(settings, "RECORDS_STAGE_OUTPUT") and not (
            content + os.sep
        ).startswith(self.output + os.sep)
        # (output path, owner) of the files Pelican's static generator copies itself, known
        # once every context is built: reserved in the writer (see records.writer).
        self.reserved: list[tuple[str, str]] = []
        self.writer = None  # the run's records.writer.Writer, once Pelican has made it
        self.context: dict = {}  # the generators' context (for ``site_written``), once made
        self.inputs = None  # records.freshness.inputs_digest, when the run was checked
        # What each page of the last build read, to render only the pages whose inputs changed
        # (records.reads); kept only for a build into the same folder with the same theme.
        self.theme = freshness.theme_digest(settings)
        self.pages_before = reads.load(settings, self.theme) if self.staged else {}
        self.warnings = _Counter()

    def start(self) -> None:
        # Pelican drops a warning it has already shown in this process; livereload runs many
        # builds in one process, and an editor must see a mistake again in every build.
        LimitFilter._raised_messages.clear()
        LimitFilter._group_count.clear()
        self.messages.attach()
        self.warnings.attach()
        if self.staged:
            self._remove_staging()
            self._reuse()
            atexit.register(self._remove_staging)
            self.pelican.output_path = self.staging

    def stop_if_strict(self) -> None:
        """In strict mode, end the build before anything reaches the output folder; when only
        checking, end it there in any case."""
        if records_settings.get(self.pelican.settings, "RECORDS_CHECK_ONLY"):
            self.abandon()
            raise CheckFinished(list(self.issues.issues))
        if self.strict and self.issues:
            self.abandon()
            raise ContentError(self.issues.summary())

    def abandon(self) -> None:
        self.messages.detach()
        self.warnings.detach()
        if self.staged:
            self._remove_staging()
            atexit.unregister(self._remove_staging)
            self.pelican.output_path = self.output

    def finish(self, written=None) -> None:
        """End a build that wrote everything: ``written(output)`` (if given) works over the
        folder to publish, then that folder is swapped into place. If it raises, the build
        is abandoned: the previous output stays as it was."""
        self.stop_if_strict()
        self.messages.detach()
        if self.issues:
            logger.warning("%s", self.issues.summary())
        if self.staged:
            self._prune()  # before ``written``: the search index's folder is made anew
        if written is not None:
            try:
                written(self.pelican.output_path)
            except BaseException:
                self.abandon()
                raise
        if self.staged:
            make_readable(self.staging)
            self._swap()
            atexit.unregister(self._remove_staging)
            self.pelican.output_path = self.output
        self.warnings.detach()
        settings = self.pelican.settings
        if self.writer is not None:
            reads.save(settings, self.theme, self.writer.pages)
            logger.info(
                "pages: %d written, %d unchanged since the last build",
                len(self.writer.pages) - self.writer.kept,
                self.writer.kept,
            )
        if self.inputs and not self.issues and not self.warnings.count:
            freshness.remember(settings, self.inputs, self.now, self.changes_at())
        else:
            freshness.forget(settings)

    def changes_at(self) -> datetime:
        """The first instant after ``now`` at which this build's pages would change: the next
        midnight in the site's zone (a countdown's day), or sooner as the plugins noted."""
        zone = site_zone(self.pelican.settings)
        today = self.now.astimezone(zone).date()
        midnight = datetime.combine(today + timedelta(days=1), time(), zone)
        noted = self.context.get(freshness.CHANGES_KEY)
        return min(midnight, noted) if noted else midnight

    def _remove_staging(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def _reuse(self) -> None:
        """Make the staging folder: the folders an earlier output left (:meth:`_swap`), when
        there are any, else a new one. Making and removing folders is what a small edit's build
        spent most on, on some disks (ext4 with ``discard``: half a millisecond each, a site has
        one per page); files are written anew into them all the same."""
        if os.path.isdir(self.recycled) and not os.path.islink(self.recycled):
            try:
                os.rename(self.recycled, self.staging)
            except OSError:
                shutil.rmtree(self.recycled, ignore_errors=True)
            else:
                self.reused = empty_tree(os.path.realpath(self.staging))  # as the writer's
                return
        os.makedirs(self.staging)

    def _prune(self) -> None:
        """Remove the folders the staging folder started with that this build left empty and
        did not make itself (those of a deleted page), deepest first: the output holds the
        same folders as a build into a new folder."""
        made = self.writer.folders() if self.writer is not None else set()
        for folder in sorted(self.reused, key=len, reverse=True):
            if folder in made:
                continue
            with contextlib.suppress(OSError):  # not empty: it holds files of this build
                os.rmdir(folder)

    def _swap(self) -> None:
        """The staging folder takes the output folder's place (two renames); the replaced
        folder is emptied of its files and kept, without them, for the next build's staging
        folder (:meth:`_reuse`)."""
        for leftover in glob.glob(glob.escape(self.output) + ".previous-*"):
            shutil.rmtree(leftover, ignore_errors=True)  # of a build killed before it was gone
        previous = f"{self.output}.previous-{uuid.uuid4().hex[:12]}"
        if os.path.isdir(self.output):
            os.rename(self.output, previous)
            for name in self.retain:
                kept = os.path.join(previous, name)
                if os.path.exists(kept) and not os.path.exists(os.path.join(self.staging, name)):
                    os.rename(kept, os.path.join(self.staging, name))
        os.rename(self.staging, self.output)
        if not os.path.isdir(previous):
            return
        if os.path.lexists(self.recycled):
            _remove_later(previous)
            return
        empty_tree(previous)
        os.rename(previous, self.recycled)


def _remove_later(folder: str) -> None:
    """Delete ``folder`` in a process of its own, so that the build need not wait for it:
    unlinking a large site's old tree file by file took seconds, and its pages are mostly hard
    links to the new one's (records.reads). The process is forked twice, so that it is no
    one's child to wait for; a leftover of a killed one goes at the next swap."""
    if not hasattr(os, "fork"):
        shutil.rmtree(folder, ignore_errors=True)
        return
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return
    try:  # the child: fork again and exit, leaving the grandchild to the init process
        if os.fork() == 0:
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        os._exit(0)


class _Counter(logging.Handler):
    """Counts the warnings and errors logged during a build: only a build without any is
    noted as one the next may stand on (records.freshness).

    A handler on the root logger, where every message arrives. Logging writes a message to
    stderr itself only when no logger has a handler (``logging.lastResort``, which is all
    ``pelican --log-handler plain`` has): this one would silence it, so it is then attached
    beside it, and both are detached when the build ends."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0
        self.attached: list[logging.Handler] = []

    def attach(self) -> None:
        root = logging.getLogger()
        for stale in [h for h in root.handlers if isinstance(h, _Counter)]:
            stale.detach()  # of an earlier build that crashed before it could detach
        self.attached = [self]
        if not root.handlers and logging.lastResort is not None:
            self.attached.append(logging.lastResort)
        for handler in self.attached:
            root.addHandler(handler)

    def detach(self) -> None:
        for handler in self.attached:
            logging.getLogger().removeHandler(handler)
        self.attached = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
