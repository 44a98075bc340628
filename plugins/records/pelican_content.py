"""Checks on Pelican's own news posts and pages as they are read, before any object is made.

Pelican sends ``article_generator_context`` and ``page_generator_context`` with the metadata
of each file it reads. Here every key the file wrote is checked: an unknown key is reported
and dropped (``Save_as`` or ``Template`` would otherwise move or restyle a page), and each of
Pelican's own keys is typed (:data:`records.builtin.PELICAN_KEYS`). A file with a bad value
of Pelican's keys is skipped (``status = "skip"``, which Pelican honours without caching the
file, so the error is shown again on every build); a post whose title gives no usable address
gets a slug made from it, shortened, or an error. The kit's own keys on posts and pages
(``Campaign``, ``Partners``…) need the records and are checked later, by the records
generator.
"""

from pelican import signals

from .builtin import PELICAN_CONTENT_FIELDS, PELICAN_KEYS
from .languages import language_codes
from .markdown import SOURCE_KEY
from .schema import parse_fields, unknown_keys
from .settings import plugin_enabled
from .slugs import MAX_SLUG_LENGTH, slug_from_title, slug_problem
from .translations import split_language

BUILD_KEY = "records_build"  # the context entry of this run's Build, set by RecordsGenerator


def _known_keys(kind: str) -> set[str]:
    extras = [
        f.name for extra in PELICAN_CONTENT_FIELDS if extra.kind == kind for f in extra.fields
    ]
    return {f.name for f in PELICAN_KEYS[kind]} | set(extras)


def check(generator, kind: str, metadata: dict) -> None:
    if not plugin_enabled(generator.settings, "records"):
        return
    source = metadata.pop(SOURCE_KEY, None)
    build = generator.context.get(BUILD_KEY)
    if source is None or build is None:
        return
    settings = generator.settings
    path = build.issues.relative(source.path)
    for key, message, fix in unknown_keys(path, source.keys, _known_keys(kind), settings):
        build.issues.add(path, key, message, fix)
        metadata.pop(key, None)
    declared = tuple(f for f in PELICAN_KEYS[kind] if f.name in source.keys)
    problems = [*source.problems, *parse_fields(declared, metadata, settings).problems]
    original, code = split_language(path, language_codes(settings))
    metadata["translation_key"] = original
    metadata["file_keys"] = source.keys
    if code:
        problems.extend(_language_from_name(metadata, code, source.keys))
        # Shared with the original, which may not be read yet: the records generator copies
        # its date and slug in once every file is read (these only satisfy Pelican meanwhile).
        metadata.setdefault("date", build.now)
        metadata.setdefault("slug", "translation")
    elif "slug" not in source.keys and "title" in metadata and not problems:
        slug = slug_from_title(str(metadata["title"]), settings)
        trouble = slug_problem(slug, settings) if slug else "has no letters or digits"
        if trouble:
            problems.append(
                (
                    "slug",
                    f'"{slug[:MAX_SLUG_LENGTH]}", the address made from the Title, {trouble}',
                    "add a line such as Slug: our-vigil-2026",
                )
            )
        metadata["slug"] = slug
    for field, message, fix in problems:
        build.issues.add(path, field, message, fix)
    if problems:
        metadata["status"] = "skip"


def _language_from_name(metadata: dict, code: str, keys) -> list:
    written = metadata.get("lang")
    metadata["lang"] = code
    if "lang" in keys and written != code:
        return [
            (
                "lang",
                f'says "{written}" but the file name says "{code}"',
                "remove the Lang line: a translation's language comes from its file name",
            )
        ]
    return []


def check_article(generator, metadata: dict) -> None:
    check(generator, "article", metadata)


def check_page(generator, metadata: dict) -> None:
    check(generator, "page", metadata)


def connect() -> None:
    signals.article_generator_context.connect(check_article)
    signals.page_generator_context.connect(check_page)
