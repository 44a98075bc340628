"""i18n: the theme's UI strings and dates in the language of each page.

On every generator's Jinja environment this plugin installs

* gettext for every language of the site (``_``, ``gettext``, ``ngettext``, ``pgettext``,
  ``npgettext`` and ``{% trans %}``), read from the theme's ``messages.po`` files and compiled
  in memory; the string is looked up in the catalog of the page being rendered (its ``lang``,
  given by the records core's writer);
* the filters ``format_date``, ``format_datetime`` and ``lang_name``, in the page's language.

The site's languages and their locales come from the records core (``LANGUAGES``, see
:mod:`records.languages`), and so do the catalogs (``I18N_TRANSLATIONS_DIR``,
``I18N_DOMAIN``: see :mod:`records.catalogs`), which plugins also use outside templates.

A language without a catalog (such as ``en``, the language the templates are written in)
gets :class:`gettext.NullTranslations`: the source strings are shown as they are.
"""

from pelican import signals

from .catalogs import install

__all__ = ["install", "register"]


def register():
    """Pelican's plugin entry point."""
    signals.generator_init.connect(install)
