"""Records core: typed Markdown collections shared by the kit's plugins.

A plugin declares its record types (fields, folder, URLs) by answering the
:data:`signals.record_types` signal; the core reads every file of those folders through
Pelican's own readers, parses and checks each field, resolves references between records,
collects every content error of the build and writes one page per record through Pelican's
writer. See ``docs/architecture.md``.
"""

from .fields import (
    URL,
    Boolean,
    Choice,
    Colour,
    Country,
    Date,
    DateTime,
    FieldError,
    File,
    Integer,
    List,
    MonthDay,
    Ref,
    Text,
    TimeZone,
)
from .issues import ContentError, ContentIssue
from .plugin import register
from .schema import Field, RecordType
from .settings import plugin_enabled
from .today import build_now

__all__ = [
    "URL",
    "Boolean",
    "Choice",
    "Colour",
    "ContentError",
    "ContentIssue",
    "Country",
    "Date",
    "DateTime",
    "Field",
    "FieldError",
    "File",
    "Integer",
    "List",
    "MonthDay",
    "RecordType",
    "Ref",
    "Text",
    "TimeZone",
    "build_now",
    "plugin_enabled",
    "register",
]
