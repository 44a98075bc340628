"""Files to download from an edition: their language, type and size, shown before download."""

import os
import re
from dataclasses import dataclass

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
