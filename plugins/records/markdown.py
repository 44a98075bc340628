"""The one reader of the kit's content: Markdown, size-bounded, inside the content folder, and
cleaned of unsafe HTML as it is read.

Pelican's ``MarkdownReader.read`` builds a new ``Markdown`` (loading every extension) for each
file, and removes the ``meta`` preprocessor from it before converting the summary. This reader
keeps one instance, resets it between files and puts ``meta`` back: same output, less work.

Before reading, a file larger than ``CONTENT_MAX_BYTES`` or one that resolves (through a
symbolic link) outside the content folder is refused; after reading, the body and every
formatted field (``Summary``) go through :func:`records.sanitise.clean` unless the site sets
``TRUST_RAW_HTML``. Pelican's other readers (reStructuredText, raw HTML files) are switched
off: an HTML file in a content folder would otherwise reach the site unchecked.
"""

import os
import re
from typing import NamedTuple

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, BaseReader, MarkdownReader
from pelican.utils import pelican_open

from . import settings as records_settings
from .issues import ContentFileError
from .paths import through_link
from .sanitise import clean, remote_images

META_PRIORITY = 27  # the priority markdown.extensions.meta registers its preprocessor with
# The metadata of every file read carries, under this key, a :class:`Source`: its path, the
# keys the file itself wrote (Pelican adds others, such as a default category) and what was
# wrong in its body. The core reports them and removes the entry before a content object is
# made. An editor cannot write this key: Markdown metadata keys have no colon.
SOURCE_KEY = "kit:source"


class Source(NamedTuple):
    path: str
    keys: tuple[str, ...]
    problems: tuple[tuple[str, str, str], ...]  # (field, message, fix)


class KitMarkdownReader(MarkdownReader):
    def read(self, source_path):
        self._source_path = source_path
        self._refuse_unsafe_file(source_path)
        if getattr(self, "_md", None) is None:
            self._md = Markdown(**self.settings["MARKDOWN"])
        else:
            self._md.reset()
            if "meta" not in self._md.preprocessors:
                self._md.preprocessors.register(MetaPreprocessor(self._md), "meta", META_PRIORITY)
        try:
            with pelican_open(source_path) as text:
                _refuse_control_characters(text)
                content = self._md.convert(text)
        except UnicodeDecodeError as error:
            raise ContentFileError(
                f"is not UTF-8 text (byte {error.start + 1} cannot be read)",
                "save it as UTF-8 in the editor (the usual choice: Save as… → UTF-8)",
            ) from None
        except RecursionError:
            raise ContentFileError(
                "nests lists or quotes too deeply for Markdown",
                "take some of the nesting out",
            ) from None
        meta = getattr(self._md, "Meta", {})
        _refuse_repeated_keys(meta)
        metadata = self._parse_metadata(meta) if meta else {}
        problems = tuple(
            (
                "content",
                f'the image "{src}" is on another site; pages load nothing from other hosts '
                "(it would tell them who reads)",
                "save the image under content/images/ and show it from there",
            )
            for src in remote_images(content)
        )
        keys = tuple(key.lower() for key in meta)
        metadata[SOURCE_KEY] = Source(source_path, keys, problems)
        if records_settings.get(self.settings, "TRUST_RAW_HTML"):
            return content, metadata
        for name in self.settings["FORMATTED_FIELDS"]:
            if isinstance(metadata.get(name), str):
                metadata[name] = clean(metadata[name])
        return clean(content), metadata

    def _refuse_unsafe_file(self, source_path: str) -> None:
        if through_link(source_path, self.settings["PATH"]):
            raise ContentFileError(
                "is a symbolic link, or inside a linked folder: only files kept in content/ "
                "are read",
                "put the file itself in content/",
            )
        limit = records_settings.get(self.settings, "CONTENT_MAX_BYTES")
        size = os.path.getsize(source_path)
        if size > limit:
            raise ContentFileError(
                f"is {size:,} bytes; a content file may be at most {limit:,}",
                "split it into several files, or move large material to a download in files/",
            )


# Characters that have no place in a text file: C0 and C1 controls (but tab and line ends),
# DEL, and Unicode non-characters. They make invalid HTML, XML and iCalendar.
_FORBIDDEN = re.compile(
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]"
)


def _refuse_control_characters(text: str) -> None:
    found = _FORBIDDEN.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise ContentFileError(
            f"contains an invisible control character (U+{ord(found[0]):04X}) on line {line}",
            "retype that line; a copy from another program can bring such characters along",
        )


def _refuse_repeated_keys(meta: dict) -> None:
    """A key of Pelican's that takes one line, written on several: Pelican would keep the
    first line and drop the others with a warning an editor may never see."""
    for key, lines in meta.items():
        name = key.lower()
        if len(lines) > 1 and DUPLICATES_DEFINITIONS_ALLOWED.get(name) is False:
            listed = name in ("tags", "authors")
            raise ContentFileError(
                f"is written on {len(lines)} lines",
                "write the values on one line, separated by commas"
                if listed
                else "write it once, on one line",
                field=name,
            )


def use_kit_reader(readers) -> None:
    """``readers_init`` receiver: Markdown through :class:`KitMarkdownReader`, nothing else."""
    if not records_settings.plugin_enabled(readers.settings, "records"):
        return
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is BaseReader:  # Pelican's reader of static files: it reads no text
            continue
        if reader_class is not None and issubclass(reader_class, MarkdownReader):
            readers.reader_classes[extension] = KitMarkdownReader
        else:
            readers.reader_classes[extension] = None
