"""A reader of ``_headers`` files as Netlify and Cloudflare Pages apply them, so that a local
server (:func:`sitecheck.browser.serve`) can send a built site's headers the way its host would.

The format: a line that starts with ``/`` is a path pattern; the indented ``Name: value``
lines under it are the headers sent for every path it matches; ``#`` starts a comment. In a
pattern ``*`` matches anything, ``/`` included, and ``:name`` one path segment. Every rule
that matches a path applies; a header given by several is sent once, their values joined by
", " (as Cloudflare documents; the kit's own file never gives one header twice for a path, so
how a host merges does not matter to it). Absolute URL patterns and Cloudflare's ``! Name``
(detach) are not read: the kit writes neither.
"""

import re
from dataclasses import dataclass

_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")


class HeadersSyntaxError(ValueError):
    """A line of a ``_headers`` file that neither host would read as the kit means it."""


@dataclass(frozen=True)
class Rule:
    pattern: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        return _regex(self.pattern).fullmatch(path) is not None


def _regex(pattern: str) -> re.Pattern:
    parts = re.split(r"(\*|:[A-Za-z0-9_]+)", pattern)
    return re.compile(
        "".join(
            ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
            for part in parts
        )
    )


def parse_headers(text: str) -> list[Rule]:
    """The rules of a ``_headers`` file, in order; a :class:`HeadersSyntaxError` naming the
    line for anything else."""
    rules: list[Rule] = []
    pattern, headers = None, []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            if not stripped.startswith("/"):
                raise HeadersSyntaxError(f"line {number}: a path must start with /: {line!r}")
            if pattern is not None:
                rules.append(Rule(pattern, tuple(headers)))
            pattern, headers = stripped, []
            continue
        name, colon, value = stripped.partition(":")
        if pattern is None or not colon or not _NAME.fullmatch(name) or not value.strip():
            raise HeadersSyntaxError(
                f"line {number}: not a 'Name: value' header under a path: {line!r}"
            )
        headers.append((name, value.strip()))
    if pattern is not None:
        rules.append(Rule(pattern, tuple(headers)))
    return rules


def headers_for(rules: list[Rule], path: str) -> dict[str, str]:
    """The headers a host sends for ``path`` (the URL's path, without its query)."""
    found: dict[str, list[str]] = {}
    names: dict[str, str] = {}  # names are case-insensitive: the first spelling is kept
    for rule in rules:
        if rule.matches(path):
            for name, value in rule.headers:
                key = names.setdefault(name.lower(), name)
                found.setdefault(key, []).append(value)
    return {name: ", ".join(values) for name, values in found.items()}
