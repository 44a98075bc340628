"""Declarations: the fields of a record type, and the record types themselves."""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .fields import FieldError, FieldType, List, ParseContext, Ref, did_you_mean


@dataclass(frozen=True)
class Field:
    """One metadata key. ``default`` may be a callable taking the settings.

    ``translatable`` keys hold text a translation gives in its own language (a title, a
    theme); every other key is language-neutral (a date, a place, a website, a list of
    partners): written once, in the original, and shared by its translations. ``help`` says
    in a line what to write: new files (``invoke new``) and the browser editor show it.
    """

    name: str
    type: FieldType
    required: bool = False
    default: Any = None
    translatable: bool = False
    help: str = ""

    @property
    def attribute(self) -> str:
        return self.name.replace("-", "_")

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @property
    def target(self) -> str | None:
        """The record type this field refers to, if it is a reference or a list of them."""
        kind = self.type.item if isinstance(self.type, List) else self.type
        return kind.target if isinstance(kind, Ref) else None

    def default_for(self, settings: dict) -> Any:
        return self.default(settings) if callable(self.default) else self.default


def _file_stem(source_path: str, values: dict) -> str:
    return values.get("slug") or os.path.splitext(os.path.basename(source_path))[0]


@dataclass(frozen=True)
class RecordType:
    """A kind of record: where its files live, its fields, and how its pages are named.

    ``url``/``save_as`` are defaults; a site overrides them with ``<NAME>_URL`` and
    ``<NAME>_SAVE_AS`` settings; a record in another language than the default has the same
    paths under that language's prefix (:func:`records.languages.path_prefix`),
    as with Pelican's own content. ``template`` is None for records without a page of their
    own. ``identify`` returns a record's id from its source path (relative to the content
    folder) and its metadata, parsed values over raw ones; ``check`` receives the parsed
    values and returns a list of ``(field, message, fix)`` for rules across several fields.
    Two types may share a folder: ``accepts`` says which files (by source path) are this
    type's, and ``path_values`` gives raw values read from the path (a year from ``2017.md``)
    that the file's own metadata overrides. ``id_help`` tells an editor where ids come from.
    ``layout`` says where a record's file sits in the folder, without ``.md``, for tools that
    write files (the browser editor, plugins/cms): ``{id}`` (``partners/osce.md``), ``{id}/index``
    (a folder per record) or ``{<field>}/{<field>}`` (an edition: ``<campaign>/<year>``); it
    must agree with ``accepts`` and ``path_values``. New files (``invoke new``) go there too.
    ``listed_as`` names and dates a record of a type with no Title or date of its own where
    pages of every kind are listed together (:func:`records.links.listed_as`).
    """

    name: str
    folder: str
    fields: tuple[Field, ...]
    context_name: str
    template: str | None = None
    url: str = ""
    save_as: str = ""
    identify: Callable[[str, dict], str] = _file_stem
    check: Callable | None = None
    order_by: Callable | None = None
    accepts: Callable[[str], bool] | None = None
    path_values: Callable[[str], dict] | None = None
    id_help: str = "the name of a file in {folder}/ without .md"
    layout: str = "{id}"
    listed_as: Callable | None = None

    def setting(self, settings: dict, key: str) -> str:
        """Return ``<NAME>_<KEY>`` from the settings, or this type's default."""
        return settings.get(f"{self.name}_{key}".upper(), getattr(self, key.lower()))


@dataclass(frozen=True)
class ContentFields:
    """Extra typed fields for Pelican's own content: ``kind`` is "article" or "page"."""

    kind: str
    fields: tuple[Field, ...]
    check: Callable | None = None


RESERVED_ATTRIBUTES = frozenset({"content", "summary", "url", "save_as", "status", "metadata"})


@dataclass
class Parsed:
    values: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # (field label, message, fix)


def parse_fields(fields: tuple[Field, ...], metadata: dict, settings: dict) -> Parsed:
    """Parse every declared field of ``metadata``; collect every problem, not just the first."""
    parsed = Parsed()
    context = ParseContext(settings, settings["PATH"], parsed.values)
    for declared in fields:
        raw = metadata.get(declared.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if declared.required:
                example = declared.type.example
                parsed.problems.append(
                    (
                        declared.name,
                        "missing",
                        f'add a line "{declared.label}: {example}" at the top',
                    )
                )
            parsed.values[declared.name] = declared.default_for(settings)
            continue
        try:
            parsed.values[declared.name] = declared.type.parse(raw, context)
        except FieldError as error:
            parsed.problems.append((declared.name, error.message, error.fix))
            parsed.values[declared.name] = declared.default_for(settings)
    has_alt_field = any(declared.name == "image-alt" for declared in fields)
    if has_alt_field and parsed.values.get("image") and not parsed.values.get("image-alt"):
        parsed.problems.append(
            ("image-alt", "missing for the Image", 'add "Image-alt: what the image shows"')
        )
    return parsed


def unknown_keys(path: str, keys, known: set[str], settings: dict) -> list[tuple[str, str, str]]:
    """A (field, message, fix) for each key the file wrote that no one reads.

    A misspelt key is not ignored in silence: ``Timezon: Europe/Rome`` would publish an event
    hours off. ``known`` holds the declared keys; a site adds its own with
    ``EXTRA_CONTENT_KEYS`` (see :mod:`records.settings`).
    """
    allowed = known | extra_keys(path, settings)
    problems = []
    for key in keys:
        if key not in allowed:
            problems.append(
                (
                    key,
                    "is not a key this kind of file takes" + did_you_mean(key, sorted(allowed)),
                    "correct its spelling, or remove the line (docs/editors.md lists every key)",
                )
            )
    return problems


def extra_keys(path: str, settings: dict) -> set[str]:
    """Keys a site declares for its own theme: a list for every file, or a dict from the first
    folder of a file's path (``news``, ``events``…) to a list."""
    extra = settings.get("EXTRA_CONTENT_KEYS") or ()
    if isinstance(extra, dict):
        extra = extra.get(path.split("/", maxsplit=1)[0], ())
    return {str(key).lower() for key in extra}
