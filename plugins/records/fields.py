"""Field types: each turns an editor's metadata value into a typed value or a FieldError.

A field type knows nothing of files or records; the schema calls ``parse(raw, context)``
and turns a :class:`FieldError` into a :class:`~records.issues.ContentIssue` that names the
file and the field.
"""

import difflib
import functools
import os
import re
import typing
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from babel import Locale

from .filetypes import DOWNLOAD_TYPES
from .paths import through_link
from .site import site_zone


class FieldError(ValueError):
    """A value an editor wrote that cannot be used, with what to write instead."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest candidate, or an empty string.

    A value that is the start or one hyphenated part of candidates (``caritas`` for
    ``caritas-internationalis``) is matched too, which spelling distance alone would miss.
    """
    value, candidates = str(value), list(candidates)
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    if not close and len(value) >= 3:
        lowered = value.lower()
        close = sorted(
            c
            for c in candidates
            if c.lower().startswith(lowered) or lowered in re.split(r"[-_./ ]", c.lower())
        )[:1]
    return f' (did you mean "{close[0]}"?)' if close else ""


# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators: none of
# them belongs in a value, and some end a line in one reader and not in another.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def control_character(text: str, multiline: bool = False) -> str | None:
    """The first control character of ``text`` written out (``U+0007``), or None."""
    found = (_CONTROL_IN_TEXT if multiline else _CONTROL).search(text)
    return f"U+{ord(found[0]):04X}" if found else None


def one_line(raw: Any) -> str:
    """The single line an editor wrote for a one-value key, stripped.

    A key given on several lines reaches the kit as a list: that is an error for a key that
    takes one value, never a Python list printed on a page. So is a control character.
    """
    if isinstance(raw, list | tuple):
        lines = [str(line) for line in raw if str(line).strip()]
        if len(lines) > 1:
            raise FieldError(
                f"is written on {len(lines)} lines but takes a single value",
                "write the whole value on one line",
            )
        raw = lines[0] if lines else ""
    text = str(raw).strip()
    bad = control_character(text)
    if bad:
        raise FieldError(
            f"contains an invisible control character ({bad})",
            "retype the value; a copy from another program can bring such characters along",
        )
    return text


@dataclass
class ParseContext:
    """What a field may need besides its own value: settings, content root, sibling values."""

    settings: dict
    content_path: str
    values: dict


class FieldType:
    """Base class: ``example`` is shown in every fix message."""

    example = "a value"

    def parse(self, raw: Any, context: ParseContext) -> Any:
        raise NotImplementedError


class Text(FieldType):
    """A line of text, at most ``max_length`` characters. ``multiline`` text (rendered
    Markdown, such as a ``Summary``) may hold line breaks but no other control character."""

    example = "some text"

    def __init__(self, max_length: int = 300, multiline: bool = False):
        self.max_length = max_length
        self.multiline = multiline

    def parse(self, raw, context):
        if self.multiline and isinstance(raw, str):
            text = raw.strip()
            bad = control_character(text, multiline=True)
            if bad:
                raise FieldError(
                    f"contains an invisible control character ({bad})",
                    "retype the value; a copy from another program can bring such characters",
                )
        else:
            text = one_line(raw)
        if len(text) > self.max_length:
            raise FieldError(
                f"is {len(text):,} characters long; at most {self.max_length:,} fit here",
                "shorten it",
            )
        return text


class Integer(FieldType):
    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum = minimum
        self.maximum = maximum
        self.example = str(minimum if minimum is not None else 2017)

    def parse(self, raw, context):
        text = one_line(raw)
        if not re.fullmatch(r"-?\d{1,9}", text):
            raise FieldError(
                f'"{text}" is not a whole number', f"write digits only, e.g. {self.example}"
            )
        number = int(text)
        if self.minimum is not None and number < self.minimum:
            raise FieldError(f"{number} is below {self.minimum}", f"use {self.minimum} or more")
        if self.maximum is not None and number > self.maximum:
            raise FieldError(f"{number} is above {self.maximum}", f"use {self.maximum} or less")
        return number


