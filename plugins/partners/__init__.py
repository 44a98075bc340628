"""Partners: the organisations behind the campaigns, their logos, pages and history.

Declares the ``partner`` record type on the records core (``content/partners/<id>.md``; keys
in ``docs/editors.md``). When the records are ready it

* processes every logo through the shared media core (:mod:`media`): trimmed, fitted into
  one box, PNG and WebP at each density, no metadata; SVG sanitised; a partner without a logo
  (or with a bad one, which is reported as a content issue) gets a monogram tile;
* derives each partner's history from the content (:mod:`partners.history`);
* groups the partners for the directory (:mod:`partners.directory`).

Templates: ``partner.html`` (one partner; the core writes it), ``partners.html`` (the
directory), ``partner_countries.html`` (the country index), and the partials
``partner_logo.html``, ``partner_labels.html``, ``partner_card.html`` and ``logo_wall.html``
(``{% from "partials/logo_wall.html" import logo_wall with context %}`` then
``{{ logo_wall(edition.partners) }}`` on any page).

Template filters: ``country_name`` (``{{ "IT"|country_name }}`` → Italy, in the site's or a
given language) and ``organization_data`` (``{{ partner|organization_data(SITEURL)|json_ld }}``).

Settings: see :mod:`partners.settings`; the media core's in :mod:`media.settings`.
"""

from .plugin import register

__all__ = ["register"]
