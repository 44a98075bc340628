"""The one writer of a build: every file the kit writes goes through it and is recorded.

Pelican hands its writer to every generator's ``generate_output``. The records core supplies
this subclass (Pelican's ``get_writer`` signal, for sites that list ``records``), so pages and
feeds (Pelican's ``_open_w``) and the plugins' own files (:meth:`Writer.write_bytes`,
:meth:`Writer.write_text`, :meth:`Writer.place`) share one registry of output paths and one
set of rules:

- one writer per path: a second writer of a path is a :class:`WriteError` naming both (Pelican's
  ``override_output`` between pages still works as in Pelican);
- nothing outside the output folder, through ``..`` or a symbolic link;
- every file written whole (a temporary file beside it, then ``os.replace``) with mode 0644,
  every folder 0755, whatever the umask.

Pelican's static generator copies the static files and the theme's files itself, last. Their
paths are reserved when the writer is made (every context is built by then), so a page or a
plugin file on one of them is a clash too. Their modes come from the umask (and a hard link
shares its source's), so :func:`make_readable` walks the staged output once before it is swapped
in. That walk was chosen over taking the copies away from Pelican: it keeps Pelican's options
(``STATIC_CREATE_LINKS``, ``STATIC_CHECK_IF_MODIFIED``) and catches a file written by any other
plugin too. A build that writes in place (``RECORDS_STAGE_OUTPUT = False``) has no such walk:
only the writer's own files are guaranteed readable there.

The writer also knows the language being written (:meth:`Writer.language_pass`, driven by
:mod:`records.passes`). Every page it renders gets ``lang`` (the page's
:class:`~records.languages.Language`) and ``alternates`` (the same page in every language of
the site, or that language's home where the page does not exist there), from a first, dry run
of each generator that only notes the pages it would write. Feeds leave out whatever is not
written in their language, and say which language they are in.
"""

import contextlib
import fnmatch
import inspect
import io
import logging
import os
import shutil
import stat
import tempfile
import uuid
from dataclasses import dataclass

from pelican.generators import Generator
from pelican.writers import Writer as PelicanWriter

from . import reads
from .issues import ContentError
from .languages import Language, path_prefix, site_languages
from .today import build_now
from .translations import Untranslated

logger = logging.getLogger(__name__)

FILE_MODE = 0o644
FOLDER_MODE = 0o755


class WriteError(ContentError):
    """Two writers of one output path, or a path outside the output folder: a plugin's or a
    setting's mistake rather than an editor's, but it ends the build the same way, with one
    line and exit code 1, before the previous output is replaced."""


@dataclass(frozen=True)
class Alternate:
    """The page being written, in one of the site's languages (for the language switcher
    and ``hreflang``): ``translated`` when the page exists there written in that language,
    ``exists`` when it exists there at all; otherwise ``url`` is that language's home."""

    language: Language
    url: str
    exists: bool
    translated: bool
    current: bool


def hreflang_links(alternates) -> list[tuple[str, str]]:
    """(hreflang, site-relative URL) of each language the page is written in, then
    ``x-default``: the default language's page, else the first language that has it. Empty
    when fewer than two languages have it written in them: there is nothing to choose from.
    The pages' ``hreflang`` links and the sitemap both come from here."""
    written = [alternate for alternate in alternates if alternate.translated]
    if len(written) < 2:
        return []
    links = [(alternate.language.tag, alternate.url) for alternate in written]
    return [*links, ("x-default", written[0].url)]


