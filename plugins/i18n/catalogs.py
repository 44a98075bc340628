"""Install the site's UI strings and filters on a generator's Jinja environment.

Which language a string is shown in is decided as each page is rendered: the ``lang`` the
records core's writer gives the page. The catalogs come from :mod:`records.catalogs`.
"""

from __future__ import annotations

import gettext

from jinja2 import pass_context

from records import plugin_enabled
from records.catalogs import load_translations, read_settings
from records.languages import language, site_languages

from .filters import make_filters


def install(generator) -> None:
    """Install translations for every language of the site, filters and globals on one
    generator's Jinja environment. Which language a string is shown in is decided as each
    page is rendered: the ``lang`` of the page (see :mod:`i18n.filters`)."""
    env = getattr(generator, "env", None)
    if env is None or not plugin_enabled(generator.settings, "i18n"):
        return
    settings = generator.settings
    conf = read_settings(settings)
    default = language(settings)
    catalogs = {lang.code: load_translations(conf, lang.code) for lang in site_languages(settings)}

    def catalog(context) -> gettext.NullTranslations:
        lang = context.get("lang")
        return catalogs.get(getattr(lang, "code", None)) or catalogs[default.code]

    @pass_context
    def gettext_(context, message):
        return catalog(context).gettext(message)

    @pass_context
    def ngettext(context, singular, plural, number):
        return catalog(context).ngettext(singular, plural, number)

    @pass_context
    def pgettext(context, message_context, message):
        return catalog(context).pgettext(message_context, message)

    @pass_context
    def npgettext(context, message_context, singular, plural, number):
        return catalog(context).npgettext(message_context, singular, plural, number)

    env.install_gettext_callables(
        gettext_, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    env.filters.update(make_filters(settings))
