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
from urllib.parse import urlsplit

from babel import Locale


class FieldError(ValueError):
    """A value an editor wrote that cannot be used, with what to write instead."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest candidate, or an empty string."""
    close = difflib.get_close_matches(str(value), list(candidates), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


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
    example = "some text"

    def parse(self, raw, context):
        return str(raw).strip()


class Integer(FieldType):
    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum = minimum
        self.maximum = maximum
        self.example = str(minimum if minimum is not None else 2017)

    def parse(self, raw, context):
        text = str(raw).strip()
        if not re.fullmatch(r"-?\d+", text):
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
        text = str(raw).strip().lower()
        if text not in self._values:
            raise FieldError(f'"{raw}" is not yes or no', "write yes or no")
        return self._values[text]


class Choice(FieldType):
    def __init__(self, options: Iterable[str]):
        self.options = tuple(options)
        self.example = self.options[0] if self.options else "a value"

    def parse(self, raw, context):
        text = str(raw).strip().lower()
        if text not in self.options:
            raise FieldError(
                f'"{raw}" is not one of the allowed values{did_you_mean(text, self.options)}',
                "use one of: " + ", ".join(self.options),
            )
        return text


class URL(FieldType):
    example = "https://example.org/"

    def parse(self, raw, context):
        text = str(raw).strip()
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
            raise FieldError(
                f'"{text}" is not an absolute web address',
                f"write the full address starting with https://, e.g. {self.example}",
            )
        return text


class Colour(FieldType):
    example = "#1d70b8"

    def parse(self, raw, context):
        text = str(raw).strip()
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

    def parse(self, raw, context):
        text = str(raw).strip()
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


class TimeZone(FieldType):
    example = "Europe/Rome"

    def parse(self, raw, context):
        name = str(raw).strip()
        if name not in _zone_names():
            raise FieldError(
                f'"{name}" is not a known time zone{did_you_mean(name, _zone_names())}',
                f"write an IANA zone name, e.g. {self.example}",
            )
        return zoneinfo.ZoneInfo(name)


class Date(FieldType):
    example = "2026-02-08"

    def parse(self, raw, context):
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = str(raw).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        raise FieldError(f'"{text}" is not a date', f"write it as YYYY-MM-DD, e.g. {self.example}")


class MonthDay(FieldType):
    """A day that comes back every year, ``MM-DD``; returned as ``(month, day)``."""

    example = "02-08"

    def parse(self, raw, context):
        text = str(raw).strip()
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
        zone = context.values.get(self.zone_field)
        return zone or zoneinfo.ZoneInfo(context.settings.get("TIMEZONE") or "UTC")

    def parse(self, raw, context):
        zone = self.zone(context)
        if isinstance(raw, datetime):
            return raw if raw.tzinfo else self._localize(raw.replace(tzinfo=None), zone)
        text = re.sub(r"\s+", " ", str(raw).strip())
        forms = "YYYY-MM-DD HH:MM" + (" or YYYY-MM-DD" if self.allow_all_day else "")
        if self.allow_all_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}", text):
            try:
                naive = datetime.strptime(text.replace("T", " "), "%Y-%m-%d %H:%M")
            except ValueError:
                naive = None
            if naive is not None:
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
    """A path inside the content folder; returned relative to it, with forward slashes."""

    example = "files/vigil-en.pdf"

    def __init__(self, extensions: Iterable[str] = ()):
        self.extensions = tuple(e.lower() for e in extensions)

    def parse(self, raw, context):
        text = str(raw).strip()
        relative = re.sub(r"^\{(static|attach|filename)\}", "", text).lstrip("/")
        full = os.path.normpath(os.path.join(context.content_path, relative))
        if not full.startswith(os.path.normpath(context.content_path) + os.sep):
            raise FieldError(
                f'"{text}" points outside the content folder', "give a path inside content/"
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
        text = str(raw).strip()
        if not re.fullmatch(r"[\w.-]+", text):
            raise FieldError(
                f'"{text}" is not an id',
                f"write the {self.target}'s id, e.g. its file name without .md",
            )
        return text


class List(FieldType):
    """A comma-separated list of values of one type."""

    def __init__(self, item: FieldType):
        self.item = item
        self.example = f"{item.example}, {item.example}"

    def parse(self, raw, context):
        if isinstance(raw, str):
            raw = raw.split(",")
        elif not isinstance(raw, list | tuple):
            raw = [raw]
        return [self.item.parse(part, context) for part in raw if str(part).strip()]
