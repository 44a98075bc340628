"""The site's languages, read once from the settings: code, name, Babel locale, direction.

``LANGUAGES`` lists them, the default language (``DEFAULT_LANG``) among them::

    LANGUAGES = {
        "en": {"locale": "en_GB"},          # European date order for English
        "fr": {},                           # name, locale and direction from Babel
        "ar": {"name": "العربية", "direction": "rtl"},
    }

Each entry may give ``name`` (in the language itself; default: Babel's, capitalised),
``locale`` (a Babel locale; default: the code), ``direction`` (``ltr`` or ``rtl``; default:
Babel's), and the site's ``sitename`` and ``description`` in that language (default:
``SITENAME`` and ``SITE_DESCRIPTION``). Without ``LANGUAGES`` a site has one language,
``DEFAULT_LANG``, whose locale ``I18N_LOCALES`` may still give.

Pages in the default language sit at the root of the site, or under ``<code>/`` like the
others when ``DEFAULT_LANG_PREFIXED`` is True (see :func:`path_prefix`).

A mistake here is the maintainer's, not an editor's: it stops the build at its start with
one line naming the setting.
"""

import functools
import json
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from .issues import ContentError

CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


class LanguageSettingError(ContentError):
    """A wrong ``LANGUAGES``/``DEFAULT_LANG`` setting: the build stops at its start."""


OPTIONS = frozenset({"name", "locale", "direction", "sitename", "description"})


@dataclass(frozen=True)
class Language:
    code: str  # as content files write it in Lang, and as URLs show it (``fr``)
    name: str  # in the language itself (``Français``)
    locale: Locale
    direction: str  # "ltr" or "rtl"
    sitename: str | None = None  # the site's name in this language, if it has its own
    description: str | None = None

    @property
    def tag(self) -> str:
        """The BCP 47 tag for ``lang`` and ``hreflang`` attributes (``pt-BR``)."""
        return self.code.replace("_", "-")

    @property
    def region_locale(self) -> str:
        """``fr_FR``: the locale with a territory, the most likely one when the locale has
        none (Open Graph's ``og:locale`` is always ``ll_CC``)."""
        locale = self.locale
        if not locale.territory:
            likely = get_global("likely_subtags")
            keys = (str(locale), f"{locale.language}_{locale.script}", locale.language)
            found = next((likely[key] for key in keys if key in likely), None)
            territory = Locale.parse(found).territory if found else None
            return f"{locale.language}_{territory}" if territory else locale.language
        return f"{locale.language}_{locale.territory}"


def _parse_locale(code: str, setting: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageSettingError(
            f'{setting}: "{code}" is not a locale Babel knows — write a code such as fr, pt_BR'
        ) from None


def _language(code: str, options: dict) -> Language:
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise LanguageSettingError(
            f'LANGUAGES: "{code}" is not a language code — write a code such as fr or pt-br'
        )
    if not isinstance(options, dict) or set(options) - OPTIONS:
        raise LanguageSettingError(
            f"LANGUAGES: {code}: give a dict with any of " + ", ".join(sorted(OPTIONS))
        )
    locale = _parse_locale(options.get("locale") or code, f"LANGUAGES: {code}: locale")
    direction = options.get("direction") or (
        "rtl" if locale.character_order == "right-to-left" else "ltr"
    )
    if direction not in ("ltr", "rtl"):
        raise LanguageSettingError(f"LANGUAGES: {code}: direction — write ltr or rtl")
    name = options.get("name") or locale.get_language_name(locale) or code
    return Language(
        code,
        name[:1].upper() + name[1:],
        locale,
        direction,
        options.get("sitename"),
        options.get("description"),
    )


@functools.lru_cache(maxsize=32)
def _languages(default: str, table: str) -> tuple[Language, ...]:
    found = [_language(code, options) for code, options in json.loads(table).items()]
    codes = [language.code for language in found]
    if default not in codes:
        raise LanguageSettingError(
            f'DEFAULT_LANG: "{default}" is not in LANGUAGES — add it, or change DEFAULT_LANG'
        )
    return tuple(sorted(found, key=lambda language: language.code != default))


def site_languages(settings: dict) -> tuple[Language, ...]:
    """The site's languages, the default one first."""
    default = settings.get("DEFAULT_LANG") or "en"
    table = settings.get("LANGUAGES")
    if not table:
        locales = settings.get("I18N_LOCALES") or {}
        table = {default: {"locale": locales[default]} if default in locales else {}}
    return _languages(default, json.dumps(table))


def language_codes(settings: dict) -> tuple[str, ...]:
    return tuple(language.code for language in site_languages(settings))


def language(settings: dict, code: str | None = None) -> Language:
    """The site's language ``code`` (default: ``DEFAULT_LANG``); for a code the site does not
    list (content already refused for it), a plain one made from Babel."""
    languages = site_languages(settings)
    for found in languages:
        if found.code == (code or languages[0].code):
            return found
    return _language(code, {}) if code and CODE.fullmatch(code) else languages[0]


def path_prefix(code: str, settings: dict) -> str:
    """Where the pages of a language sit: ``"fr/"``, or ``""`` for the default language unless
    ``DEFAULT_LANG_PREFIXED`` is set."""
    default = settings.get("DEFAULT_LANG") or "en"
    if code == default and not settings.get("DEFAULT_LANG_PREFIXED"):
        return ""
    return f"{code}/"
