"""The generator that reads, checks, links and writes every record of the build, pairs every
translation with its original, and prepares each language's pass (:mod:`records.passes`)."""

import logging

from pelican.generators import CachingGenerator

from . import signals
from .builtin import DRAFT, PELICAN_CONTENT_FIELDS, RECORD_KEYS
from .issues import ContentFileError
from .languages import language_codes, path_prefix
from .passes import (
    LanguagePass,
    in_default_language,
    make_passes,
    pelican_lists,
    show_untranslated,
)
from .pelican_content import BUILD_KEY
from .record import Record
from .schema import ContentFields, Field, RecordType, parse_fields, unknown_keys
from .settings import get as setting
from .settings import plugin_names
from .slugs import MAX_SLUG_LENGTH, slug_problem
from .store import LanguageView, Store
from .translations import Untranslated, address_in, split_language

logger = logging.getLogger(__name__)

PASSES_KEY = "language_passes"  # the context entry of this build's LanguagePass list


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


def _comparable(value):
    """A parsed value in a form two files can be compared by (ids rather than records)."""
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return getattr(value, "id", value)


class RecordsGenerator(CachingGenerator):
    """Reads the typed collections; ``build`` is the :class:`~records.build.Build` of this run."""

    per_language = True  # its pages exist in every language (records.passes)

    build = None  # set on the per-build subclass made by records.plugin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.types, self.extras = declared_types(self.settings)
        self.codes = language_codes(self.settings)
        self.store = Store(self.types)
        now = self.build.now
        self.context["now"] = now
        self.context["records"] = self.store
        self.context[BUILD_KEY] = self.build  # for the checks of Pelican's own content
        self.build.context = self.context

    def problem(self, source_path: str, field: str, message: str, fix: str) -> None:
        self.build.issues.add(source_path, field, message, fix)

    def report(self, source_path: str, problems) -> None:
        for field, message, fix in problems:
            self.problem(source_path, field, message, fix)

    def generate_context(self):
        for record_type in self.types:
            self.read_collection(record_type)
        self.check_translations()
        self.resolve_records()
        self.share_with_translations()
        self.share_live_settings()
        groups = self.pair_pelican_translations()
        self.check_pelican_content()
        self.check_output_paths()
        self.context[PASSES_KEY] = self.derive(groups)
        self.save_cache()
        self.readers.save_cache()

    # Reading ------------------------------------------------------------------------------

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
            self.add_record(record_type, record, path)

    def add_record(self, record_type: RecordType, record: Record, path: str) -> None:
        original_path, code = split_language(path, self.codes)
        if record_type.path_values:
            record.metadata = {**record_type.path_values(path), **record.metadata}
        known = {f.name for f in record_type.fields + RECORD_KEYS}
        self.report(path, unknown_keys(path, record.file_keys, known, self.settings))
        own = {f.name for f in record_type.fields}
        written = tuple(f for f in RECORD_KEYS if f.name in record.file_keys and f.name not in own)
        fields = record_type.fields + written
        if code:  # a translation gives its text; the rest comes from its original
            fields = tuple(
                f if f.translatable else Field(f.name, f.type, default=f.default) for f in fields
            )
        parsed = parse_fields(fields, record.metadata, self.settings)
        parsed.problems.extend(record.read_problems)
        if code:
            parsed.problems.extend(self.language_from_name(record.metadata, code, record))
        record_id = record_type.identify(original_path, {**record.metadata, **parsed.values})
        trouble = slug_problem(record_id, self.settings)
        if trouble and "slug" not in parsed.values:
            parsed.problems.append(
                (
                    "slug",
                    f'the id "{record_id[:MAX_SLUG_LENGTH]}" (the file name) {trouble}',
                    "rename the file in lower case with hyphens (our-vigil.md), or add a Slug line",
                )
            )
        if record_type.check and not parsed.problems and not code:
            parsed.problems.extend(record_type.check(parsed.values))
        self.report(path, parsed.problems)
        if parsed.problems:
            if not code:
                self.store.skip(record_type.name, record_id)
            return
        if record.status == DRAFT and not setting(self.settings, "SHOW_DRAFTS"):
            if not code:
                self.store.skip(record_type.name, record_id)  # references to it: dropped
            return
        record.bind(record_type, record_id, parsed.values)
        clash = self.store.add(record, translation=bool(code))
        if clash is not None:
            self.problem(
                path,
                "slug",
                f'the id "{record_id}" is already used by {clash.relative_source_path}',
                "rename one of the files or give it its own Slug line",
            )
            return
        self.add_source_path(record)
        self.add_static_links(record)

    def language_from_name(self, metadata: dict, code: str, content) -> list:
        """A translation's language is the one its file name gives; a Lang line that says
        another is an error."""
        written = metadata.get("lang")
        content.lang = metadata["lang"] = code
        content.in_default_lang = code == self.settings.get("DEFAULT_LANG")
        if "lang" in getattr(content, "file_keys", ()) and written != code:
            return [
                (
                    "lang",
                    f'says "{written}" but the file name says "{code}"',
                    "remove the Lang line: a translation's language comes from its file name",
                )
            ]
        return []

    # Translations -------------------------------------------------------------------------

    def check_translations(self) -> None:
        """Every translation has an original, and agrees with it on every shared key."""
        for record_type in self.types:
            for translation in self.store.orphans(record_type.name):
                if self.store.was_skipped(record_type.name, translation.id):
                    continue  # its original has errors of its own, already reported
                original = split_language(translation.relative_source_path, self.codes)[0]
                self.problem(
                    translation.source_path,
                    "file",
                    f"is a translation of {original}, which does not exist",
                    f"add {original}, or rename this file to it if it is the original",
                )
            for original in self.store.all(record_type.name):
                for translation in list(self.store.translations(original)):
                    self.check_shared(record_type.fields, original, translation)

    def check_shared(self, fields, original, translation) -> None:
        for declared in fields:
            if declared.translatable or declared.name not in translation.file_keys:
                continue
            mine = _comparable(translation.fields.get(declared.name))
            theirs = _comparable(original.fields.get(declared.name))
            if mine != theirs:
                self.contradiction(translation, original, declared)

    def contradiction(self, translation, original, declared: Field) -> None:
        """A translation gives a language-neutral key another value than its original."""
        self.problem(
            translation.source_path,
            declared.name,
            f"differs from the original ({original.relative_source_path})",
            "remove the line: a translation shares the original's "
            f"{declared.label}, and only its text is translated",
        )

    def share_with_translations(self) -> None:
        """Each translation takes its original's language-neutral values (resolved)."""
        for record_type in self.types:
            for original in self.store.all(record_type.name):
                for translation in self.store.translations(original):
                    values = dict(translation.fields)
                    for declared in record_type.fields:
                        if not declared.translatable:
                            values[declared.name] = original.fields.get(declared.name)
                    translation.bind(record_type, original.id, values)

    def share_live_settings(self) -> None:
        """Posts and pages read from Pelican's cache carry a copy of the settings of the build
        that cached them, pickled with them, and so do their category, tags and authors. Each
        language pass changes the live settings (records.passes): give them the live ones, as
        a fresh read does, or every language would write a tag's page at one path."""
        for content in self.pelican_content("articles") + self.pelican_content("pages"):
            content.settings = self.settings
            wrappers = [getattr(content, "category", None)]
            wrappers += [*(getattr(content, "tags", None) or ())]
            wrappers += [*(getattr(content, "authors", None) or ())]
            for wrapper in filter(None, wrappers):
                wrapper.settings = self.settings

    def pair_pelican_translations(self) -> dict[str, list[dict]]:
        """Pair each translated post or page with its original (same slug, date and
        authors); return, for "articles" and "pages", each group as ``{lang: item}`` with the
        original also under None."""
        groups = {}
        for kind in ("articles", "pages"):
            by_key: dict[str, list] = {}
            for item in self.pelican_content(kind):
                by_key.setdefault(item.translation_key, []).append(item)
            groups[kind] = []
            for key, items in by_key.items():
                source = next((i for i in items if i.relative_source_path == key), None)
                group = {None: source} if source else {}
                for item in items:
                    if item is source or self.pair(item, source, key):
                        group[item.lang] = item
                    else:
                        self.drop(item)
                if source is not None:
                    groups[kind].append(group)
        order = {code: index for index, code in enumerate(self.codes)}
        for kind in ("articles", "pages"):
            for item in self.pelican_content(kind):
                # Pelican's order depends on the order it read the files in (its cache's)
                item.translations.sort(key=lambda t: (order.get(t.lang, len(order)), t.lang))
        return groups

    def pair(self, translation, source, key: str) -> bool:
        if source is None:
            self.problem(
                translation.source_path,
                "file",
                f"is a translation of {key}, which does not exist",
                f"add {key}, or rename this file to it (with a Lang line) if it is the original",
            )
            return False
        shared = ["slug", "date"] + (["authors"] if hasattr(source, "authors") else [])
        agrees = True
        for name in shared:
            mine, theirs = getattr(translation, name, None), getattr(source, name, None)
            if name in translation.file_keys and mine != theirs:
                self.problem(
                    translation.source_path,
                    name,
                    f"differs from the original ({source.relative_source_path})",
                    f"remove the line: a translation shares the original's {name.capitalize()}",
                )
                agrees = False
            elif theirs is not None:
                setattr(translation, name, theirs)
            elif name == "date" and name not in translation.file_keys:
                # An undated original (a page): drop the stand-in date its translation was
                # read with (records.pelican_content), or the build's time would pass for its date.
                for attribute in ("date", "locale_date"):
                    translation.__dict__.pop(attribute, None)
                translation.metadata.pop("date", None)
        return agrees

    def drop(self, content) -> None:
        """Leave a post or page out of the build (its error was reported)."""
        for name in ("articles", "dates", "pages", "translations", "hidden_articles"):
            items = self.context.get(name)
            if isinstance(items, list) and content in items:
                items.remove(content)
        for name in ("hidden_pages", "drafts", "draft_pages"):
            items = self.context.get(name)
            if isinstance(items, list) and content in items:
                items.remove(content)
        for original in self.pelican_content("articles") + self.pelican_content("pages"):
            if content in original.translations:
                original.translations.remove(content)

    # Checks -------------------------------------------------------------------------------

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
        """Type the kit's extra keys on articles and pages; a bad value is dropped, not the
        post. A translation takes its original's language-neutral values."""
        for extra in self.extras:
            kind = "articles" if extra.kind == "article" else "pages"
            items = self.pelican_content(kind)
            originals = {}
            for content in sorted(items, key=lambda c: c.translation_key != c.relative_source_path):
                parsed = parse_fields(extra.fields, content.metadata, self.settings)
                problems = parsed.problems
                problems.extend(self.store.resolve(extra.fields, parsed.values))
                source = originals.get(content.translation_key)
                if source is None:
                    originals[content.translation_key] = (content, parsed.values)
                else:
                    self.share_pelican_values(extra.fields, content, parsed.values, source)
                for field, message, fix in problems:
                    self.problem(content.source_path, field, message, fix)
                    parsed.values[field] = (
                        [] if isinstance(parsed.values.get(field), list) else None
                    )
                for name, value in parsed.values.items():
                    setattr(content, name.replace("-", "_"), value)

    def share_pelican_values(self, fields, translation, values: dict, source) -> None:
        original, shared = source
        for declared in fields:
            if declared.translatable:
                continue
            if declared.name in translation.metadata and _comparable(
                values.get(declared.name)
            ) != _comparable(shared.get(declared.name)):
                self.contradiction(translation, original, declared)
            values[declared.name] = shared.get(declared.name)

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
                for item in (record, *self.store.translations(record)):
                    self._claim(written, item)

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
        else:
            self.drop(content)

    # Languages ----------------------------------------------------------------------------

    def address(self, item, lang: str) -> tuple[str, str]:
        """(url, save_as) of ``item``'s page in ``lang``, where it is not written in it."""
        if isinstance(item, Record):
            patterns = tuple(item.record_type.setting(self.settings, k) for k in ("url", "save_as"))
        else:
            kind = "ARTICLE" if item.default_template == "article" else "PAGE"
            patterns = tuple(
                self.settings[f"{kind}_{k}"].removeprefix("{lang}/") for k in ("URL", "SAVE_AS")
            )
        return address_in(item, lang, patterns, path_prefix(lang, self.settings))

    def derive(self, groups: dict) -> list[LanguagePass]:
        """Each language's lists, and what the plugins derive for it (``records_ready``,
        sent once per language with that language's view of the records)."""
        show = show_untranslated(self.settings)
        passes = make_passes(self.settings)
        for pass_ in passes:
            lang = pass_.language.code
            view = LanguageView(self.store, lang, show, self.address)
            pelican_lists(pass_, groups, self.settings, self.untranslated)
            pass_.context["records"] = view
            for record_type in self.types:
                pass_.context[record_type.context_name] = view.all(record_type.name)
            self.localise_references(pass_, view)
            with pass_.applied(self.settings, self.context):
                before = dict(self.context)
                for receiver in site_receivers(signals.records_ready, self, self.settings):
                    receiver(self, store=view)
                pass_.context.update(
                    (key, value)
                    for key, value in self.context.items()
                    if key not in before or before[key] is not value
                )
        return passes

    def untranslated(self, item, lang: str) -> Untranslated:
        return Untranslated(item, lang, *self.address(item, lang))

    def localise_references(self, pass_: LanguagePass, view: LanguageView) -> None:
        """In a language's pages, a reference leads to the referred record in that language."""

        def localised(value):
            if isinstance(value, list):
                return [found for found in map(localised, value) if found is not None]
            if isinstance(value, Untranslated):
                value = value.original
            return view.localise(value) if isinstance(value, Record) else value

        for record_type in self.types:
            references = [f for f in record_type.fields if f.target]
            for record in pass_.context[record_type.context_name]:
                fields = dict(record.fields)
                for declared in references:
                    fields[declared.name] = localised(fields.get(declared.name))
                    setattr(record, declared.attribute, fields[declared.name])
                if isinstance(record, Untranslated) or references:
                    record.fields = fields
        for extra in self.extras:
            references = [f for f in extra.fields if f.target]
            items = pass_.context["articles" if extra.kind == "article" else "pages"]
            for item in items + pass_.context.get(f"hidden_{extra.kind}s", []):
                for declared in references:
                    value = getattr(item, declared.attribute, None)
                    setattr(item, declared.attribute, localised(value))

    # Writing ------------------------------------------------------------------------------

    def generate_output(self, writer):
        """One page per record of the language being written (see records.passes); with
        every language under its own prefix, the root page that lists them."""
        relative = self.settings["RELATIVE_URLS"]
        records = self.context["records"]
        if setting(self.settings, "DEFAULT_LANG_PREFIXED") and in_default_language(self.settings):
            writer.write_file(
                "index.html", self.get_template("languages"), self.context, relative, url=""
            )
        for record_type in self.types:
            if record_type.template is None:
                continue
            template = self.get_template(record_type.template)
            for record in records.all(record_type.name):
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
