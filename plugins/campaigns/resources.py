"""Files to download from an edition: their language, type and size, shown before download."""

import os
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

LANGUAGE_SUFFIX = re.compile(r"-([a-z]{2})$")


@dataclass(frozen=True)
class Resource:
    path: str  # relative to the content folder, as the editor wrote it
    lang: str
    kind: str  # "PDF", "ODT", ...
    size: int  # bytes

    @property
    def url(self) -> str:
        return self.path

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def language_name(self, in_lang: str) -> str:
        try:
            return Locale.parse(self.lang).get_display_name(Locale.parse(in_lang)) or self.lang
        except (UnknownLocaleError, ValueError):
            return self.lang

    def size_text(self, lang: str) -> str:
        """A size a reader can judge a download by: "820 KB", "1.4 MB"."""
        kilobytes = self.size / 1000
        if kilobytes < 1000:
            return f"{format_decimal(max(1, round(kilobytes)), locale=lang)} KB"
        return f"{format_decimal(round(kilobytes / 1000, 1), locale=lang)} MB"


def describe(paths: list[str], content_path: str, default_lang: str) -> list[Resource]:
    resources = []
    for path in paths:
        stem, extension = os.path.splitext(os.path.basename(path))
        language = LANGUAGE_SUFFIX.search(stem)
        resources.append(
            Resource(
                path=path,
                lang=language[1] if language else default_lang,
                kind=extension.lstrip(".").upper(),
                size=os.path.getsize(os.path.join(content_path, path)),
            )
        )
    return resources


def by_language(resources: list[Resource]) -> dict[str, list[Resource]]:
    grouped: dict[str, list[Resource]] = {}
    for resource in resources:
        grouped.setdefault(resource.lang, []).append(resource)
    return grouped
