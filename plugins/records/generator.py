"""The generator that reads, checks, links and writes every record of the build."""

import logging

from pelican.generators import CachingGenerator

from . import signals
from .builtin import PELICAN_CONTENT_FIELDS, RECORD_KEYS
from .issues import ContentFileError
from .pelican_content import BUILD_KEY
from .record import Record
from .schema import ContentFields, RecordType, parse_fields, unknown_keys
from .settings import plugin_names
from .slugs import MAX_SLUG_LENGTH, slug_problem
from .store import Store

logger = logging.getLogger(__name__)


def site_receivers(signal, sender, settings: dict):
    """The receivers of ``signal`` that belong to this site's plugins, in PLUGINS order.

    Signal receivers are process-wide and called in the order they were connected: a test or
    a second site in the same process may have loaded other plugins, or these in another
    order. A plugin that uses another's derived data is listed after it in PLUGINS.
    """
    order = plugin_names(settings)
    found = [r for r in signal.receivers_for(sender) if r.__module__.split(".")[0] in order]
    return sorted(found, key=lambda receiver: order.index(receiver.__module__.split(".")[0]))


def declared_types(settings: dict) -> tuple[list[RecordType], list[ContentFields]]:
    """Ask every plugin for its record types and its extra fields for Pelican content."""
    types, extras = [], list(PELICAN_CONTENT_FIELDS)
    for receiver in site_receivers(signals.record_types, settings, settings):
        for item in receiver(settings) or ():
            (types if isinstance(item, RecordType) else extras).append(item)
    return types, extras


