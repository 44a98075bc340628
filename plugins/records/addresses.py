"""A content object's address (``url``) and file (``save_as``), worked out once per language.

Pelican computes them anew at each use: a copy of the object's metadata, its source path made
relative, and the setting's pattern formatted, about thirty times per news post and build (the
pages that list it, feeds, the sitemap, the language switcher, the writer): a tenth of a cold
build's time. Pelican has no hook for this, so, while one language's pages are written (see
:mod:`records.passes`), ``Content.url`` and ``Content.save_as`` are replaced by properties that
remember what Pelican's own computation gave; they are put back, and forgotten, afterwards.
Nothing a page is made from changes while its language is written, so nothing remembered can
go stale; the next language's settings give other addresses, and are worked out afresh.
"""

from pelican.contents import Content

_PELICAN = {name: Content.__dict__[name] for name in ("url", "save_as")}


def _remembering(key: str, found: dict) -> property:
    def get(self):
        remembered = found.get((id(self), key))
        if remembered is None:
            # The object is held with its address, so that its id is never another's meanwhile.
            remembered = found[(id(self), key)] = (self, self.get_url_setting(key))
        return remembered[1]

    return property(get, doc=f"Pelican's {key}, worked out once while a language is written.")


class remembered_addresses:
    """``with remembered_addresses():`` write one language's pages."""

    def __enter__(self) -> None:
        found: dict = {}
        for key in _PELICAN:
            setattr(Content, key, _remembering(key, found))

    def __exit__(self, *exc) -> None:
        for key, original in _PELICAN.items():
            setattr(Content, key, original)
