"""New content files, from the declarations: ``invoke new <kind> "Title"``.

A new file is correctly named, carries ``Status: draft`` (it shows in previews only until an
editor removes that line), has a value for every required key and sensible ones for the
obvious keys (today's date, the site's time zone, a slug from the title, the campaign's next
edition), and lists every key its kind takes, each with what to write, in a note at the top of
the text that is never published. The keys and their notes come from the same declarations
the build checks files against (``Field.help``): never a second list.
"""

import os
import re
from dataclasses import dataclass
from datetime import timedelta

from .builtin import DRAFT, PELICAN_CONTENT_FIELDS, PELICAN_KEYS, RECORD_KEYS
from .generator import declared_types
from .languages import language_codes
from .schema import Field
from .site import site_zone
from .slugs import slug_from_title
from .today import build_now
from .translations import split_language

PELICAN_KINDS = {"post": ("article", "news"), "page": ("page", "pages")}
RECORD_KINDS = ("event", "partner", "campaign", "edition")
KINDS = (*PELICAN_KINDS, *RECORD_KINDS, "translation")


class ScaffoldError(ValueError):
    """What stops a new file from being made, said as the editor should read it."""


@dataclass
class NewFile:
    path: str  # relative to the content folder
    text: str


NAMES = {
    "post": "a news post",
    "page": "a page",
    "event": "an event",
    "partner": "a partner",
    "campaign": "a campaign",
    "edition": "an edition (a year's theme)",
}


def _line(name: str, value) -> str:
    return f"{name.capitalize()}: {value}"


def _note(kind: str, fields: tuple[Field, ...]) -> str:
    width = max(len(f.name) for f in fields) + 2
    lines = [f"Every key of {NAMES[kind]} (docs/editors.md). This note is never published:"]
    for declared in fields:
        label = _line(declared.name, "").rstrip()
        required = " (required)" if declared.required else ""
        lines.append(f"  {label:<{width}} {declared.help}{required}")
    lines.append("Remove the Status: draft line when it is ready to be published.")
    return "<!--\n" + "\n".join(lines).replace("--", "–") + "\n-->\n"


def _unique(fields) -> tuple[Field, ...]:
    """The fields, the first of each name only (a type's own field before the core's)."""
    found: dict[str, Field] = {}
    for declared in fields:
        found.setdefault(declared.name, declared)
    return tuple(found.values())


def new_file(settings: dict, kind: str, title: str, **options) -> NewFile:
    """The new file of ``kind`` titled ``title``; ``options``: campaign, lang, online."""
    if kind not in KINDS:
        raise ScaffoldError(f'"{kind}" is not a kind of file: use one of {", ".join(KINDS)}')
    lang = options.get("lang")
    if lang and lang not in language_codes(settings):
        raise ScaffoldError(
            f'"{lang}" is not one of the site\'s languages: {", ".join(language_codes(settings))}'
        )
    if kind == "translation":
        return translation(settings, title, lang)
    if not slug_from_title(title, settings):
        raise ScaffoldError("the title has no letters or digits to make a file name from")
    now = build_now().astimezone(site_zone(settings))
    if kind in PELICAN_KINDS:
        return _pelican_file(settings, kind, title, now, options)
    return _record_file(settings, kind, title, now, options)


def _pelican_file(settings, kind, title, now, options) -> NewFile:
    slug = slug_from_title(title, settings)
    content_kind, folder = PELICAN_KINDS[kind]
    extras = [f for e in PELICAN_CONTENT_FIELDS if e.kind == content_kind for f in e.fields]
    fields = _unique((*PELICAN_KEYS[content_kind], *extras))
    values = {"title": title, "slug": slug}
    if kind == "post":
        values["date"] = f"{now:%Y-%m-%d %H:%M}"
        values["category"] = "News"
        path = f"{folder}/{now:%Y-%m}-{slug}.md"
    else:
        path = f"{folder}/{slug}.md"
    if options.get("campaign") and kind == "post":
        values["campaign"] = options["campaign"]
    if options.get("lang"):
        values["lang"] = options["lang"]
    return NewFile(path, _document(kind, fields, values))


