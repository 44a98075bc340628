"""Translations: one file-naming rule for every kind of content, what a translation shares with
its original, and how an original is shown in a language it is not written in.

The rule: ``<name>.<lang>.md`` beside ``<name>.md`` is the ``<lang>`` translation of it
(``about.fr.md``, ``campaigns/day-of-prayer/2026.it.md``), for every kind: news, pages,
campaigns, editions, events, partners. The language comes from the file name. A translation
writes only text (the keys declared ``translatable``, and the body); every other key is
language-neutral, written once in the original and shared. A translation that writes a
shared key with another value than its original's is an error naming both files.

An original not translated into a language is, by the site's ``UNTRANSLATED_CONTENT``
setting, either shown there as it is (``"show"``: an :class:`Untranslated` stand-in with the
language's address, whose page says so and marks its text with the original's language) or
left out of that language (``"hide"``).
"""

import os

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def split_language(path: str, codes) -> tuple[str, str | None]:
    """``("news/x.md", "fr")`` for ``news/x.fr.md``; ``(path, None)`` for an original."""
    base, extension = os.path.splitext(path)
    stem, dot, code = base.rpartition(".")
    if dot and stem and code in codes:
        return stem + extension, code
    return path, None


class Untranslated:
    """An original (article, page or record) shown in a language it is not written in.

    It reads as the original in every respect but its address: ``url`` and ``save_as`` are
    those of the page in ``language`` (``fr/news/2026/x/``). Attributes set on it while a
    language's data is derived stay on it, so each language's view keeps its own.
    """

    untranslated = True

    def __init__(self, original, language: str, url: str, save_as: str):
        self.__dict__.update(original=original, in_language=language, url=url, save_as=save_as)

    def __getattr__(self, name):
        return getattr(self.__dict__["original"], name)

    def __eq__(self, other):
        return isinstance(other, Untranslated) and other.__dict__ == self.__dict__

    def __hash__(self):
        return hash((id(self.original), self.in_language))

    def __repr__(self):
        return f"<Untranslated {self.original!r} in {self.in_language}>"


def address_in(item, language: str, patterns: tuple[str, str], prefixed: str) -> tuple[str, str]:
    """(url, save_as) of ``item``'s page in ``language`` from the URL and save-as
    ``patterns`` of its kind in the default language (``news/{date:%Y}/{slug}/``) and the
    language's path prefix (``fr/``, or ``""``)."""
    values = {**item.url_format, "lang": language}
    url, save_as = (pattern.format(**values) for pattern in patterns)
    return prefixed + url, prefixed + save_as
