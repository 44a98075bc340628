"""The kit's own keys on Pelican news posts and pages (see docs/editors.md)."""

from .fields import File, Integer, List, Ref, Text
from .filetypes import IMAGE_TYPES
from .schema import ContentFields, Field


def _alt_text_with_image(values: dict) -> list[tuple[str, str, str]]:
    if values.get("image") and not values.get("image-alt"):
        return [("image-alt", "missing for the Image", 'add "Image-alt: what the image shows"')]
    return []


_IMAGE_FIELDS = (Field("image", File(IMAGE_TYPES)), Field("image-alt", Text()))

PELICAN_CONTENT_FIELDS = (
    ContentFields(
        kind="article",
        fields=(
            Field("campaign", List(Ref("campaign")), default=[]),
            Field("edition", Integer(minimum=1900, maximum=2200)),
            Field("partners", List(Ref("partner")), default=[]),
            *_IMAGE_FIELDS,
        ),
        check=_alt_text_with_image,
    ),
    ContentFields(kind="page", fields=_IMAGE_FIELDS, check=_alt_text_with_image),
)
