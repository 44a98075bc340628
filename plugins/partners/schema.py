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
            Field(
                "title", Text(), required=True, translatable=True, help="the organisation's name"
            ),
            Field("website", URL(), required=True, help="its website's full address: https://…"),
            Field(
                "logo",
                File(IMAGE_TYPES),
                help="its logo inside content/ (PNG, JPEG, WebP or SVG): images/partners/…",
            ),
            Field(
                "country",
                Country(extra=("international",)),
                help="the two-letter country code (IT), or international",
            ),
            Field(
                "kind",
                Choice(conf.kinds),
                default=conf.default_kind,
                help="its role in the network: " + ", ".join(conf.kinds),
            ),
            Field("since", Integer(minimum=1000, maximum=2200), help="the year it joined"),
        ),
        order_by=lambda record: record.title.casefold(),
    )
