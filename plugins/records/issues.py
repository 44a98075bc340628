"""Content issues: every editor mistake of a build, one line each, collected and counted.

Issues come from two places: the records core itself, and Pelican's own messages about
articles and pages, which :class:`PelicanMessages` rewrites into the same one-line form so
that an editor reads one kind of message whatever the file.
"""

import inspect
import logging
import os
import re
import sys
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentIssue:
    path: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        parts = (self.path, self.field, self.message)
        return "{}: {}: {}".format(*map(_short, parts)) + f" — {_short(self.fix)}"


_UNPRINTABLE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")
MAX_PART = 300


def _short(text: str) -> str:
    """One readable line whatever an editor wrote: control characters written out as
    ``\\xNN``, and a very long value cut in its middle."""
    text = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}", str(text))
    if len(text) > MAX_PART:
        text = f"{text[: MAX_PART - 80]} … {text[-60:]}"
    return text


class ContentFileError(ValueError):
    """A content file that cannot be read, raised by a reader: becomes one issue line."""

    def __init__(self, message: str, fix: str, field: str = "file"):
        super().__init__(message)
        self.field = field
        self.message = message
        self.fix = fix


class ContentError(Exception):
    """Raised in strict mode when a build found content issues; ends the build with exit code 1."""

    exitcode = 1


class CheckFinished(ContentError):
    """Every file was read and checked, and nothing is to be written (``RECORDS_CHECK_ONLY``):
    ``issues`` holds what was found, none when the content is clean."""

    def __init__(self, issues: list):
        super().__init__(f"{len(issues)} content errors" if issues else "no content error")
        self.issues = issues
        self.exitcode = 1 if issues else 0


class IssueLog:
    """The issues of one build. Strict builds log them as errors, local builds as warnings."""

    def __init__(self, content_path: str, strict: bool):
        self.content_path = os.path.abspath(content_path)
        self.strict = strict
        self.issues: list[ContentIssue] = []
        self.level = logging.ERROR if strict else logging.WARNING

    def relative(self, path: str) -> str:
        """Return ``path`` relative to the content folder, as editors know it."""
        path = str(path)
        if os.path.isabs(path) and path.startswith(self.content_path + os.sep):
            path = os.path.relpath(path, self.content_path)
        return path.replace(os.sep, "/")

    def record(self, issue: ContentIssue) -> bool:
        """Keep ``issue`` once; return False when the same line was already recorded."""
        if issue in self.issues:
            return False
        self.issues.append(issue)
        return True

    def add(self, path: str, field: str, message: str, fix: str) -> None:
        issue = ContentIssue(self.relative(path), field, message, fix)
        if self.record(issue):
            logger.log(self.level, "%s", issue)

    def __len__(self) -> int:
        return len(self.issues)

    def summary(self) -> str:
        count = len(self.issues)
        noun = "content error" if count == 1 else "content errors"
        if self.strict:
            return f"{count} {noun}: the build stopped and the previous output was left as it was"
        return f"{count} {noun}: the files named above were skipped (a strict build would stop)"


_DATE_FIX = "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2026-02-08 09:00"


class PelicanMessages(logging.Filter):
    """Rewrites Pelican's own messages about bad content into :class:`ContentIssue` lines.

    Attached to Pelican's loggers for the length of one build. Messages about duplicated
    slugs are dropped: the records core reports every clash of output paths itself.
    """

    LOGGERS = ("pelican.generators", "pelican.contents", "pelican.utils")

    def __init__(self, log: IssueLog):
        super().__init__()
        self.log = log

    def attach(self) -> None:
        """Attach to Pelican's loggers, replacing the filter of an earlier build that crashed
        before it could detach (its log would swallow this build's messages)."""
        for name in self.LOGGERS:
            logger_ = logging.getLogger(name)
            for stale in [f for f in logger_.filters if isinstance(f, PelicanMessages)]:
                logger_.removeFilter(stale)
            logger_.addFilter(self)

    def detach(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        issue = self.translate(record.msg, record.args or ())
        if issue is False:
            return False
        if issue is None:
            return True
        if not self.log.record(issue):
            return False
        record.msg, record.args = "%s", (str(issue),)
        record.levelno, record.levelname = self.log.level, logging.getLevelName(self.log.level)
        return True

    def translate(self, msg: str, args: tuple) -> ContentIssue | bool | None:  # noqa: PLR0911
        """Return the issue a Pelican message stands for, None to keep it, False to drop it."""
        rel = self.log.relative
        if msg == "Could not process %s":
            error = sys.exc_info()[1]
            if isinstance(error, ContentFileError):
                return ContentIssue(rel(args[0]), error.field, error.message, error.fix)
            text = str(error) if error else "could not be read"
            bad_date = re.fullmatch(r"'(.*)' is not a valid date", text)
            if bad_date:
                return ContentIssue(
                    rel(args[0]), "date", f'"{bad_date[1]}" is not a date', _DATE_FIX
                )
            return ContentIssue(rel(args[0]), "file", text, "correct the metadata lines at the top")
        if msg.startswith("Skipping %s: could not find information about"):
            field = args[1]
            example = {"date": "Date: 2026-02-08", "title": "Title: Our vigil"}.get(
                field, f"{field.title()}: …"
            )
            return ContentIssue(
                rel(args[0]), field, "missing", f'add a line "{example}" at the top'
            )
        if msg.startswith("Unknown status"):
            return ContentIssue(
                rel(args[1]),
                "status",
                f'"{args[0]}" is not a known status',
                "use published, draft or hidden",
            )
        if msg.startswith("There are %s"):
            return False
        if msg.startswith("Unable to find '%s', skipping url replacement"):
            source = _content_being_rendered()
            return ContentIssue(
                rel(source) if source else "(unknown file)",
                "link",
                f'"{args[0]}" does not exist',
                "correct the {filename} or {static} path (it is relative to content/)",
            )
        return None


def _content_being_rendered() -> str | None:
    """Find the source path of the Pelican content object whose links are being replaced."""
    frame = inspect.currentframe()
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if candidate is not None and hasattr(candidate, "_link_replacer"):
            return candidate.source_path
        frame = frame.f_back
    return None


class QuietContentError(logging.Filter):
    """Drops the traceback Pelican logs with a failed build when the failure is a ContentError.

    The errors themselves were already listed one per line; a traceback would only hide them.
    Stateless, so one instance stays on Pelican's logger for the life of the process.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], ContentError):
            record.exc_info = None
            record.exc_text = None
        return True

    @classmethod
    def install(cls) -> None:
        pelican_logger = logging.getLogger("pelican")
        if not any(isinstance(f, cls) for f in pelican_logger.filters):
            pelican_logger.addFilter(cls())
