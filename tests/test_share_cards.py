"""Share cards: one 1200×630 PNG per news post, event, campaign and edition; tags point at them."""

import re

import pytest
from PIL import Image

from media import MediaSettings, Pipeline
from media.drawing import BOLD, ShareCard, font

PAGES = [
    "news/2026/day-of-prayer-2026/index.html",
    "campaigns/day-of-prayer/index.html",
    "campaigns/day-of-prayer/2025/index.html",
]


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return found[1] if found else None


@pytest.mark.parametrize("page", PAGES)
def test_pages_point_at_their_own_1200_by_630_card(published, page):
    html = published.page(page)
    prefix = "https://example.org/campaigns/"
    image = meta(html, "og:image")
    assert image.startswith(f"{prefix}images/cards/")
    assert image.endswith("-card.png")
    with Image.open(published.output / image[len(prefix) :]) as card:
        assert card.size == (1200, 630)
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:url") == prefix + page.removesuffix("index.html")
    assert meta(html, "og:title")


def test_every_event_has_a_card(published):
    events = [
        published.output / f"events/{p.stem}/index.html"
        for p in published.content.glob("events/*.md")
    ]
    assert events
    for page in events:
        image = meta(page.read_text(), "og:image") or ""
        assert "/images/cards/event-" in image, page


def test_other_pages_show_the_site_card(published):
    image = meta(published.page("index.html"), "og:image")
    assert "/images/cards/site-" in image


def test_local_build_has_relative_card_and_no_og_url(demo):
    html = demo.page("campaigns/day-of-prayer/2025/index.html")
    assert meta(html, "og:url") is None
    image = meta(html, "og:image")
    assert image.startswith("../../../images/cards/")


def test_a_card_is_drawn_again_only_when_an_input_changes(tmp_path):
    def run(card):
        pipeline = Pipeline(MediaSettings(cache_path=str(tmp_path / "cache"), workers=1))
        ticket = pipeline.submit_drawing(card, "images/cards", "x")
        return ticket, pipeline.run()

    card = ShareCard(title="Peace begins with dignity", date="8 February 2026", site="RENATE")
    first, stats = run(card)
    assert stats.drawn == 1
    again, stats = run(card)
    assert (stats.drawn, again.key) == (0, first.key)
    changed, stats = run(ShareCard(title="Peace begins with dignity", colour="#004400"))
    assert stats.drawn == 1
    assert changed.key != first.key


@pytest.mark.parametrize("text", ["Ž ă ő ç ñ", "Дом молитвы", "Ημέρα προσευχής"])
def test_the_shipped_font_draws_latin_cyrillic_and_greek(text):
    face = font(BOLD, 40)
    missing = face.getmask("\U000f0000").getbbox()  # a code point no font has: the .notdef box
    for letter in text.replace(" ", ""):
        assert face.getmask(letter).getbbox() != missing, letter


def test_long_titles_fit_the_card(tmp_path):
    card = ShareCard(title="Ημέρα " * 60, kicker="Кампания", date="8 February", site="RENATE")
    [rendition], _ = card.render(b"", False, None)
    assert (rendition.width, rendition.height) == (1200, 630)
