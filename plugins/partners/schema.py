"""The ``partner`` record type, declared on the records core (keys: docs/editors.md).

``Slug`` is not a field: the core reads it from the metadata to make the id.
"""

from records import URL, Choice, Country, Field, File, Integer, RecordType, Text
from records.filetypes import IMAGE_TYPES

from .settings import PartnerSettings


def partner_type(conf: PartnerSettings) -> RecordType:
    return RecordType(
        name="partner",
        folder="partners",
        context_name="partners",
        template="partner",
        url="partners/{slug}/",
        save_as="partners/{slug}/index.html",
        fields=(
            Field("title", Text(), required=True, translatable=True),
            Field("website", URL(), required=True),
            Field("logo", File(IMAGE_TYPES)),
            Field("country", Country(extra=("international",))),
            Field("kind", Choice(conf.kinds), default=conf.default_kind),
            Field("since", Integer(minimum=1000, maximum=2200)),
        ),
        order_by=lambda record: record.title.casefold(),
    )
