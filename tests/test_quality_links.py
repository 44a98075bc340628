"""Link gate: every internal link and fragment of the built site resolves, from a sub-path
too, including srcset candidates, <link> elements, share-card metadata and the feeds."""

import pytest

from sitecheck import check_site
from sitecheck.check import feed_urls
from tests.conftest import write_files

SITEURL = "https://example.org/campaigns"


def test_published_site_and_its_feeds_resolve_from_the_sub_path(published):
    feeds = sorted(published.output.rglob("*.xml"))
    assert feeds, "the production build writes feeds"
    assert sum(len(feed_urls(feed)) for feed in feeds) > 0
    assert check_site(published.output, SITEURL) == []


def planted_site(tmp_path, index: str, **files):
    return write_files(
        tmp_path,
        {
            "404.html": "<!DOCTYPE html><title>Not found</title>",
            "about/index.html": '<!DOCTYPE html><title>About</title><h1 id="who">Who</h1>',
            "images/a.jpg": b"jpeg",
            "index.html": f"<!DOCTYPE html><title>Home</title>{index}",
            **files,
        },
    )


@pytest.mark.parametrize(
    ("markup", "broken"),
    [
        (
            '<img src="images/a.jpg" srcset="images/a.jpg 1x, images/a-2x.jpg 2x" alt="">',
            "images/a-2x.jpg",
        ),
        (
            '<picture><source srcset="images/a.webp 480w"><img src="images/a.jpg" alt="">'
            "</picture>",
            "images/a.webp",
        ),
        ('<link rel="stylesheet" href="theme/site.css">', "theme/site.css"),
        ('<link rel="alternate" hreflang="fr" href="fr/">', "fr/"),
        ('<link rel="preload" as="image" imagesrcset="images/b.jpg 1x">', "images/b.jpg"),
        (
            '<meta property="og:image" content="https://example.org/campaigns/images/c.jpg">',
            "https://example.org/campaigns/images/c.jpg",
        ),
        ('<a href="/campaigns/about/#whom">About</a>', "no element has the id 'whom'"),
    ],
)
def test_a_broken_link_is_found_wherever_it_is_written(tmp_path, markup, broken):
    planted_site(tmp_path, markup)
    problems = check_site(tmp_path, SITEURL)
    assert len(problems) == 1, problems
    assert problems[0].startswith("index.html: ")
    assert broken in problems[0]


@pytest.mark.parametrize(
    "url",
    [
        "/about/",  # ignores the sub-path the site is served from
        "https://example.org/about/",  # the site's own host, outside its sub-path
        "/campaigns/missing/",
    ],
)
def test_a_link_that_misses_the_sub_path_is_broken(tmp_path, url):
    planted_site(tmp_path, f'<a href="{url}">About</a>')
    assert check_site(tmp_path, SITEURL) == [f"index.html: broken link to {url}"]


@pytest.mark.parametrize(
    "url",
    [
        "about/#who",
        "/campaigns/about/",
        "/campaigns",
        "https://example.org/campaigns/about/#who",
        "https://other.example.net/page/",
        "mailto:office@example.org",
    ],
)
def test_links_that_resolve_or_leave_the_site_pass(tmp_path, url):
    planted_site(tmp_path, f'<a href="{url}">About</a>')
    assert check_site(tmp_path, SITEURL) == []


def test_a_broken_link_in_a_feed_is_found(tmp_path):
    planted_site(
        tmp_path,
        "",
        **{
            "feeds/all.atom.xml": """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
            <link href="https://example.org/campaigns/" rel="alternate"/>
            <link href="https://example.org/campaigns/feeds/all.atom.xml" rel="self"/>
            <entry><title>Post</title>
            <link href="https://example.org/campaigns/news/2026/gone/" rel="alternate"/>
            <content type="html">&lt;img src="https://example.org/campaigns/images/a.jpg" alt=""&gt;
            &lt;a href="https://example.org/campaigns/about/#nobody"&gt;who&lt;/a&gt;</content>
            </entry></feed>
            """,
        },
    )
    assert check_site(tmp_path, SITEURL) == [
        "feeds/all.atom.xml: broken link to https://example.org/campaigns/news/2026/gone/",
        "feeds/all.atom.xml: link to https://example.org/campaigns/about/#nobody: "
        "no element has the id 'nobody'",
    ]


def test_a_feed_that_is_not_well_formed_is_reported(tmp_path):
    planted_site(tmp_path, "", **{"feeds/all.atom.xml": "<feed><entry></feed>"})
    problems = check_site(tmp_path, SITEURL)
    assert len(problems) == 1
    assert problems[0].startswith("feeds/all.atom.xml: not well-formed XML")
