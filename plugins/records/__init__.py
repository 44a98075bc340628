"""Records core: typed Markdown collections shared by the kit's plugins.

A plugin declares its record types (fields, folder, URLs) by answering the
:data:`signals.record_types` signal; the core reads every file of those folders through
Pelican's own readers, parses and checks each field, resolves references between records,
collects every content error of the build and writes one page per record through Pelican's
writer. See ``docs/architecture.md``.
"""

from .cache import output_file
from .catalogs import ui_text
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
from .folders import empty_tree
from .freshness import changes_at
from .issues import ContentError, ContentIssue
from .languages import Language, language, site_languages
from .passes import current_language, in_default_language, page_path
from .plugin import register
from .schema import Field, RecordType
from .settings import plugin_enabled
from .site import Organization, site_organization, site_zone
from .today import build_now
from .trail import Crumb, section, trail
from .writer import hreflang_links

__all__ = [
    "URL",
    "Boolean",
    "Choice",
    "Colour",
    "ContentError",
    "ContentIssue",
    "Country",
    "Crumb",
    "Date",
    "DateTime",
    "Field",
    "FieldError",
    "File",
    "Integer",
    "Language",
    "List",
    "MonthDay",
    "Organization",
    "RecordType",
    "Ref",
    "Text",
    "TimeZone",
    "build_now",
    "changes_at",
    "current_language",
    "empty_tree",
    "hreflang_links",
    "in_default_language",
    "language",
    "output_file",
    "page_path",
    "plugin_enabled",
    "register",
    "section",
    "site_languages",
    "site_organization",
    "site_zone",
    "trail",
    "ui_text",
]
