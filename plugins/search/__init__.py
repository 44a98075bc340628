"""Search: a Pagefind index of the site, built over the written pages, and a search page in
every language.

Pages of real content in their own language (news, pages, and every kind of record with a
page of its own: campaigns, editions, events, partners) carry ``data-pagefind-body`` and their
filters and metadata (``partials/search_data.html``); list pages, the 404 page, drafts and
untranslated stand-ins do not, so Pagefind leaves them out. Once the whole site is written
(the records core's ``site_written``), Pagefind indexes it: one index per language, split by
``<html lang>``. Each language's search page (``search/``) offers the search field (with
``theme/static/js/search.js``, under a policy of its own that allows Pagefind's module and its
WebAssembly) and, for readers without JavaScript, an A–Z index of the same pages.
Settings: see :mod:`search.settings`.
"""

from .plugin import register

__all__ = ["register"]
