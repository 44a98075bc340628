"""Sitemap: ``sitemap.xml`` and ``robots.txt`` for search engines, in production builds.

Every page of every language that a search engine should index is listed once, with its
``hreflang`` alternates (the same ones the page's own ``<link rel="alternate">`` give, from the
records core's :func:`records.hreflang_links`) and, for news posts and pages, a ``lastmod``.
See :mod:`sitemap.plugin` for which pages are left out and why, and for the settings.
"""

from .plugin import register

__all__ = ["register"]