class Boolean(FieldType):
    example = "yes"
    _values: typing.ClassVar = {"yes": True, "true": True, "no": False, "false": False}

    def parse(self, raw, context):
        text = one_line(raw).lower()
        if text not in self._values:
            raise FieldError(f'"{text}" is not yes or no', "write yes or no")
        return self._values[text]


class Choice(FieldType):
    def __init__(self, options: Iterable[str]):
        self.options = tuple(options)
        self.example = self.options[0] if self.options else "a value"

    def parse(self, raw, context):
        text = one_line(raw).lower()
        if text not in self.options:
            raise FieldError(
                f'"{text}" is not one of the allowed values{did_you_mean(text, self.options)}',
                "use one of: " + ", ".join(self.options),
            )
        return text


_NOT_IN_URLS = re.compile(r"""[\s"'<>\\`]""")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")
_URL_SAFE = "/%:@!$&()*+,;=-._~"  # kept as written; anything else is percent-encoded
MAX_URL_LENGTH = 2000


class URL(FieldType):
    """An absolute http(s) address, returned normalised: scheme and host in lower case, an
    international host in its ASCII form, a bare host given the path ``/``, and any character
    that may not stand in an address percent-encoded. What a browser or a feed reader could
    read two ways is refused: quotes, spaces, backslashes, a user name before the host."""

    example = "https://example.org/"

    def parse(self, raw, context):
        text = one_line(raw)
        fix = f"write the full address starting with https://, e.g. {self.example}"
        if len(text) > MAX_URL_LENGTH:
            raise FieldError(f"is {len(text):,} characters long", "use a shorter address")
        if _NOT_IN_URLS.search(text):
            raise FieldError(
                f'"{text}" contains a space, a quote, a backslash or an angle bracket',
                "copy the address from the browser's address bar",
            )
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise FieldError(f'"{text}" is not an absolute web address', fix)
        if "@" in parts.netloc:
            raise FieldError(
                f'"{text}" has a user name before the host',
                "remove everything between :// and @ (it can hide the real site)",
            )
        try:
            host = parts.hostname.encode("idna").decode("ascii").lower()
            port = parts.port
        except (UnicodeError, ValueError):
            raise FieldError(f'"{text}" does not name a valid host', fix) from None
        if not _HOST.fullmatch(host) and not (parts.netloc.startswith("[") and ":" in host):
            raise FieldError(f'"{text}" does not name a valid host', fix)
        netloc = f"[{host}]" if parts.netloc.startswith("[") else host
        netloc += f":{port}" if port is not None else ""
        return urlunsplit(
            (
                scheme,
                netloc,
                quote(parts.path or "/", safe=_URL_SAFE),
                quote(parts.query, safe=_URL_SAFE + "?"),
                quote(parts.fragment, safe=_URL_SAFE + "?#"),
            )
        )


class Colour(FieldType):
    example = "#1d70b8"

    def parse(self, raw, context):
        text = one_line(raw)
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
            raise FieldError(
                f'"{text}" is not a #rrggbb colour', f"write six hex digits, e.g. {self.example}"
            )
        return text.lower()


@functools.cache
def _iso_country_codes() -> frozenset[str]:
    not_countries = {"EU", "EZ", "UN", "QO", "ZZ"}
    return (
        frozenset(code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code))
        - not_countries
    )


