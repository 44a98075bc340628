"""Decap CMS's configuration, made from the records core's declarations.

Every collection and every field of ``admin/config.yml`` comes from what the plugins declare
(:func:`records.generator.declared_types`) and from Pelican's own keys
(:data:`records.builtin.PELICAN_KEYS`): a key added to a type is in the editor at the next
build, and there is no second list to keep in step. Each field keeps its declaration's name,
``required`` and ``help`` (Decap's ``hint``); its type gives the widget (:data:`WIDGETS`).

Translations are Decap's ``multiple_files``: ``about.fr.md`` beside the original. A
``translatable`` field is edited in every language; any other (a date, a place, a reference)
only in the original, so a translation file holds only its text, as the kit requires.

Decap writes YAML front matter; the kit reads ``Key: value`` lines. Each collection therefore
has a format of its own, ``kit-<collection>``, which ``kit-cms.js`` registers from what
:meth:`Editor.formats` says of its keys: which hold lists (and whether one per line), whole
numbers, yes or no, and references to records kept in a folder of their own (a campaign is
``campaigns/<id>/index.md``: the editor knows it as ``<id>/index``, files write ``<id>``).

Records are laid out as their type's ``layout`` says. ``{id}`` and ``{id}/index`` are one
collection each; a layout that starts with a reference (an edition's ``{campaign}/{year}``)
gives one collection per record referred to (the editions of each campaign), whose folder
gives that field. Two types in one folder (campaigns and their editions) are told apart by a
key only one of them has (:meth:`Editor.marker`).
"""

import posixpath
import re
from dataclasses import replace

from records import (
    URL,
    Boolean,
    Choice,
    Colour,
    Country,
    Date,
    DateTime,
    Field,
    File,
    Integer,
    List,
    MonthDay,
    Ref,
    Text,
    TimeZone,
    language,
    site_languages,
)
from records.builtin import PELICAN_KEYS, RECORD_KEYS, Language, Moment, Names
from records.fields import FieldType, place_zones
from records.filetypes import IMAGE_TYPES
from records.generator import declared_types
from records.schema import RecordType
from records.slugs import Slug

from .settings import CmsSettings

# The key under which kit-cms.js keeps the keys a file wrote, in their order: a file saved
# from the editor keeps its lines where they were, and a collection that shares its folder
# lists only the files with its marker key. No file can write it: a metadata key has no colon.
KEYS = "kit:keys"
NEW_STATUS = "draft"  # the Status of a news post or page made in the editor
PELICAN_LISTS = ("tags", "authors")  # Pelican splits these at commas; Category, Author: one name
PATTERNS = {
    "url": (r"^https?://[^\s\"'<>\\`]+$", "a full web address, starting with https://"),
    "month-day": (r"^\d{2}-\d{2}$", "a day of the year as MM-DD, e.g. 02-08"),
    "date-time": (
        r"^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$",
        "YYYY-MM-DD HH:MM, or YYYY-MM-DD for a whole day",
    ),
    "slug": (r"^[a-z0-9]+(-[a-z0-9]+)*$", "lower-case letters, digits and single hyphens"),
}
BODY = {
    "name": "body",
    "label": "Text",
    "widget": "markdown",
    "required": False,
    "i18n": True,
    "hint": "the text, in Markdown; headings start at ##",
    # the Markdown as written first: the rich-text view rewrites every line it is given
    "modes": ["raw", "rich_text"],
    "sanitize_preview": True,
}


class FromFolder(FieldType):
    """A field that a collection's folder gives (an edition's campaign): not edited."""


