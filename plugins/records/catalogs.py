"""The theme's UI strings in every language of the site: catalogs compiled in memory.

Catalogs live in ``<I18N_TRANSLATIONS_DIR>/<lang>/LC_MESSAGES/<I18N_DOMAIN>.po`` (default
``<THEME>/translations/<lang>/LC_MESSAGES/messages.po``). Templates get them through the i18n
plugin; a plugin that writes text outside a template (a calendar's name, a share card) asks
:func:`ui_text` for the catalog of the language being written.

The only state kept between builds is :data:`_COMPILED`, a cache of compiled catalogs keyed
by the SHA-256 of the ``.po`` file's bytes: an edited catalog has a new key, so it can never
serve stale strings.
"""

from __future__ import annotations

import gettext
import hashlib
import logging
import os
from dataclasses import dataclass
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .passes import current_language

logger = logging.getLogger(__name__)

DEFAULT_DOMAIN = "messages"

# sha256 of a .po file's bytes -> its compiled Translations.
_COMPILED: dict[str, Translations] = {}


@dataclass(frozen=True)
class I18nSettings:
    """Every setting this plugin reads, with its default applied."""

    translations_dir: str
    domain: str = DEFAULT_DOMAIN


def read_settings(settings) -> I18nSettings:
    """Read this plugin's settings from Pelican's, in one place (see the package docstring)."""
    theme = settings.get("THEME", "")
    return I18nSettings(
        translations_dir=settings.get("I18N_TRANSLATIONS_DIR")
        or os.path.join(theme, "translations"),
        domain=settings.get("I18N_DOMAIN") or DEFAULT_DOMAIN,
    )


def catalog_path(conf: I18nSettings, lang: str) -> str | None:
    """The ``.po`` file for ``lang`` (``pt_BR``, then ``pt``), or None if there is none."""
    candidates = [lang, lang.replace("-", "_"), lang.replace("-", "_").split("_")[0]]
    for code in dict.fromkeys(candidates):
        path = os.path.join(conf.translations_dir, code, "LC_MESSAGES", conf.domain + ".po")
        if os.path.isfile(path):
            return path
    return None


def compile_po(data: bytes, lang: str) -> Translations:
    """Compile the bytes of a ``.po`` file to Translations, without writing a ``.mo``."""
    catalog = read_po(BytesIO(data), locale=lang.replace("-", "_"))
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def load_translations(conf: I18nSettings, lang: str) -> gettext.NullTranslations:
    """Translations for ``lang``, from the cache when the catalog's content is unchanged."""
    path = catalog_path(conf, lang)
    if path is None:
        logger.debug(
            "i18n: no catalog for %r in %s; UI strings stay as written", lang, conf.translations_dir
        )
        return gettext.NullTranslations()
    with open(path, "rb") as f:
        data = f.read()
    key = hashlib.sha256(data).hexdigest()
    if key not in _COMPILED:
        _COMPILED[key] = compile_po(data, lang)
    return _COMPILED[key]


def ui_text(settings: dict, code: str | None = None) -> gettext.NullTranslations:
    """The UI strings of ``code`` (default: the language being written)."""
    return load_translations(read_settings(settings), code or current_language(settings).code)
