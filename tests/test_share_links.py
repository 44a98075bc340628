"""Sharing without trackers: plain links to each network's own sharing address on campaign,
edition, event and news pages, and the theme's one small script for copying the link, the
device's share sheet and Mastodon; nothing of another site's is loaded until the reader
chooses it."""

import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.browser import axe_violations, wait_until

SITEURL = "https://example.org/campaigns"
SHARED = {
    "news/2026/day-of-prayer-2026/index.html": 'Day of Prayer 2026: "Peace Begins with Dignity"',
    "campaigns/day-of-prayer/index.html": "Peace Begins with Dignity: A Global Call to End "
    "Human Trafficking",
    "campaigns/day-of-prayer/2025/index.html": "Ambassadors of Hope: Together Against Human "
    "Trafficking",
    "events/example-cancelled-vigil/index.html": "Example: evening vigil (cancelled)",
    "fr/news/2017/osce-visit-russia/index.html": "OSCE Special Representative calls for "
    "joined-up action against trafficking in Russia",
}
# Each network's sharing address: the parameter that carries the page's address, and the one
# that carries its words (Facebook and LinkedIn take only the address).
NETWORKS = {
    "mailto:": ("body", "subject"),
    "https://wa.me/": ("text", "text"),
    "https://t.me/share/url": ("url", "text"),
    "https://www.facebook.com/sharer/sharer.php": ("u", None),
    "https://x.com/intent/post": ("url", "text"),
    "https://www.linkedin.com/sharing/share-offsite/": ("url", None),
    "https://bsky.app/intent/compose": ("text", "text"),
}
SCRIPT = f'<script src="{SITEURL}/theme/js/share.js" defer></script>'


def share_section(html: str) -> str:
    return html[
        html.index('<section class="share"') : html.index(
            "</section>", html.index('<section class="share"')
        )
    ]


def canonical(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]


@pytest.mark.parametrize("path", sorted(SHARED))
def test_each_network_gets_the_canonical_address_and_the_title(published, path):
    html = published.page(path)
    section = share_section(html)
    hrefs = [unescape(href) for href in re.findall(r'<a href="([^"]+)"', section)]
    assert len(hrefs) == len(NETWORKS)
    address = canonical(html)
    for start, (address_key, words_key) in NETWORKS.items():
        href = next(h for h in hrefs if h.startswith(start))
        query = parse_qs(href.split("?", 1)[1])
        assert address in query[address_key][0], (path, start)
        if words_key:
            assert SHARED[path] in query[words_key][0], (path, start)
    assert html.count(SCRIPT) == 1


def test_an_untranslated_stand_in_shares_its_original(published):
    section = share_section(published.page("fr/news/2017/osce-visit-russia/index.html"))
    assert quote(f"{SITEURL}/news/2017/osce-visit-russia/") in section
    assert "/fr/news/2017" not in section


def test_other_pages_have_no_share_links_and_no_script(published):
    for path in ("index.html", "about/index.html", "partners/uisg/index.html", "news/index.html"):
        html = published.page(path)
        assert 'class="share"' not in html, path
        assert "share.js" not in html, path


def test_a_local_preview_has_no_share_links(demo):
    html = demo.page("news/2026/day-of-prayer-2026/index.html")
    assert 'class="share"' not in html
    assert "share.js" not in html


def test_without_a_script_only_the_plain_links_show(published):
    section = share_section(published.page("news/2026/day-of-prayer-2026/index.html"))
    for tool in ("data-share-tools", "data-share-mastodon"):
        assert re.search(rf"<[^>]*{tool}[^>]*\bhidden\b", section), tool


def open_page(browser, build, path: str):
    """``path`` of the published build at its own address, every file served from the build
    and every other host's request recorded (and answered with an empty page)."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin="https://example.org")
    elsewhere: list[str] = []

    def from_build(route):
        relative = urlsplit(route.request.url).path.removeprefix("/campaigns/")
        file = build.output / (relative + "index.html" if relative.endswith("/") else relative)
        if file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="")

    def other_host(route):
        elsewhere.append(route.request.url)
        route.fulfill(
            status=200, body="<!DOCTYPE html><title>elsewhere</title>", content_type="text/html"
        )

    context.route(re.compile(r"^https://example\.org/"), from_build)
    context.route(re.compile(r"^(?!https://example\.org/)https?://"), other_host)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(f"{SITEURL}/{path}")
    page.wait_for_load_state("load")
    return context, page, elsewhere, errors


@pytest.mark.browser
def test_the_script_copies_the_link_and_shares_to_the_readers_mastodon(browser, published):
    context, page, elsewhere, errors = open_page(
        browser, published, "news/2026/day-of-prayer-2026/"
    )
    try:
        assert page.is_visible("[data-share-copy]")
        assert page.is_visible("[data-share-mastodon]")
        assert elsewhere == []
        assert errors == []
        page.click("[data-share-copy]")
        wait_until(page, "document.querySelector('[data-share-status]').textContent")
        assert page.text_content("[data-share-status]") == "Link copied."
        address = f"{SITEURL}/news/2026/day-of-prayer-2026/"
        assert page.evaluate("navigator.clipboard.readText()") == address
        page.fill("#share-mastodon-server", "not a server")
        page.click(".share-mastodon button")
        assert "mastodon.social" in page.text_content("[data-share-status]")
        assert elsewhere == []
        page.fill("#share-mastodon-server", "@reader@social.example.net")
        with page.expect_navigation():
            page.click(".share-mastodon button")
        (shared,) = elsewhere
        parts = urlsplit(shared)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "social.example.net", "/share")
        text = parse_qs(parts.query)["text"][0]
        assert text == f'Day of Prayer 2026: "Peace Begins with Dignity" {address}'
    finally:
        context.close()


@pytest.mark.browser
def test_a_shared_page_with_its_script_passes_axe(browser, published):
    context, page, _, _ = open_page(browser, published, "campaigns/day-of-prayer/2026/")
    try:
        assert page.is_visible("[data-share-mastodon]")
        assert axe_violations(page) == []
    finally:
        context.close()
