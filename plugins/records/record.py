"""The content class of every record: a Pelican ``Content`` whose URLs come from its type."""

from pelican.contents import Content

from .languages import path_prefix
from .markdown import SOURCE_KEY
from .schema import RESERVED_ATTRIBUTES, RecordType

# Keys through which Pelican lets a file choose its own output path or template: a record's
# come from its type, so these are dropped (and reported as unknown keys by the generator).
PELICAN_OVERRIDES = ("save_as", "url", "template", "lang_url", "lang_save_as")


class Record(Content):
    """A record read through Pelican's readers, so ``{filename}`` links and caching work."""

    mandatory_properties = ()
    default_template = None

    def __init__(self, content, metadata=None, settings=None, source_path=None, context=None):
        # Pelican's Content turns a "timezone" key into a ZoneInfo and fails on a bad name;
        # records parse it themselves, with a message an editor can act on.
        metadata = dict(metadata or {})
        source = metadata.pop(SOURCE_KEY, None)
        self.file_keys = source.keys if source else ()
        self.read_problems = source.problems if source else ()
        for key in PELICAN_OVERRIDES:
            metadata.pop(key, None)
        zone = metadata.pop("timezone", None)
        super().__init__(content, metadata, settings, source_path, context)
        if zone is not None:
            self.metadata["timezone"] = zone

    def bind(self, record_type: RecordType, record_id: str, values: dict) -> None:
        """Attach the parsed, typed values; called once the record passed its checks."""
        self.record_type = record_type
        self.id = record_id
        self.slug = record_id
        self.fields = values
        for name, value in values.items():
            attribute = name.replace("-", "_")
            if attribute not in RESERVED_ATTRIBUTES:
                setattr(self, attribute, value)

    @property
    def url_format(self) -> dict:
        values = super().url_format
        values["id"] = self.id
        values.update(
            (k.replace("-", "_"), v) for k, v in self.fields.items() if isinstance(v, str | int)
        )
        return values

    def _expand_settings(self, key: str, klass: str | None = None) -> str:
        """``url`` or ``save_as`` (Pelican asks for ``lang_url`` outside the default
        language): the type's path under the record's language prefix."""
        pattern = self.record_type.setting(self.settings, key.removeprefix("lang_"))
        return path_prefix(self.lang, self.settings) + pattern.format(**self.url_format)
