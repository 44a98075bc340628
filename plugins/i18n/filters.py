"""Jinja filters for dates and language names, in the language of the page being written.

The page's language is the ``lang`` the kit's writer gives every page (a
:class:`records.languages.Language`); a filter's ``lang`` argument (a code or a Language)
overrides it. Locales come from the records core's one table of the site's languages.
"""

from __future__ import annotations

from datetime import UTC

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.units import format_unit
from jinja2 import pass_context
from markupsafe import Markup

from records.languages import Language, language


def make_filters(settings: dict) -> dict:
    """The filters, closed over the site's ``settings``."""

    def current(context, lang=None) -> Language:
        if isinstance(lang, Language):
            return lang
        if lang:
            return language(settings, str(lang))
        found = context.get("lang") if context is not None else None
        return found if isinstance(found, Language) else language(settings)

    @pass_context
    def format_date(context, value, format: str = "long", lang=None) -> str:
        """``{{ article.date|format_date }}``: ``12 March 2025`` (en), ``12 mars 2025`` (fr).

        ``format`` is ``short``, ``medium``, ``long``, ``full`` or a Babel date pattern.
        """
        if not value:
            return ""
        return babel_format_date(value, format=format, locale=current(context, lang).locale)

    @pass_context
    def format_datetime(context, value, format: str = "long", lang=None) -> str:
        """Like ``format_date``, with the time, in the value's own time zone (naive: as is)."""
        if not value:
            return ""
        tzinfo = getattr(value, "tzinfo", None) or UTC
        locale = current(context, lang).locale
        return babel_format_datetime(value, format=format, tzinfo=tzinfo, locale=locale)

    @pass_context
    def lang_name(context, code: str, in_lang=None) -> str:
        """A language's name, by default in that language itself: ``fr`` -> ``Français``."""
        named = language(settings, code)
        if in_lang is None:
            return named.name
        return named.locale.get_language_name(current(context, in_lang).locale) or code

    @pass_context
    def lang_attr(context, item) -> Markup:
        """`` lang="en"`` on an element whose text is in another language than the page's
        (``<h1{{ article|lang_attr }}>``), and `` dir="ltr"`` too when that language is
        written in the other direction (English on an Arabic page); nothing when it is the
        page's. ``item`` is a content object or a language code."""
        code = item if isinstance(item, str) else getattr(item, "lang", None)
        page = current(context)
        if not code or code == page.code:
            return Markup("")
        other = language(settings, code)
        if other.direction == page.direction:
            return Markup(' lang="{}"').format(other.tag)
        return Markup(' lang="{}" dir="{}"').format(other.tag, other.direction)

    @pass_context
    def filesize(context, size: int) -> str:
        """A size a reader can judge a download by, number and unit in the page's language:
        "820 kB", "1.5 MB" (en), "820 ko", "1,5 Mo" (fr)."""
        locale = current(context).locale
        kilobytes = size / 1000
        if kilobytes < 1000:
            amount, unit = max(1, round(kilobytes)), "digital-kilobyte"
        else:
            amount, unit = round(kilobytes / 1000, 1), "digital-megabyte"
        return format_unit(amount, unit, length="short", locale=locale)

    return {
        "format_date": format_date,
        "format_datetime": format_datetime,
        "lang_name": lang_name,
        "lang_attr": lang_attr,
        "filesize": filesize,
    }
