"""The keys of Pelican's own news posts and pages (see docs/editors.md): Pelican's, typed here
so that a bad value is named instead of reaching a page, and the kit's."""

from .fields import (
    Choice,
    FieldError,
    FieldType,
    File,
    Integer,
    List,
    Ref,
    Text,
    one_line,
    within_years,
)
from .filetypes import IMAGE_TYPES
from .languages import language_codes
from .schema import ContentFields, Field
from .slugs import Slug

# Shared by every kind that has a lead image; the core checks the pair (see parse_fields).
IMAGE_FIELDS = (
    Field(
        "image", File(IMAGE_TYPES), help="a picture inside content/ shown at the top (images/...)"
    ),
    Field(
        "image-alt",
        Text(max_length=500),
        translatable=True,
        help="what the picture shows, in one sentence, for readers who cannot see it",
    ),
)


class Language(FieldType):
    """One of the site's languages (``LANGUAGES``)."""

    example = "en"

    def parse(self, raw, context):
        code = one_line(raw)
        codes = language_codes(context.settings)
        if code not in codes:
            raise FieldError(
                f'"{code}" is not one of the site\'s languages', "use one of: " + ", ".join(codes)
            )
        return code


class Names(FieldType):
    """Categories, tags and authors, which Pelican has already made into objects with a name
    and a slug: each name one line of text that gives an address."""

    example = "Prayer, Vigils"

    def __init__(self, max_length: int = 100, max_items: int = 30):
        self.text = Text(max_length=max_length)
        self.max_items = max_items

    def parse(self, raw, context):
        items = raw if isinstance(raw, list | tuple) else [raw]
        if len(items) > self.max_items:
            raise FieldError(
                f"lists {len(items)} names; at most {self.max_items} fit here", "list fewer"
            )
        for item in items:
            name = self.text.parse(str(item), context)
            if not getattr(item, "slug", name):
                raise FieldError(
                    f'"{name}" has no letter or digit to make an address from',
                    "use a name with letters or digits",
                )
        return raw


class Moment(FieldType):
    """``Date`` and ``Modified``: Pelican has parsed them already (and reports a bad one)."""

    example = "2026-02-08 09:00"

    def parse(self, raw, context):
        return within_years(raw)


DRAFT = "draft"
STATUSES = ("published", DRAFT, "hidden")

# Keys that mean the same on every kind of file.
SLUG = Field("slug", Slug(), help="the last part of the address: lower case, digits and hyphens")
LANG = Field(
    "lang",
    Language(),
    translatable=True,
    help="the language of an original not in the site's main language",
)
SUMMARY = Field(
    "summary",
    Text(max_length=5000, multiline=True),
    translatable=True,
    help="one or two sentences shown in lists and when the page is shared",
)

_SHARED = (
    Field(
        "title",
        Text(max_length=200),
        required=True,
        translatable=True,
        help="the title, as readers see it",
    ),
    Field("date", Moment(), help="when it was published: YYYY-MM-DD or YYYY-MM-DD HH:MM"),
    Field(
        "modified",
        Moment(),
        translatable=True,
        help="when it was last changed (optional): YYYY-MM-DD",
    ),
    SUMMARY,
    SLUG,
    LANG,
    Field(
        "status",
        Choice(STATUSES),
        translatable=True,
        help="draft (only in previews), published, or hidden (not listed)",
    ),
)

# Pelican's own keys, by kind of content.
PELICAN_KEYS = {
    "article": (
        *_SHARED,
        Field(
            "category",
            Names(),
            translatable=True,
            help="one word or two that group posts: Campaigns, Events",
        ),
        Field(
            "tags",
            Names(),
            translatable=True,
            help="words readers can browse by, separated by commas",
        ),
        Field("author", Names(), help="who wrote it"),
        Field("authors", Names(), help="who wrote it; several separated by commas"),
    ),
    "page": _SHARED,
}

# Keys every record may carry besides its type's own fields (a type's own field of the same
# name wins: an event's Status has more values).
RECORD_KEYS = (
    Field(
        "status",
        Choice((DRAFT, "published")),
        translatable=True,
        help="draft (only in previews) or published",
    ),
    SLUG,
    LANG,
    SUMMARY,
)

PELICAN_CONTENT_FIELDS = (
    ContentFields(
        kind="article",
        fields=(
            Field(
                "campaign",
                List(Ref("campaign")),
                default=[],
                help="the campaign(s) it belongs to, by id: day-of-prayer",
            ),
            Field(
                "edition",
                Integer(minimum=1900, maximum=2200),
                help="the year of that campaign's edition it is about: 2026",
            ),
            Field(
                "partners",
                List(Ref("partner")),
                default=[],
                help="partners it mentions, by id, separated by commas",
            ),
            *IMAGE_FIELDS,
        ),
    ),
    ContentFields(kind="page", fields=IMAGE_FIELDS),
)