class Editor:
    """The editor's collections for one build: ``store`` (the build's records) names the
    records that have collections of their own; without it there are none."""

    def __init__(self, settings: dict, conf: CmsSettings, store=None):
        self.settings, self.conf, self.store = settings, conf, store
        self.types, self.extras = declared_types(settings)
        self.by_name = {record_type.name: record_type for record_type in self.types}
        self.fields: dict[str, tuple[Field, ...]] = {}  # collection name -> declarations
        self.collections = self._pelican_collections()
        for record_type in self.types:
            self.collections += self._record_collections(record_type)

    def config(self) -> dict:
        languages = site_languages(self.settings)
        config = {
            "backend": self.conf.backend,
            "publish_mode": "editorial_workflow",
            "media_folder": self.in_repository("images"),
            "public_folder": "{static}/images",  # as a page's Markdown shows an image
            "slug": {"encoding": "ascii", "clean_accents": True},
            "i18n": {
                "structure": "multiple_files",
                "locales": [each.code for each in languages],
                "default_locale": languages[0].code,
            },
            "collections": self.collections,
        }
        siteurl = (self.settings.get("SITEURL") or "").rstrip("/")
        if siteurl.startswith(("http://", "https://")):
            config["site_url"] = config["display_url"] = siteurl
        return config

    def in_repository(self, path: str) -> str:
        """``path`` inside the content folder, as a path inside the repository."""
        return posixpath.join(self.conf.content, path) if self.conf.content else path

    def formats(self) -> dict[str, dict]:
        """For each collection's format, what kit-cms.js must know of its keys: lists,
        numbers, yes/no, references' suffixes, and which keys a translation gives."""
        return {f"kit-{name}": self._schema(fields) for name, fields in self.fields.items()}

    # Collections ----------------------------------------------------------------------------

    def _pelican_collections(self) -> list[dict]:
        found = []
        for kind, name, paths, slug, singular in (
            ("article", "news", "ARTICLE_PATHS", "{{year}}-{{month}}-{{slug}}", "News post"),
            ("page", "pages", "PAGE_PATHS", "{{slug}}", "Page"),
        ):
            extra = tuple(f for e in self.extras if e.kind == kind for f in e.fields)
            fields = PELICAN_KEYS[kind] + extra
            if kind == "article" and self.settings.get("DEFAULT_DATE") is None:
                # Pelican refuses a post without a date when it has no default to give it
                fields = tuple(replace(f, required=True) if f.name == "date" else f for f in fields)
            folder = (list(self.settings.get(paths) or ()) or [name])[0].strip("/")
            collection = self._collection(name, name.capitalize(), fields)
            collection.update(folder=self.in_repository(folder), slug=slug, label_singular=singular)
            for field in collection["fields"]:
                if field["name"] == "status":  # Pelican's: a new post or page is a draft
                    field["default"] = NEW_STATUS
            found.append(collection)
        return found

    def _record_collections(self, record_type: RecordType) -> list[dict]:
        own = {field.name for field in record_type.fields}
        fields = record_type.fields + tuple(f for f in RECORD_KEYS if f.name not in own)
        folder = self.in_repository(record_type.folder)
        singular = record_type.name.capitalize()
        marker = self.marker(record_type)
        first, _, rest = record_type.layout.partition("/")
        if first == "{id}":
            collection = self._collection(
                record_type.name, record_type.folder.capitalize(), fields, marker
            )
            collection.update(folder=folder, slug="{{slug}}", label_singular=singular)
            if rest:
                collection["path"] = "{{slug}}/" + _template(rest)
            return [collection]
        owner = next(field for field in fields if "{" + field.name + "}" == first)
        parents = self.store.all(owner.target) if self.store is not None else []
        given = tuple(
            Field(f.name, FromFolder(), help=f"{f.help} (given by the folder)") if f is owner else f
            for f in fields
        )
        found = []
        for parent in sorted(parents, key=lambda record: record.id):
            name, label = f"{record_type.name}-{parent.id}", f"{singular}s: {parent.title}"
            collection = self._collection(name, label, given, marker)
            collection.update(
                folder=f"{folder}/{parent.id}", slug=_template(rest), label_singular=singular
            )
            found.append(collection)
        return found

    def marker(self, record_type: RecordType) -> str | None:
        """The key that tells this type's files from those of the other types in its folder
        (a campaign has a Title, an edition a Theme): its first required key that no other
        type there declares and that the path does not give. None when the folder is its
        own."""
        others = [t for t in self.types if t.folder == record_type.folder and t is not record_type]
        if not others:
            return None
        taken = {field.name for other in others for field in other.fields}
        taken.update(re.findall(r"\{([^}]+)\}", record_type.layout))
        found = [f.name for f in record_type.fields if f.required and f.name not in taken]
        if not found:
            raise ValueError(
                f"{record_type.name}: no required key of its own tells its files from the "
                f"others in {record_type.folder}/ — the browser editor cannot list them apart"
            )
        return found[0]

    def _collection(self, name: str, label: str, fields, marker: str | None = None) -> dict:
        self.fields[name] = fields
        shown = _identifier(fields)
        collection = {
            "name": name,
            "label": label,
            "format": f"kit-{name}",
            "extension": "md",
            "create": True,
            "i18n": True,
            "identifier_field": shown,
            "summary": "{{" + shown + "}}",
            "fields": [self.field(field) for field in fields] + [BODY],
        }
        if marker:
            collection["filter"] = {"field": KEYS, "value": marker}
        return collection

    # Fields ---------------------------------------------------------------------------------

    def field(self, field: Field) -> dict:
        """One field: its declaration, and the widget its type calls for."""
        widget = self.widget(field.type)
        if isinstance(field.type, Names) and field.name not in PELICAN_LISTS:
            widget = {"widget": "string"}  # a category, an author: one name
        found = {
            "name": field.name,
            "label": field.label,
            "required": field.required,
            "hint": field.help,
            "i18n": _translated(field),
            **widget,
        }
        if isinstance(field.default, str | int) and not isinstance(field.default, bool):
            found["default"] = field.default
        return found

    def widget(self, kind: FieldType) -> dict:
        """Decap's widget for a field type, with its options: the first entry of
        :data:`WIDGETS` that the type is an instance of; a type of a plugin's own that none
        names (an event's recurrence rule) is a line of text."""
        for types, make in WIDGETS:
            if isinstance(kind, types):
                return make(self, kind)
        return {"widget": "string"}

    def list_widget(self, kind: List) -> dict:
        if isinstance(kind.item, Ref):
            return {**self.relation(kind.item), "multiple": True}
        return {
            "widget": "list",
            "field": {"name": "item", "label": "Item", **self.widget(kind.item)},
        }

    def relation(self, kind: Ref) -> dict:
        target = self.by_name.get(kind.target)
        if target is None or not target.layout.startswith("{id}"):
            return {"widget": "string"}  # no one collection holds them: the id is written
        shown = _identifier(target.fields)
        return {
            "widget": "relation",
            "collection": target.name,
            "value_field": "{{slug}}",
            "search_fields": [shown],
            "display_fields": [shown],
        }

    def file(self, kind: File) -> dict:
        images = set(kind.extensions) <= set(IMAGE_TYPES)
        folder = "images" if images else "files"
        return {
            "widget": "image" if images else "file",
            # a field gives a path from content/, as editors write it: Image: images/x.jpg
            "media_folder": "/" + self.in_repository(folder),
            "public_folder": folder,
            "choose_url": False,  # pages show nothing from other hosts
        }

    def _schema(self, fields) -> dict:
        schema = {}
        for field in fields:
            kind, found = field.type, {}
            if isinstance(kind, List) or field.name in PELICAN_LISTS:
                one_per_line = isinstance(kind, List) and isinstance(kind.item, Text)
                found["list"] = "lines" if one_per_line else "commas"
            item = kind.item if isinstance(kind, List) else kind
            if isinstance(item, Integer):
                found["integer"] = True
            if isinstance(item, Boolean):
                found["boolean"] = True
            target = self.by_name.get(item.target) if isinstance(item, Ref) else None
            if target is not None and target.layout.startswith("{id}/"):
                found["suffix"] = target.layout.removeprefix("{id}")
            if _translated(field):
                found["translatable"] = True
            if found:
                schema[field.name] = found
        return schema


