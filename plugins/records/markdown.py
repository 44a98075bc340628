"""One Markdown instance per reader instead of one per file.

Pelican's ``MarkdownReader.read`` builds a new ``Markdown`` (loading every extension) for each
file, and removes the ``meta`` preprocessor from it before converting the summary. This reader
keeps one instance, resets it between files and puts ``meta`` back: same output, less work.
"""

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

META_PRIORITY = 27  # the priority markdown.extensions.meta registers its preprocessor with


class OneMarkdownReader(MarkdownReader):
    def read(self, source_path):
        self._source_path = source_path
        if getattr(self, "_md", None) is None:
            self._md = Markdown(**self.settings["MARKDOWN"])
        else:
            self._md.reset()
            if "meta" not in self._md.preprocessors:
                self._md.preprocessors.register(MetaPreprocessor(self._md), "meta", META_PRIORITY)
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata


def use_one_markdown(readers) -> None:
    """``readers_init`` receiver: read every Markdown extension with :class:`OneMarkdownReader`."""
    for extension in OneMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = OneMarkdownReader
