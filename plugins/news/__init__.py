"""News: what Pelican's own news posts and pages get besides their text.

When the records of a language are ready (``records_ready``, once per language), every news
post and page of that language gets its trail (``item.breadcrumbs``, see
:mod:`records.trail`), and every news post its ``related_posts`` (same campaign first, then
shared tags) and its ``previous_post`` and ``next_post`` (older and newer, in that
language's list of news). Computed here, never in a template.

Template filter: ``news_article_data`` (``{{ article|news_article_data(SITEURL)|json_ld }}``),
schema.org ``NewsArticle`` data.

Settings: NEWS_RELATED (3), how many related posts a news post shows (0: none).
"""

from .plugin import register

__all__ = ["register"]
