"""i18n: the theme's UI strings and dates in the site's language.

On every generator's Jinja environment this plugin installs

* gettext translations for the site's language (``_``, ``gettext``, ``ngettext`` and
  ``{% trans %}``), read from the theme's ``messages.po`` and compiled in memory;
* the filters ``format_date``, ``format_datetime``, ``lang_dir`` and ``lang_name``, and the
  global ``lang_dir``.

Settings (all optional; read in :func:`i18n.catalogs.read_settings`):

``DEFAULT_LANG``
    Pelican's own setting: the language of the UI strings and the default locale of dates.
``I18N_TRANSLATIONS_DIR``
    Folder of the catalogs, laid out as ``<dir>/<lang>/LC_MESSAGES/messages.po``.
    Default: ``<THEME>/translations``.
``I18N_DOMAIN``
    Catalog file name without ``.po``. Default: ``"messages"``.
``I18N_LOCALES``
    Mapping of a Pelican language code to the Babel locale used for dates and language
    names, for when the two differ (e.g. ``{"en": "en_GB"}``). Default: ``{}``; a code
    such as ``fr``, ``pt_BR`` or ``pt-br`` is used as the locale ``fr`` / ``pt_BR``.
``I18N_RTL_LANGS``
    Language codes written right to left. Default: ``("ar", "fa", "he", "ur")``.

A language without a catalog (such as ``en``, the language the templates are written in)
gets :class:`gettext.NullTranslations`: the source strings are shown as they are.
"""

from pelican import signals

from .catalogs import install

__all__ = ["install", "register"]


def register():
    """Pelican's plugin entry point."""
    signals.generator_init.connect(install)