class RecordsGenerator(CachingGenerator):
    """Reads the typed collections; ``build`` is the :class:`~records.build.Build` of this run."""

    build = None  # set on the per-build subclass made by records.plugin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.types, self.extras = declared_types(self.settings)
        self.store = Store(self.types, self.settings["DEFAULT_LANG"])
        now = self.build.now
        self.context["now"] = now
        self.context["records"] = self.store
        self.context[BUILD_KEY] = self.build  # for the checks of Pelican's own content

    def problem(self, source_path: str, field: str, message: str, fix: str) -> None:
        self.build.issues.add(source_path, field, message, fix)

    def report(self, source_path: str, problems) -> None:
        for field, message, fix in problems:
            self.problem(source_path, field, message, fix)

    def generate_context(self):
        for record_type in self.types:
            self.read_collection(record_type)
        self.resolve_records()
        self.check_pelican_content()
        self.check_output_paths()
        for receiver in site_receivers(signals.records_ready, self, self.settings):
            receiver(self, store=self.store)
        for record_type in self.types:
            self.context[record_type.context_name] = self.store.all(record_type.name)
        self.save_cache()
        self.readers.save_cache()

    def read_collection(self, record_type: RecordType) -> None:
        for path in sorted(self.get_files([record_type.folder])):
            if record_type.accepts and not record_type.accepts(path):
                continue
            try:
                record = self.readers.read_file(
                    base_path=self.path, path=path, content_class=Record, context=self.context
                )
            except ContentFileError as error:
                self.problem(path, error.field, error.message, error.fix)
                continue
            except Exception as error:  # a reader's failure is an editor's file problem
                self.problem(path, "file", str(error), "check the metadata lines at the top")
                continue
            if record_type.path_values:
                record.metadata = {**record_type.path_values(path), **record.metadata}
            known = {f.name for f in record_type.fields + RECORD_KEYS}
            self.report(path, unknown_keys(path, record.file_keys, known, self.settings))
            written = tuple(f for f in RECORD_KEYS if f.name in record.file_keys)
            parsed = parse_fields(record_type.fields + written, record.metadata, self.settings)
            parsed.problems.extend(record.read_problems)
            record_id = record_type.identify(path, {**record.metadata, **parsed.values})
            trouble = slug_problem(record_id, self.settings)
            if trouble and "slug" not in parsed.values:
                parsed.problems.append(
                    (
                        "slug",
                        f'the id "{record_id[:MAX_SLUG_LENGTH]}" (the file name) {trouble}',
                        "rename the file in lower case with hyphens (our-vigil.md), "
                        "or add a Slug line",
                    )
                )
            if record_type.check and not parsed.problems:
                parsed.problems.extend(record_type.check(parsed.values))
            for field, message, fix in parsed.problems:
                self.problem(path, field, message, fix)
            if parsed.problems:
                self.store.skip(record_type.name, record_id)
                continue
            record.bind(record_type, record_id, parsed.values)
            clash = self.store.add(record)
            if clash is not None:
                self.problem(
                    path,
                    "slug",
                    f'the id "{record_id}" is already used by {clash.relative_source_path}',
                    "rename one of the files or give it its own Slug line",
                )
                continue
            self.add_source_path(record)
            self.add_static_links(record)

    def resolve_records(self) -> None:
        for record_type in self.types:
            for record in self.store.all(record_type.name):
                problems = self.store.resolve(record_type.fields, record.fields)
                for field, message, fix in problems:
                    self.problem(record.source_path, field, message, fix)
                # A required reference to a record skipped for its own errors: already reported.
                orphan = any(
                    f.required and f.target and not record.fields.get(f.name)
                    for f in record_type.fields
                )
                if problems or orphan:
                    self.store.skip(record_type.name, record.id)
                else:
                    record.bind(record_type, record.id, record.fields)

    def check_pelican_content(self) -> None:
        """Type the kit's extra keys on articles and pages; a bad value is dropped, not the post."""
        for extra in self.extras:
            kind = "articles" if extra.kind == "article" else "pages"
            for content in self.pelican_content(kind):
                parsed = parse_fields(extra.fields, content.metadata, self.settings)
                problems = parsed.problems
                if extra.check and not problems:
                    problems.extend(extra.check(parsed.values))
                problems.extend(self.store.resolve(extra.fields, parsed.values))
                for field, message, fix in problems:
                    self.problem(content.source_path, field, message, fix)
                    parsed.values[field] = (
                        [] if isinstance(parsed.values.get(field), list) else None
                    )
                for name, value in parsed.values.items():
                    setattr(content, name.replace("-", "_"), value)

    def pelican_content(self, kind: str) -> list:
        """Every article (``kind="articles"``) or page of the build: published, hidden and
        draft ones, and their translations."""
        singular = kind[:-1]
        names = (kind, f"hidden_{kind}", "drafts" if kind == "articles" else "draft_pages")
        found = []
        for name in names:
            for content in self.context.get(name, []):
                found.append(content)
                found.extend(content.translations)
        return list(
            {id(c): c for c in found if getattr(c, "default_template", None) == singular}.values()
        )

    def check_output_paths(self) -> None:
        """Two files writing the same page is an error; the later one is left out."""
        written: dict[str, object] = {}
        for content in self.pelican_content("articles") + self.pelican_content("pages"):
            self._claim(written, content)
        for record_type in self.types:
            if record_type.template is None:
                continue
            for record in self.store.all(record_type.name):
                self._claim(written, record)

    def _claim(self, written: dict, content) -> None:
        save_as = content.save_as
        if not save_as:
            return
        first = written.setdefault(save_as, content)
        if first is content:
            return
        self.problem(
            content.source_path,
            "slug",
            f"writes the same page ({save_as}) as {first.relative_source_path}",
            "give one of them its own Slug line",
        )
        if isinstance(content, Record):
            self.store.skip(content.record_type.name, content.id)
            return
        for name in (
            "articles",
            "dates",
            "pages",
            "translations",
            "hidden_articles",
            "hidden_pages",
        ):
            items = self.context.get(name)
            if isinstance(items, list) and content in items:
                items.remove(content)
        for original in self.pelican_content("articles") + self.pelican_content("pages"):
            if content in original.translations:
                original.translations.remove(content)

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        for record_type in self.types:
            if record_type.template is None:
                continue
            template = self.get_template(record_type.template)
            for record in self.store.all(record_type.name) + self._translations(record_type):
                writer.write_file(
                    record.save_as,
                    template,
                    self.context,
                    relative_urls=relative,
                    url=record.url,
                    record=record,
                    page_name=record.url,
                    **{record_type.name: record},
                )

    def _translations(self, record_type: RecordType) -> list:
        return [t for r in self.store.all(record_type.name) for t in self.store.translations(r)]
