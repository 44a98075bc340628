"""Wires the news plugin into the records core and Pelican. No state lives here."""

import heapq
import itertools
import operator
from collections import Counter

from markupsafe import Markup
from pelican import signals

from records import Crumb, section, site_organization, trail
from records.signals import records_ready

HEADLINE_MAX = 110  # Google's limit for a NewsArticle's headline


def _campaigns(article) -> set[str]:
    return {getattr(c, "id", c) for c in getattr(article, "campaign", None) or []}


def _tags(article) -> set[str]:
    return {tag.slug for tag in getattr(article, "tags", None) or []}


class RelatedIndex:
    """``others``' campaigns and tags, which of them carry each campaign and each tag, and their
    order newest first: a post's related posts are counted among those that share one, in C
    (``Counter``, ``map``, ``heapq``), not compared one by one in Python (at 4,000 posts, with a
    thousand sharing each tag, that took seconds)."""

    def __init__(self, others: list):
        self.others = others
        self.carrying: dict[tuple[str, str], list[int]] = {}
        for position, other in enumerate(others):
            keys = [("campaign", c) for c in _campaigns(other)] + [("tag", t) for t in _tags(other)]
            for key in keys:
                self.carrying.setdefault(key, []).append(position)
        # Newest first, and among equal dates the order of ``others``: the higher, the earlier.
        newest = sorted(range(len(others)), key=lambda at: others[at].date, reverse=True)
        self.recency = [0] * len(others)
        for rank, position in enumerate(newest):
            self.recency[position] = len(others) - 1 - rank


def related(article, others: list, count: int, index: RelatedIndex | None = None) -> list:
    """Up to ``count`` of ``others`` that share a campaign with ``article`` (the most shared
    first) or, after those, tags (the most shared first); the newest first among equals, then
    the order of ``others``. ``index``: a :class:`RelatedIndex` of ``others``, made once for
    many articles."""
    index = index or RelatedIndex(others)
    tags = _tags(article)
    # One shared campaign outweighs every shared tag: it counts once more than there are tags.
    weight = len(tags) + 1
    postings = [index.carrying.get(("tag", tag), ()) for tag in tags]
    for campaign in _campaigns(article):
        postings += [index.carrying.get(("campaign", campaign), ())] * weight
    shared = Counter(itertools.chain.from_iterable(postings))
    positions = list(shared)
    # One number per post, unique, that orders by what it shares and then by recency.
    size = len(index.others)
    ranks = map(
        operator.add,
        map(operator.mul, shared.values(), itertools.repeat(size)),
        map(index.recency.__getitem__, positions),
    )
    best = heapq.nlargest(count + 1, zip(ranks, positions, strict=True))
    found = (index.others[position] for _, position in best)
    return [other for other in found if other is not article][:count]


def derive(generator, store) -> None:
    """records_ready, once per language: the trail of every news post and page of that
    language, and each news post's related posts, neighbours in that language's list and
    authors that are organisations (the network or a partner)."""
    settings, context = generator.settings, generator.context
    count = int(settings.get("NEWS_RELATED", 3))
    articles = context.get("articles", [])
    news = section(settings, "News", settings.get("INDEX_URL", ""))
    index = RelatedIndex(articles)
    organisations = organisation_names(context)
    for article in articles + context.get("hidden_articles", []):
        article.breadcrumbs = trail(settings, news, Crumb.of(article))
        article.organisation_authors = [
            str(author)
            for author in getattr(article, "authors", None) or []
            if is_organisation(str(author), organisations)
        ]
        article.related_posts = related(article, articles, count, index) if count > 0 else []
        article.previous_post = article.next_post = None
    by_date = sorted(articles, key=lambda article: article.date)
    for older, newer in itertools.pairwise(by_date):
        newer.previous_post, older.next_post = older, newer
    for page in context.get("pages", []) + context.get("hidden_pages", []):
        page.breadcrumbs = trail(settings, Crumb.of(page))


def headline(title: str) -> str:
    """``title`` within Google's 110 characters, cut at a word with an ellipsis if need be."""
    if len(title) <= HEADLINE_MAX:
        return title
    cut = title[: HEADLINE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def organisation_names(context: dict) -> list[str]:
    """Names an author is an organisation by: the site's network and every partner."""
    names = [site_organization(context).name]
    view = context.get("records")
    if view is not None and "partner" in view.types:
        for partner in view.all("partner"):
            names += [partner.title, partner.id]
    return [name.casefold() for name in names if name]


def is_organisation(name: str, organisations: list[str]) -> bool:
    """Whether an author's name is, or begins with, one of ``organisations`` (casefolded):
    "RENATE Editorial Team" is the network's."""
    folded = name.casefold()
    return any(folded == known or folded.startswith(known + " ") for known in organisations)


def author_data(author, article, siteurl: str) -> dict:
    """An ``Organization`` when the author is one of the post's ``organisation_authors``
    (found once per build, in :func:`derive`: a page that looked through every partner
    would depend on every partner), else a ``Person``; its page here."""
    name = str(author)
    organisation = name in (getattr(article, "organisation_authors", None) or ())
    return {
        "@type": "Organization" if organisation else "Person",
        "name": name,
        "url": f"{siteurl}/{author.url}",
    }


def news_article_data(article, siteurl: str) -> dict:
    """schema.org ``NewsArticle`` of a news post (for ``json_ld``): headline, its share card
    and lead image, dates, authors. An untranslated stand-in describes its original."""
    original = getattr(article, "original", article)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline(article.title),
        "url": f"{siteurl}/{original.url}",
        "inLanguage": article.lang,
        "datePublished": article.date.isoformat(),
        "dateModified": (getattr(article, "modified", None) or article.date).isoformat(),
    }
    images = []
    card = getattr(article, "share_card", None)
    if card is not None:
        images.append(f"{siteurl}/{card.url}")
    if getattr(article, "image", None):
        images.append(f"{siteurl}/{article.image}")
    if images:
        data["image"] = images
    authors = getattr(article, "authors", None) or []
    if authors:
        data["author"] = [author_data(author, article, siteurl) for author in authors]
    if article.summary:
        data["description"] = Markup(article.summary).striptags()
    return data


def install_filters(generator) -> None:
    generator.env.filters["news_article_data"] = news_article_data


def register():
    records_ready.connect(derive)
    signals.generator_init.connect(install_filters)