class Writer(PelicanWriter):
    # (output path, owner) of the files Pelican's static generator copies itself, and the
    # records.build.Build of the run (which keeps the writer, for the files written once every
    # other is known): set on the per-build subclass made by records.plugin.
    reserved: tuple[tuple[str, str], ...] = ()
    build = None

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        if self.build is not None:
            self.build.writer = self
        self._root = os.path.realpath(output_path)
        self._owners: dict[str, str] = {}
        self._pages: set[str] = set()
        self._overridden: set[str] = set()
        self._folders: set[str] = set()
        self._real: dict[str, str] = {}  # a folder's path -> its real path (see _locate)
        for path, owner in self.reserved:
            self._register(path, owner)
        self.language: Language | None = None
        self.dry = False
        self._prefix = ""
        # a page's path without its language prefix -> {language code: written in it?}
        self._planned: dict[str, dict[str, bool]] = {}
        # What each page read (records.reads): the last build's records, this build's, and the
        # digests of each language's values; the page being kept, or just rendered.
        self.pages_before = self.build.pages_before if self.build is not None else {}
        self.pages = {}
        self._prints: dict[str, reads.Fingerprints] = {}
        self._keeping = None
        self._noted = None
        self.kept = 0  # pages kept as the last build wrote them

    @contextlib.contextmanager
    def language_pass(self, language: Language, prefix: str, dry: bool):
        """Write as ``language`` (its pages under ``prefix``); ``dry``: only note the pages."""
        self.language, self._prefix, self.dry = language, prefix, dry
        try:
            yield self
        finally:
            self.language, self._prefix, self.dry = None, "", False

    def alternates(self, name: str) -> list[Alternate]:
        """The page saved as ``name`` in every language of the site."""
        neutral = name[len(self._prefix) :] if name.startswith(self._prefix) else name
        planned = self._planned.get(neutral, {})
        url = neutral.removesuffix("index.html")
        found = []
        for language in site_languages(self.settings):
            prefix = path_prefix(language.code, self.settings)
            exists = language.code in planned
            found.append(
                Alternate(
                    language,
                    prefix + url if exists else prefix,
                    exists,
                    planned.get(language.code, False),
                    language == self.language,
                )
            )
        return found

    def write_file(self, name, template, context, *args, **kwargs):
        """Pelican's, with ``lang`` and ``alternates`` for the template; in a dry run, the
        page is only noted."""
        if self.language is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        if self.dry:
            neutral = name[len(self._prefix) :] if name.startswith(self._prefix) else name
            translated = not any(isinstance(v, Untranslated) for v in kwargs.values())
            self._planned.setdefault(neutral, {})[self.language.code] = translated
            return None
        kwargs.setdefault("lang", self.language)
        kwargs["alternates"] = self.alternates(name)
        return super().write_file(
            name, _Recorded(template, self, context), context, *args, **kwargs
        )

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        """Pelican's, with only the items written in the feed's language (Pelican adds every
        translation of its items to its all-news feed), and never a draft."""
        if self.dry:
            return None
        if self.language is not None:
            code = self.language.code
            elements = [
                e
                for e in elements
                if not isinstance(e, Untranslated) and e.lang == code and e.status != "draft"
            ]
        return super().write_feed(elements, context, path, url, *args, **kwargs)

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        if self.language is not None:
            feed.feed["language"] = self.language.tag
        dated = feed.latest_post_date
        # feedgenerator stamps a feed without items with the clock's time: a language's
        # category feed whose posts are all untranslated would differ between two builds
        feed.latest_post_date = lambda: dated() if feed.items else build_now()
        return feed

    def folders(self) -> set[str]:
        """The folders this build wrote into (or made), as absolute paths."""
        return set(self._folders)

    def paths(self) -> list[str]:
        """Every path written (or to be written) in this build, relative to the output."""
        return sorted(self._owners)

    def owner(self, path: str) -> str | None:
        """Who wrote (or will write) ``path`` in this build, or None."""
        return self._owners.get(self._locate(path)[0])

    def write_bytes(self, path: str, data, owner: str | None = None) -> None:
        """Write ``data`` (bytes, or a function that makes them, called only when the file is
        really written) at ``path`` (relative to the output folder)."""
        if self.dry:
            return
        destination = self._claim(path, owner or _generator_on_stack())
        with _replacing(destination, "wb") as file:
            file.write(data() if callable(data) else data)

    def write_text(self, path: str, text: str, owner: str | None = None) -> None:
        """Write ``text`` at ``path`` (relative to the output folder) as UTF-8."""
        if self.dry:
            return
        destination = self._claim(path, owner or _generator_on_stack())
        with _replacing(destination, "w", encoding="utf-8") as file:
            file.write(text)

    def place(self, path: str, source: str, link: bool = True, owner: str | None = None) -> None:
        """Put the file ``source`` (a cache entry) at ``path``: hard-linked when ``link`` and
        the source is already 0644 (a link shares its mode, and the writer never changes a
        file outside the output), copied otherwise."""
        if self.dry:
            return
        destination = self._claim(path, owner or _generator_on_stack())
        if link and stat.S_IMODE(os.stat(source).st_mode) == FILE_MODE:
            if os.path.exists(destination) and os.path.samefile(source, destination):
                return  # linked by an earlier build written in place
            temporary = os.path.join(os.path.dirname(destination), f".{uuid.uuid4().hex}.tmp")
            try:
                os.link(source, temporary)
            except OSError:
                pass  # another disk, or a file system without hard links: copy it
            else:
                os.replace(temporary, destination)
                return
        with _replacing(destination, "wb") as file, open(source, "rb") as original:
            shutil.copyfileobj(original, file)

    def _open_w(self, filename, encoding, override=False):
        """Pelican's pages and feeds: the same registry, and Pelican's ``override_output``
        (one page may replace another's file; later writes of it are skipped). A page whose
        inputs did not change since the last build keeps that build's file."""
        relative = self._locate(filename)[0]
        keeping, self._keeping = self._keeping == relative, None
        noted, self._noted = (
            self._noted if self._noted and self._noted[0] == relative else None,
            None,
        )
        if relative in self._overridden and not override:
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        replacing = override and relative in self._pages and relative not in self._overridden
        destination = self._claim(filename, _generator_on_stack(), replacing)
        self._pages.add(relative)
        if override:
            self._overridden.add(relative)
        if keeping:
            self._keep(relative, destination)
            return contextlib.nullcontext(io.StringIO())
        if noted:
            return self._noting(destination, encoding, noted)
        return _replacing(destination, "w", encoding=encoding)

    # Pages that did not change -----------------------------------------------------------------

    def prints(self, context: dict) -> reads.Fingerprints:
        """The digests of the values of the language being written."""
        code = self.language.code if self.language is not None else ""
        found = self._prints.get(code)
        if found is None:
            found = self._prints[code] = reads.Fingerprints(self.settings, context)
        return found

    def unchanged(self, relative: str, template: str, inputs: dict, context: dict) -> bool:
        """Whether the page at ``relative`` would come out as the last build wrote it: it
        read the same as it did then, and its file is still in the output as it was left."""
        before = self.pages_before.get(relative)
        if before is None or self.build is None:
            return False
        try:
            found = os.stat(os.path.join(self.build.output, relative))
        except OSError:
            return False
        if (found.st_size, found.st_mtime_ns) != (before.size, before.mtime_ns):
            return False
        if not reads.unchanged(before, template, inputs, self.prints(context)):
            return False
        self._keeping = relative
        return True

    def _keep(self, relative: str, destination: str) -> None:
        """Put the last build's file of an unchanged page in place (a hard link: no copy)."""
        self.pages[relative] = self.pages_before[relative]
        self.kept += 1
        previous = os.path.join(self.build.output, relative)
        if os.path.exists(destination) and os.path.samefile(previous, destination):
            return  # a build written in place
        temporary = os.path.join(os.path.dirname(destination), f".{uuid.uuid4().hex}.tmp")
        try:
            os.link(previous, temporary)
        except OSError:
            shutil.copy2(previous, temporary)
        os.replace(temporary, destination)

    @contextlib.contextmanager
    def _noting(self, destination: str, encoding: str, noted: tuple):
        """Write a page just rendered, then keep the record of what it read."""
        relative, template, page_reads, prints = noted
        with _replacing(destination, "w", encoding=encoding) as file:
            yield file
        record = reads.record(template, page_reads, prints, os.stat(destination))
        if record is not None:
            self.pages[relative] = record

    def _locate(self, path: str) -> tuple[str, str]:
        """(relative path, absolute destination) of ``path``, given relative to the output
        folder or absolute; a :class:`WriteError` when it resolves outside the folder."""
        full = os.path.abspath(os.path.join(self.output_path, path))
        parent = os.path.dirname(full)
        # Resolved once per folder: nothing in a build turns a folder of the output into a
        # link, and resolving every path again took a tenth of a small edit's build.
        folder = self._real.get(parent)
        if folder is None:
            folder = self._real[parent] = os.path.realpath(parent)
        if folder != self._root and not folder.startswith(self._root + os.sep):
            raise WriteError(
                f"{path}: is outside the output folder — a plugin or setting must write "
                "every file inside it (no .., no absolute path, no link that leads out)"
            )
        destination = os.path.join(folder, os.path.basename(full))
        return os.path.relpath(destination, self._root).replace(os.sep, "/"), destination

    def _register(self, path: str, owner: str, replacing: bool = False) -> str:
        """Record ``owner`` as the writer of ``path``; return its absolute destination. A
        :class:`WriteError` when another writer has it already."""
        relative, destination = self._locate(path)
        first = self._owners.get(relative)
        if first is not None and not replacing:
            raise WriteError(
                f"{relative}: written by both {first} and {owner} — every output path has "
                "one writer: give one of them another path"
            )
        self._owners[relative] = owner
        return destination

    def _claim(self, path: str, owner: str, replacing: bool = False) -> str:
        """:meth:`_register`, and make the destination's folders."""
        destination = self._register(path, owner, replacing)
        self._make_folder(os.path.dirname(destination))
        return destination

    def _make_folder(self, folder: str) -> None:
        """Make ``folder`` and its missing parents up to the output folder, each 0755."""
        if folder in self._folders:
            return
        if folder != self._root:
            self._make_folder(os.path.dirname(folder))
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, FOLDER_MODE)
        self._folders.add(folder)


