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

from .days import day_in_year


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
    layout="{id}/index",
    fields=(
        Field("title", Text(), required=True, translatable=True, help="the campaign's name"),
        Field(
            "day",
            MonthDay(),
            required=True,
            help="the day it comes back every year, as MM-DD: 02-08",
        ),
        Field(
            "first-year", Integer(minimum=1900, maximum=2200), help="the year of the first edition"
        ),
        Field(
            "timezone", TimeZone(), help="the time zone in which the day is counted: Europe/Rome"
        ),
        Field(
            "hashtag",
            Text(),
            translatable=True,
            help="the hashtag people share it with: #PrayAgainstTrafficking",
        ),
        Field("color", Colour(), help="the campaign's colour, as #rrggbb"),
        Field(
            "organizers",
            List(Ref("partner")),
            default=[],
            help="the partners who organise it, by id",
        ),
        Field("website", URL(), help="the campaign's own website, if it has one"),
        *IMAGE_FIELDS,
    ),
)


def edition_title(edition) -> str:
    """An edition where it is listed among other pages (its campaign's feed, the search):
    the campaign, the year and the theme."""
    return f"{edition.campaign.title} {edition.year}: {edition.theme}"


def _edition_listed_as(edition) -> tuple:
    month, day = edition.campaign.day
    return edition_title(edition), day_in_year(month, day, edition.year)


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
    layout="{campaign}/{year}",
    listed_as=_edition_listed_as,
    fields=(
        Field(
            "campaign", Ref("campaign"), required=True, help="the campaign's id (the folder's name)"
        ),
        Field(
            "year",
            Integer(minimum=1900, maximum=2200),
            required=True,
            help="the edition's year (the file's name)",
        ),
        Field(
            "theme",
            Text(),
            required=True,
            translatable=True,
            help="the year's official theme, word for word",
        ),
        Field(
            "theme-variants",
            List(Text()),
            default=[],
            translatable=True,
            help="other wordings of the theme in use, one per line",
        ),
        Field(
            "partners",
            List(Ref("partner")),
            default=[],
            help="the partners taking part that year, by id",
        ),
        Field(
            "resources",
            List(File()),
            default=[],
            help="files to download, inside content/: files/…/vigil-en.pdf",
        ),
        Field(
            "online-event", Ref("event"), help="the id of the event of the year's online gathering"
        ),
        Field(
            "sources", List(URL()), default=[], help="the addresses where the theme was announced"
        ),
        *IMAGE_FIELDS,
    ),
)