class Country(FieldType):
    """An ISO 3166-1 alpha-2 code, upper-cased; ``extra`` lists other accepted words."""

    example = "IT"

    def __init__(self, extra: Iterable[str] = ()):
        self.extra = tuple(extra)

    @property
    def codes(self) -> frozenset[str]:
        """The ISO codes it accepts (besides ``extra``)."""
        return _iso_country_codes()

    def parse(self, raw, context):
        text = one_line(raw)
        if text.lower() in self.extra:
            return text.lower()
        code = text.upper()
        if code not in _iso_country_codes():
            also = f" or {', '.join(self.extra)}" if self.extra else ""
            raise FieldError(
                f'"{text}" is not an ISO 3166-1 country code'
                + did_you_mean(code, _iso_country_codes()),
                f"write the two-letter code, e.g. {self.example} for Italy{also}",
            )
        return code


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def place_zones() -> frozenset[str]:
    """The zones named by a region and a city (``Europe/Rome``): with UTC, the zones the kit
    takes. The tz database's other names are abbreviations (``CET``, ``EST``), rules
    (``EST5EDT``), old aliases (``Japan``) or fixed offsets (``Etc/GMT+5``, which is UTC−5)."""
    return frozenset(
        name
        for name in _zone_names()
        if "/" in name and not name.startswith(("Etc/", "posix/", "right/", "SystemV/"))
    )


UTC_NAMES = ("UTC", "Etc/UTC")

# What announcements (and the tz database's legacy names) write instead of the zone of a
# place, and the zone most readers of it mean. An abbreviation names an offset, not the rules
# of a place: the tz database's EST and MST are fixed offsets, so a New York event in July
# under "EST" would be an hour off.
ZONE_ABBREVIATIONS = {
    "UTC": "UTC", "UCT": "UTC", "UNIVERSAL": "UTC", "ZULU": "UTC",
    "GMT": "Europe/London", "GMT0": "Europe/London", "GMT+0": "Europe/London",
    "GMT-0": "Europe/London", "GREENWICH": "Europe/London", "BST": "Europe/London",
    "GB": "Europe/London", "GB-EIRE": "Europe/London", "EIRE": "Europe/Dublin",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "PORTUGAL": "Europe/Lisbon",
    "CET": "Europe/Brussels", "CEST": "Europe/Brussels", "MET": "Europe/Brussels",
    "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin", "POLAND": "Europe/Warsaw",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "TURKEY": "Europe/Istanbul",
    "MSK": "Europe/Moscow", "W-SU": "Europe/Moscow", "ICELAND": "Atlantic/Reykjavik",
    "EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CST6CDT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MST7MDT": "America/Denver",
    "NAVAJO": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "PST8PDT": "America/Los_Angeles", "HST": "Pacific/Honolulu", "CUBA": "America/Havana",
    "JAMAICA": "America/Jamaica", "BRT": "America/Sao_Paulo",
    "ART": "America/Argentina/Buenos_Aires",
    "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi",
    "SAST": "Africa/Johannesburg", "EGYPT": "Africa/Cairo", "LIBYA": "Africa/Tripoli",
    "ISRAEL": "Asia/Jerusalem", "IRAN": "Asia/Tehran", "IST": "Asia/Kolkata",
    "PKT": "Asia/Karachi", "NPT": "Asia/Kathmandu", "ICT": "Asia/Bangkok",
    "WIB": "Asia/Jakarta", "PHT": "Asia/Manila", "PHST": "Asia/Manila",
    "SGT": "Asia/Singapore", "SINGAPORE": "Asia/Singapore", "HKT": "Asia/Hong_Kong",
    "HONGKONG": "Asia/Hong_Kong", "PRC": "Asia/Shanghai", "ROC": "Asia/Taipei",
    "JST": "Asia/Tokyo", "JAPAN": "Asia/Tokyo", "KST": "Asia/Seoul", "ROK": "Asia/Seoul",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "NZ": "Pacific/Auckland",
    "NZ-CHAT": "Pacific/Chatham", "KWAJALEIN": "Pacific/Kwajalein",
}  # fmt: skip
_OFFSET = re.compile(r"(?:Etc/)?(?:UTC|GMT)\s*[+-−]\s*\d{1,2}(?::?\d{2})?", re.IGNORECASE)