class _Recorded:
    """A page's template, as the writer hands it to Pelican: it renders only a page whose
    inputs changed since the last build, and notes what the page read (records.reads)."""

    def __init__(self, template, writer: "Writer", context: dict):
        self.template, self.writer, self.context = template, writer, context
        self.name = template.name

    def render(self, inputs: dict) -> str:
        writer = self.writer
        relative = writer._locate(inputs["output_file"])[0]
        if writer.unchanged(relative, self.name, inputs, self.context):
            return ""
        with reads.noting_reads(inputs) as page_reads:
            text = self.template.render(inputs)
        writer._noted = (relative, self.name, page_reads, writer.prints(self.context))
        return text


@contextlib.contextmanager
def _replacing(destination: str, mode: str, encoding: str | None = None):
    """A file that takes the place of ``destination``, with mode 0644, only once it is written
    whole: a reader (or a server) never sees half a file."""
    handle, temporary = tempfile.mkstemp(
        dir=os.path.dirname(destination), prefix=".", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, mode, encoding=encoding) as file:
            yield file
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, destination)
    except BaseException:
        os.unlink(temporary)
        raise


def _generator_on_stack() -> str:
    """Name the generator whose ``generate_output`` is writing, for a clash's message."""
    frame = inspect.currentframe()
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, Generator):
            kind = type(candidate)
            return f"{kind.__name__} ({kind.__module__})"
        frame = frame.f_back
    return "a writer outside the generators"