def _translated(field: Field) -> bool:
    """Whether translations give the field. A translation's language is in its file name:
    Lang is the original's alone."""
    return field.translatable and field.name != "lang"


def _identifier(fields) -> str:
    """What names an entry in lists: its title, else its first required text."""
    if any(field.name == "title" for field in fields):
        return "title"
    return next(f.name for f in fields if f.required and isinstance(f.type, Text))


def _template(layout: str) -> str:
    """A layout's placeholders written as Decap's: ``{year}`` → ``{{fields.year}}``."""
    return re.sub(
        r"\{([^}]+)\}",
        lambda match: "{{slug}}" if match[1] == "id" else "{{fields." + match[1] + "}}",
        layout,
    )


def _string(pattern: str) -> dict:
    return {"widget": "string", "pattern": list(PATTERNS[pattern])}


def _datetime(form: str) -> dict:
    timed = " " in form
    return {
        "widget": "datetime",
        "format": form,
        "date_format": "YYYY-MM-DD",
        "time_format": "HH:mm" if timed else False,
        "picker_utc": False,
    }


def _countries(editor: Editor, kind: Country) -> dict:
    names = language(editor.settings).locale.territories
    found = sorted(
        ({"label": f"{names.get(code, code)} ({code})", "value": code} for code in kind.codes),
        key=lambda option: option["label"].casefold(),
    )
    return {"widget": "select", "options": [*kind.extra, *found]}


