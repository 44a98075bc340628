"""Reading on from a news post: related posts (same campaign first, then shared tags) and the
older and newer posts, each in the page's language."""

import re
from datetime import datetime
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from news.plugin import RelatedIndex, related


def post(name: str, day: int, campaigns=(), tags=()):
    return SimpleNamespace(
        name=name,
        date=datetime(2026, 1, day),
        campaign=[SimpleNamespace(id=c) for c in campaigns],
        tags=[SimpleNamespace(slug=t) for t in tags],
    )


def test_a_shared_campaign_comes_before_shared_tags_then_the_newest():
    this = post("this", 10, campaigns=["prayer"], tags=["hope", "online"])
    posts = [
        this,
        post("tags-two", 9, tags=["hope", "online"]),
        post("campaign-old", 1, campaigns=["prayer"]),
        post("campaign-new", 5, campaigns=["prayer"]),
        post("tag-one", 8, tags=["hope"]),
        post("nothing", 7, campaigns=["other"], tags=["other"]),
    ]
    names = [p.name for p in related(this, posts, 10)]
    assert names == ["campaign-new", "campaign-old", "tags-two", "tag-one"]
    assert [p.name for p in related(this, posts, 2)] == ["campaign-new", "campaign-old"]


def related_by_definition(article, others, count):
    """What ``related`` promises, by comparing ``article`` with every post: most campaigns
    shared, then most tags shared, then the newest, then the order of ``others``."""

    def shared(other):
        campaigns = {c.id for c in article.campaign} & {c.id for c in other.campaign}
        tags = {t.slug for t in article.tags} & {t.slug for t in other.tags}
        return (len(campaigns), len(tags))

    sharing = [other for other in others if other is not article and shared(other) != (0, 0)]
    return sorted(sharing, key=lambda other: (shared(other), other.date), reverse=True)[:count]


posts_strategy = st.lists(
    st.builds(
        post,
        name=st.just("p"),
        day=st.integers(1, 5),
        campaigns=st.sets(st.sampled_from("abc"), max_size=2),
        tags=st.sets(st.sampled_from("vwxyz"), max_size=4),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=100, deadline=None)
@given(posts=posts_strategy, count=st.integers(0, 6), data=st.data())
def test_related_posts_are_those_the_definition_ranks_first(posts, count, data):
    article = data.draw(st.sampled_from(posts))
    index = RelatedIndex(posts)
    expected = related_by_definition(article, posts, count)
    assert [id(found) for found in related(article, posts, count, index)] == list(map(id, expected))


def links(html: str, section: str) -> list[str]:
    start = html.index(section)
    end = html.index("</section>" if "<section" in section else "</nav>", start)
    return re.findall(r'<a href="([^"]+)"', html[start:end])


def test_a_post_shows_related_posts_of_its_language(published):
    html = published.page("news/2025/day-of-prayer-2025/index.html")
    found = links(html, '<section class="related"')
    assert found[0] == "https://example.org/campaigns/news/2026/day-of-prayer-2026/"
    assert len(found) == 3
    french = links(published.page("fr/news/2025/day-of-prayer-2025/index.html"), 'class="related"')
    assert french
    assert all(url.startswith("https://example.org/campaigns/fr/news/") for url in french)
    assert french[0] == "https://example.org/campaigns/fr/news/2026/day-of-prayer-2026/"


def test_a_post_links_the_older_and_newer_posts_of_its_language(published):
    html = published.page("fr/news/2025/day-of-prayer-2025/index.html")
    nav = links(html, '<nav class="post-nav"')
    assert nav == [
        "https://example.org/campaigns/fr/news/2023/eu-anti-trafficking-day-2023/",
        "https://example.org/campaigns/fr/news/2026/day-of-prayer-2026/",
    ]
    assert 'rel="prev"' in html
    assert 'rel="next"' in html
    newest = published.page("news/2026/day-of-prayer-2026/index.html")
    assert 'rel="next"' not in newest
    assert 'rel="prev"' in newest
    oldest = published.page("news/2017/osce-visit-russia/index.html")
    assert 'rel="prev"' not in oldest
    assert 'rel="next"' in oldest


def test_a_site_may_show_no_related_posts(site):
    files = {
        f"news/{name}.md": f"Title: {name}\nDate: 2026-01-0{day}\nTags: prayer\n\nText.\n"
        for day, name in enumerate(("one", "two", "three"), start=1)
    }
    shown = site(files, plugins=("records", "i18n", "news"), ARTICLE_PATHS=["news"])
    assert 'class="related"' in shown.page("news/2026/two/index.html")
    hidden = site(
        files, plugins=("records", "i18n", "news"), ARTICLE_PATHS=["news"], NEWS_RELATED=0
    )
    html = hidden.page("news/2026/two/index.html")
    assert 'class="related"' not in html
    assert 'class="post-nav"' in html