def reserved_paths(context: dict, settings: dict) -> list[tuple[str, str]]:
    """(output path, owner) of every file Pelican's static generator will copy: the static
    files left in ``context`` and the theme's files (as ``StaticGenerator._copy_paths``)."""
    reserved = [
        (static.save_as, f"static file {static.get_relative_source_path()}")
        for static in context.get("staticfiles", [])
        if static.save_as
    ]
    theme, ignores = settings["THEME"], settings["IGNORE_FILES"]

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    for path in settings["THEME_STATIC_PATHS"]:
        source = os.path.join(theme, path)
        if ignored(os.path.basename(source)):
            continue
        if os.path.isfile(source):
            files = [(os.path.basename(path), source)]
        else:
            files = []
            for folder, subfolders, names in os.walk(source, followlinks=True):
                subfolders[:] = [name for name in subfolders if not ignored(name)]
                for name in names:
                    if not ignored(name):
                        full = os.path.join(folder, name)
                        files.append((os.path.relpath(full, source), full))
        for relative, full in files:
            owner = f"theme file {os.path.relpath(full, theme)}"
            reserved.append((os.path.join(settings["THEME_STATIC_DIR"], relative), owner))
    return reserved


def make_readable(root: str) -> None:
    """Give ``root`` and every folder in it mode 0755, and every file 0644.

    A file with other links (``STATIC_CREATE_LINKS``, a cache entry) or a symbolic link is
    replaced by a copy instead of changed, so that nothing outside ``root`` is touched.
    """
    os.chmod(root, FOLDER_MODE)
    for folder, subfolders, files in os.walk(root):
        for name in subfolders:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = os.path.join(folder, name)
            if stat.S_IMODE(os.stat(path).st_mode) == FILE_MODE:
                continue
            if os.path.islink(path) or os.stat(path).st_nlink > 1:
                with _replacing(path, "wb") as file, open(path, "rb") as original:
                    shutil.copyfileobj(original, file)
            else:
                os.chmod(path, FILE_MODE)