class TimeZone(FieldType):
    """The zone of a place (``Europe/Rome``), or UTC: see :func:`place_zones`."""

    example = "Europe/Rome"

    def parse(self, raw, context):
        name = one_line(raw)
        if name in UTC_NAMES or name in place_zones():
            return zoneinfo.ZoneInfo(name)
        abbreviation = name.upper().removeprefix("ETC/")
        if _OFFSET.fullmatch(name):
            what, guess = "an offset", None
        elif abbreviation in ZONE_ABBREVIATIONS or name in _zone_names():
            what, guess = "an abbreviation or an old alias", ZONE_ABBREVIATIONS.get(abbreviation)
        else:
            raise FieldError(
                f'"{name}" is not a known time zone{did_you_mean(name, place_zones())}',
                f"write an IANA zone name (a region and a city), e.g. {self.example}",
            )
        if guess == "UTC":
            raise FieldError(f'"{name}" is another name for UTC', "write UTC")
        site = context.settings.get("TIMEZONE") if context else None
        if site and guess and _same_abbreviation(site, abbreviation):
            guess = site
        hint = f' (did you mean "{guess}"?)' if guess else ""
        if guess == "Europe/London" and abbreviation != "BST":  # GMT: London's winter, or UTC
            hint = ' (did you mean "Europe/London", or "UTC"?)'
        raise FieldError(
            f'"{name}" is {what}, not the time zone of a place{hint}',
            f"write the zone of the city where the time is kept, e.g. {guess or self.example}; "
            "the kit knows when its clocks change",
        )


def _same_abbreviation(zone_name: str, abbreviation: str) -> bool:
    """Whether ``zone_name`` uses ``abbreviation`` in winter or in summer."""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return any(datetime(2026, month, 15, tzinfo=zone).tzname() == abbreviation for month in (1, 7))


