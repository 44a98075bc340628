"""Jinja filters for dates and language direction, bound to the site's settings."""

from __future__ import annotations

import logging
from datetime import UTC

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime

logger = logging.getLogger(__name__)


def parse_locale(code: str) -> Locale:
    """The Babel locale for a language code such as ``en``, ``fr``, ``pt_BR`` or ``pt-br``.

    An unknown code falls back to its language part, then to English, with a warning.
    """
    normalised = code.replace("-", "_")
    for candidate in dict.fromkeys([normalised, normalised.split("_")[0]]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    logger.warning("i18n: unknown language code %r; dates fall back to English", code)
    return Locale.parse("en")


def make_filters(conf) -> dict:
    """The filters, closed over ``conf`` (an :class:`i18n.catalogs.I18nSettings`)."""

    locales: dict[str, Locale] = {}  # this build's parsed locales; dies with the environment

    def locale_for(lang: str | None) -> Locale:
        lang = lang or conf.lang
        if lang not in locales:
            locales[lang] = parse_locale(conf.locales.get(lang, lang))
        return locales[lang]

    def format_date(value, format: str = "long", lang: str | None = None) -> str:
        """``{{ article.date|format_date }}``: ``March 12, 2025`` (en), ``12 mars 2025`` (fr).

        ``format`` is ``short``, ``medium``, ``long``, ``full`` or a Babel date pattern.
        """
        if not value:
            return ""
        return babel_format_date(value, format=format, locale=locale_for(lang))

    def format_datetime(value, format: str = "long", lang: str | None = None) -> str:
        """Like ``format_date``, with the time, in the value's own time zone (naive: as is)."""
        if not value:
            return ""
        tzinfo = getattr(value, "tzinfo", None) or UTC
        return babel_format_datetime(value, format=format, tzinfo=tzinfo, locale=locale_for(lang))

    def lang_dir(lang: str | None = None) -> str:
        """``"rtl"`` for a right-to-left language (ar, fa, he, ur by default), else ``"ltr"``."""
        code = (lang or conf.lang).replace("-", "_").split("_")[0].lower()
        return "rtl" if code in conf.rtl_langs else "ltr"

    def lang_name(lang: str, in_lang: str | None = None) -> str:
        """A language's name, by default in that language itself: ``fr`` -> ``français``."""
        locale = locale_for(lang)
        return locale.get_display_name(locale_for(in_lang) if in_lang else locale) or lang

    return {
        "format_date": format_date,
        "format_datetime": format_datetime,
        "lang_dir": lang_dir,
        "lang_name": lang_name,
    }
