"""The zone written beside a time, in the language of the pages: "11:00 CET", "17:00 GMT+8"."""

from datetime import datetime

from babel.core import get_global
from babel.numbers import get_minus_sign_symbol

NO_NAME = "∅∅∅"  # CLDR: this language has no such name (and inherits none)


def zone_name(value: datetime, locale) -> str:
    """The short name CLDR gives ``value``'s zone at that moment in ``locale`` (CET, CEST,
    MEZ, BST), else the offset in the language's own format (GMT+8, UTC+8 in French,
    GMT+5:30): how browsers write a zone with ``Intl``'s ``timeZoneName: "short"``, so the
    reader's own time beside it (theme/static/js/localtime.js) reads alike. Babel's ``z``
    would give "+0800", or a long name where a language marks the short one as missing.
    """
    key = getattr(value.tzinfo, "key", None)
    key = get_global("zone_aliases").get(key, key)
    variant = "daylight" if value.dst() else "standard"
    metazone = get_global("meta_zones").get(key)
    for names in (locale.time_zones.get(key, {}), locale.meta_zones.get(metazone, {})):
        name = names.get("short", {}).get(variant)
        if name and name != NO_NAME:
            return name
    minutes = round(value.utcoffset().total_seconds() / 60)
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes > 0 else get_minus_sign_symbol(locale)
    offset = f"{sign}{hours}{f':{rest:02d}' if rest else ''}" if minutes else ""
    return (locale.zone_formats["gmt"] % offset).strip()
