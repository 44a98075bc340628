"""Slugs: the last part of a page's address, and the id of a record.

A slug is short, lower case, ``a-z``, ``0-9`` and single hyphens, so that it reads the same in
every address bar, file system and feed, and can never climb out of its folder. It is never
the name of a section the kit owns (``news``, ``events``, ``feeds``, a language code…): a page
with the slug ``news`` would replace the news list. A slug an editor does not write is made
from the title and shortened at a hyphen.
"""

import re

from pelican.utils import slugify

from .fields import FieldError, FieldType, one_line
from .languages import language_codes

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 80

# The sections the kit's plugins and theme write, and the names of the pages inside them
# (``events/past/``, ``partners/countries/``, ``news/page/2/``…). Names that the site's own
# URL settings use and its languages are added by :func:`reserved_slugs`.
KIT_SECTIONS = frozenset(
    {
        "news", "events", "partners", "campaigns", "feeds", "images", "files", "theme",
        "static", "search", "pagefind", "admin", "drafts", "sitemap", "robots", "index",
        "404", "page", "past", "calendar", "countries", "category", "categories", "tag",
        "tags", "author", "authors", "archives",
    }
)  # fmt: skip


def reserved_slugs(settings: dict) -> frozenset[str]:
    """:data:`KIT_SECTIONS`, the site's languages, its static folders, and every fixed folder
    name in its ``*_URL``/``*_SAVE_AS`` settings."""
    names = set(KIT_SECTIONS) | set(language_codes(settings))
    names.update(str(path).strip("/").split("/")[0] for path in settings.get("STATIC_PATHS", ()))
    names.add(str(settings.get("THEME_STATIC_DIR") or "theme"))
    for key, value in settings.items():
        if key.endswith(("_URL", "_SAVE_AS")) and isinstance(value, str):
            for part in value.split("/"):
                if part and "{" not in part and "." not in part:
                    names.add(part)
    return frozenset(name.lower() for name in names)


def slug_problem(slug: str, settings: dict) -> str | None:
    """What is wrong with ``slug`` (``is …``), or None."""
    if len(slug) > MAX_SLUG_LENGTH:
        return f"is {len(slug):,} characters long; a slug has at most {MAX_SLUG_LENGTH}"
    if not SLUG.fullmatch(slug):
        return "is not a slug: only lower-case letters, digits and single hyphens"
    if slug in reserved_slugs(settings):
        return "is the name of a section of the site"
    return None


class Slug(FieldType):
    example = "day-of-prayer-vigil"

    def parse(self, raw, context):
        text = one_line(raw)
        problem = slug_problem(text, context.settings)
        if problem:
            shown = text if len(text) <= MAX_SLUG_LENGTH else text[:MAX_SLUG_LENGTH] + "…"
            raise FieldError(
                f'"{shown}" {problem}', f"write a short slug of your own, e.g. {self.example}"
            )
        return text


def slug_from_title(title: str, settings: dict) -> str:
    """The slug Pelican would make from ``title`` (same substitutions), in ``a-z0-9-`` only,
    shortened at a hyphen to :data:`MAX_SLUG_LENGTH`."""
    slug = slugify(
        title,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", ()),
        preserve_case=False,
        use_unicode=False,
    )
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[: MAX_SLUG_LENGTH + 1].rsplit("-", 1)[0].strip("-")[:MAX_SLUG_LENGTH]
    return slug
