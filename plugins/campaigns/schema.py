"""The campaign and edition record types, as editors write them (see docs/editors.md)."""

import posixpath
import re

from records import (
    URL,
    Colour,
    Field,
    File,
    Integer,
    List,
    MonthDay,
    RecordType,
    Ref,
    Text,
    TimeZone,
)
from records.builtin import IMAGE_FIELDS


def _is_campaign_file(path: str) -> bool:
    """``campaigns/<id>/index.md`` (or a translation such as ``index.fr.md``)."""
    parts = path.split("/")
    return len(parts) == 3 and parts[2].split(".")[0] == "index"


def _is_edition_file(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 3 and parts[2].split(".")[0] != "index"


def _edition_from_path(path: str) -> dict:
    values = {"campaign": path.split("/")[1]}
    year = re.match(r"(\d{4})\b", posixpath.basename(path))
    if year:
        values["year"] = year[1]
    return values


def _campaign_id(path: str, values: dict) -> str:
    return values.get("slug") or path.split("/")[1]


def _edition_id(path: str, values: dict) -> str:
    campaign = values.get("campaign") or path.split("/")[1]
    return f"{campaign}-{values.get('year')}"


CAMPAIGN = RecordType(
    name="campaign",
    folder="campaigns",
    context_name="campaign_records",
    template="campaign",
    url="campaigns/{id}/",
    save_as="campaigns/{id}/index.html",
    accepts=_is_campaign_file,
    identify=_campaign_id,
    id_help="the name of a campaign's folder in {folder}/",
    fields=(
        Field("title", Text(), required=True, translatable=True),
        Field("day", MonthDay(), required=True),
        Field("first-year", Integer(minimum=1900, maximum=2200)),
        Field("timezone", TimeZone()),
        Field("hashtag", Text(), translatable=True),
        Field("color", Colour()),
        Field("organizers", List(Ref("partner")), default=[]),
        Field("website", URL()),
        *IMAGE_FIELDS,
    ),
)

EDITION = RecordType(
    name="edition",
    folder="campaigns",
    context_name="edition_records",
    template="edition",
    url="campaigns/{campaign}/{year}/",
    save_as="campaigns/{campaign}/{year}/index.html",
    accepts=_is_edition_file,
    path_values=_edition_from_path,
    identify=_edition_id,
    fields=(
        Field("campaign", Ref("campaign"), required=True),
        Field("year", Integer(minimum=1900, maximum=2200), required=True),
        Field("theme", Text(), required=True, translatable=True),
        Field("theme-variants", List(Text()), default=[], translatable=True),
        Field("partners", List(Ref("partner")), default=[]),
        Field("resources", List(File()), default=[]),
        Field("online-event", Ref("event")),
        Field("sources", List(URL()), default=[]),
        *IMAGE_FIELDS,
    ),
)