def _zones(editor: Editor, kind: TimeZone) -> dict:
    """UTC and every zone named by a region and a city: the zones the kit takes."""
    return {"widget": "select", "options": ["UTC", *sorted(place_zones())]}


def _languages(editor: Editor, kind: Language) -> dict:
    options = [{"label": each.name, "value": each.code} for each in site_languages(editor.settings)]
    return {"widget": "select", "options": options}


def _number(editor: Editor, kind: Integer) -> dict:
    found = {"widget": "number", "value_type": "int", "step": 1}
    if kind.minimum is not None:
        found["min"] = kind.minimum
    if kind.maximum is not None:
        found["max"] = kind.maximum
    return found


# Field types and the widgets that edit them, in the order they are tried (a type before the
# types it derives from).
WIDGETS = (
    (FromFolder, lambda editor, kind: {"widget": "hidden"}),
    (List, Editor.list_widget),
    (
        Names,
        lambda editor, kind: {"widget": "list"},
    ),  # names separated by commas, as Pelican reads them
    (Ref, Editor.relation),
    (File, Editor.file),
    (Integer, _number),
    (Boolean, lambda editor, kind: {"widget": "boolean"}),
    (Choice, lambda editor, kind: {"widget": "select", "options": list(kind.options)}),
    (Language, _languages),
    (Country, _countries),
    (TimeZone, _zones),
    (Colour, lambda editor, kind: {"widget": "color", "allowInput": True, "enableAlpha": False}),
    (Date, lambda editor, kind: _datetime("YYYY-MM-DD")),
    # a picker has no "whole day": Start: 2026-02-08 is written as such
    (
        DateTime,
        lambda editor, kind: (
            _string("date-time") if kind.allow_all_day else _datetime("YYYY-MM-DD HH:mm")
        ),
    ),
    (Moment, lambda editor, kind: _datetime("YYYY-MM-DD HH:mm")),
    (MonthDay, lambda editor, kind: _string("month-day")),
    (URL, lambda editor, kind: _string("url")),
    (Slug, lambda editor, kind: _string("slug")),
    (Text, lambda editor, kind: {"widget": "text" if kind.multiline else "string"}),
)