# Dates outside these years are typing mistakes, and near the ends of Python's calendar (year
# 1, year 9999) adding a day or an hour overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def within_years(value: date) -> date:
    """``value`` if its year is between FIRST_YEAR and LAST_YEAR, else a FieldError."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise FieldError(
            f"{value.year} is not a year the site can show",
            f"write a year between {FIRST_YEAR} and {LAST_YEAR}",
        )
    return value


class Date(FieldType):
    example = "2026-02-08"

    def parse(self, raw, context):
        if isinstance(raw, date):
            return within_years(raw.date() if isinstance(raw, datetime) else raw)
        text = one_line(raw)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return within_years(date.fromisoformat(text))
            except ValueError:
                pass
        raise FieldError(f'"{text}" is not a date', f"write it as YYYY-MM-DD, e.g. {self.example}")


class MonthDay(FieldType):
    """A day that comes back every year, ``MM-DD``; returned as ``(month, day)``."""

    example = "02-08"

    def parse(self, raw, context):
        text = one_line(raw)
        match = re.fullmatch(r"(\d{2})-(\d{2})", text)
        try:
            if not match:
                raise ValueError
            date(2000, int(match[1]), int(match[2]))  # 2000 is a leap year: 02-29 is allowed
        except ValueError:
            raise FieldError(
                f'"{text}" is not a day of the year', f"write it as MM-DD, e.g. {self.example}"
            ) from None
        return int(match[1]), int(match[2])


class DateTime(FieldType):
    """``YYYY-MM-DD HH:MM`` in the zone of a sibling field, or ``YYYY-MM-DD`` for a whole day.

    Timed values come back as aware datetimes, whole days as dates. A wall time that does not
    exist (clocks go forward) or happens twice (clocks go back) in its zone is an error: the
    editor must say which instant is meant.
    """

    example = "2026-02-08 09:00"

    def __init__(self, zone_field: str = "timezone", allow_all_day: bool = True):
        self.zone_field = zone_field
        self.allow_all_day = allow_all_day

    def zone(self, context: ParseContext) -> zoneinfo.ZoneInfo:
        return context.values.get(self.zone_field) or site_zone(context.settings)

    def parse(self, raw, context):
        zone = self.zone(context)
        if isinstance(raw, datetime):
            return raw if raw.tzinfo else self._localize(raw.replace(tzinfo=None), zone)
        text = re.sub(r"\s+", " ", one_line(raw))
        forms = "YYYY-MM-DD HH:MM" + (" or YYYY-MM-DD" if self.allow_all_day else "")
        if self.allow_all_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return within_years(date.fromisoformat(text))
            except ValueError:
                pass
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}", text):
            try:
                naive = datetime.strptime(text.replace("T", " "), "%Y-%m-%d %H:%M")
            except ValueError:
                naive = None
            if naive is not None:
                within_years(naive)
                return self._localize(naive, zone)
        raise FieldError(
            f'"{text}" is not a date and time', f"write it as {forms}, e.g. {self.example}"
        )

    @staticmethod
    def _localize(naive: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
        aware = naive.replace(tzinfo=zone)
        round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        when = naive.strftime("%Y-%m-%d %H:%M")
        if round_trip != naive:
            raise FieldError(
                f"{when} does not exist in {zone.key} (the clocks go forward that night)",
                "pick a time outside the skipped hour",
            )
        if aware.utcoffset() != aware.replace(fold=1).utcoffset():
            raise FieldError(
                f"{when} happens twice in {zone.key} (the clocks go back that night)",
                "pick a time outside the repeated hour, or give the event a UTC Timezone",
            )
        return aware


class File(FieldType):
    """A path inside the content folder, of one of ``extensions`` (by default any kind the
    kit publishes as a download); returned relative to it, with forward slashes."""

    example = "files/vigil-en.pdf"

    def __init__(self, extensions: Iterable[str] = DOWNLOAD_TYPES):
        self.extensions = tuple(e.lower() for e in extensions)

    def parse(self, raw, context):
        text = one_line(raw)
        relative = re.sub(r"^\{(static|attach|filename)\}", "", text).lstrip("/")
        full = os.path.normpath(os.path.join(context.content_path, relative))
        inside = full.startswith(os.path.normpath(context.content_path) + os.sep)
        if not inside:
            raise FieldError(
                f'"{text}" points outside the content folder', "give a path inside content/"
            )
        if os.path.exists(full) and through_link(full, context.content_path):
            raise FieldError(
                f'"{text}" is a symbolic link, or inside a linked folder',
                "put the file itself in content/",
            )
        if self.extensions and not relative.lower().endswith(self.extensions):
            raise FieldError(
                f'"{text}" is not one of the accepted file types',
                "use a file ending in " + ", ".join(self.extensions),
            )
        if not os.path.isfile(full):
            folder = os.path.dirname(full)
            nearby = os.listdir(folder) if os.path.isdir(folder) else []
            raise FieldError(
                f'"{text}" does not exist{did_you_mean(os.path.basename(relative), nearby)}',
                "add the file under content/ or correct the path (relative to content/)",
            )
        return relative.replace(os.sep, "/")


class Ref(FieldType):
    """The id of another record; checked against that type's records once all are read."""

    def __init__(self, target: str):
        self.target = target
        self.example = f"a {target} id"

    def parse(self, raw, context):
        text = one_line(raw)
        if not re.fullmatch(r"[\w.-]+", text):
            raise FieldError(
                f'"{text}" is not an id',
                f"write the {self.target}'s id, e.g. its file name without .md",
            )
        return text


class List(FieldType):
    """A comma-separated list of values of one type (or one value per line), at most
    ``max_items`` of them."""

    def __init__(self, item: FieldType, max_items: int = 100):
        self.item = item
        self.max_items = max_items
        self.example = f"{item.example}, {item.example}"

    def parse(self, raw, context):
        if isinstance(raw, str):
            raw = raw.split(",")
        elif not isinstance(raw, list | tuple):
            raw = [raw]
        items = [part for part in raw if str(part).strip()]
        if len(items) > self.max_items:
            raise FieldError(
                f"lists {len(items)} values; at most {self.max_items} fit here", "list fewer"
            )
        return [self.item.parse(part, context) for part in items]