def _record_file(settings, kind, title, now, options) -> NewFile:
    slug = slug_from_title(title, settings)
    record_type = next((t for t in declared_types(settings)[0] if t.name == kind), None)
    if record_type is None:
        raise ScaffoldError(f"the site does not list the plugin that reads {kind} files")
    fields = _unique((*record_type.fields, *RECORD_KEYS))
    names = {f.name for f in fields}
    values = {"title": title} if "title" in names else {}
    if kind == "event":
        start = now + timedelta(days=7)
        values["start"] = f"{start:%Y-%m-%d} 18:00"
        values["timezone"] = site_zone(settings).key
        if options.get("online"):
            values["online"] = options["online"]
            values["location"] = "Online"
    elif kind == "partner":
        values["website"] = "https://example.org/"
    elif kind == "campaign":
        values["day"] = f"{now:%m-%d}"
    elif kind == "edition":
        values["theme"] = title
    if options.get("campaign") and "campaign" in names and kind != "edition":
        values["campaign"] = options["campaign"]
    if options.get("lang"):
        values["lang"] = options["lang"]
    ids = {"id": slug}
    if kind == "edition":
        campaign = options.get("campaign") or _only_campaign(settings)
        ids.update(campaign=campaign, year=_next_year(settings, campaign, now.year))
    path = f"{record_type.folder}/{record_type.layout.format(**ids)}.md"
    return NewFile(path, _document(kind, fields, values))


def _only_campaign(settings) -> str:
    """The campaign of a new edition when the site has only one."""
    folder = os.path.join(settings["PATH"], "campaigns")
    names = os.listdir(folder) if os.path.isdir(folder) else []
    found = sorted(n for n in names if os.path.isfile(os.path.join(folder, n, "index.md")))
    if len(found) != 1:
        raise ScaffoldError(
            "say which campaign the edition is of: --campaign " + (found[0] if found else "<id>")
        )
    return found[0]


def _next_year(settings, campaign: str, this_year: int) -> int:
    """The year after the campaign's latest edition, and never before this year."""
    folder = os.path.join(settings["PATH"], "campaigns", campaign)
    if not os.path.isfile(os.path.join(folder, "index.md")):
        raise ScaffoldError(f'there is no campaign "{campaign}" (campaigns/{campaign}/index.md)')
    years = [int(m[1]) for name in os.listdir(folder) if (m := re.fullmatch(r"(\d{4})\.md", name))]
    return max([this_year, *(year + 1 for year in years)])


def _document(kind: str, fields, values: dict, body: str = "Write here.\n") -> str:
    values = {**values, "status": DRAFT}
    head = "\n".join(_line(name, value) for name, value in values.items())
    return f"{head}\n\n{_note(kind, fields)}\n{body}"


def translation(settings: dict, original: str, lang: str | None) -> NewFile:
    """The ``lang`` translation of the file ``original`` (its path, from the content folder
    or the repository): its text to translate, none of its shared keys."""
    if not lang:
        raise ScaffoldError("say which language: --lang fr")
    content = os.path.abspath(settings["PATH"])
    full = os.path.abspath(original)
    if not os.path.isfile(full):
        full = os.path.join(content, original)
    relative = os.path.relpath(full, content).replace(os.sep, "/")
    if not os.path.isfile(full) or relative.startswith(".."):
        raise ScaffoldError(f'"{original}" is not a file in content/')
    if split_language(relative, language_codes(settings))[1]:
        raise ScaffoldError(f"{relative} is itself a translation: give its original")
    base, extension = os.path.splitext(relative)
    with open(full, encoding="utf-8") as handle:
        head, _, body = handle.read().partition("\n\n")
    translatable = _translatable(settings, relative) - {"lang", "status"}
    kept = [
        line for line in head.splitlines() if line.split(":", 1)[0].strip().lower() in translatable
    ]
    note = (
        f"<!--\nThe {lang} translation of {relative}. Translate the lines above and the text\n"
        "below; every other key is shared with the original and stays there. This note is\n"
        "never published. Remove the Status: draft line when it is ready.\n-->\n"
    )
    text = "\n".join([*kept, f"Status: {DRAFT}"]) + "\n\n" + note + "\n" + body.lstrip("\n")
    return NewFile(f"{base}.{lang}{extension}", text)


def _translatable(settings: dict, relative: str) -> set[str]:
    folder = relative.split("/", 1)[0]
    for record_type in declared_types(settings)[0]:
        accepted = record_type.accepts is None or record_type.accepts(relative)
        if record_type.folder == folder and accepted:
            return {f.name for f in (*record_type.fields, *RECORD_KEYS) if f.translatable}
    kind = "article" if folder in settings.get("ARTICLE_PATHS", ()) else "page"
    extras = [f for e in PELICAN_CONTENT_FIELDS if e.kind == kind for f in e.fields]
    return {f.name for f in (*PELICAN_KEYS[kind], *extras) if f.translatable}
