"""Pictures on cards: the lead image (``Image``) of a news post, an event and an edition on the
cards of the lists that show them, cut to the cards' shape, responsive, lazy and decorative."""

import os
import re

import pytest

from media.settings import DEFAULT_CARD_SIZES
from tests.conftest import FIXED_EPOCH, run_pelican, write_files
from tests.fixtures.media import photos

PLUGINS = ["records", "i18n", "events", "campaigns", "media"]

FILES = {
    "campaigns/day-of-prayer/index.md": """\
        Title: Day of Prayer
        Day: 02-08
        First-year: 2015

        A day of prayer.
    """,
    "campaigns/day-of-prayer/2026.md": """\
        Theme: Peace Begins with Dignity
        Image: images/dove.jpg
        Image-alt: A white dove with an olive branch

        The 2026 message.
    """,
    "campaigns/day-of-prayer/2025.md": """\
        Theme: Ambassadors of Hope

        The 2025 message.
    """,
    "campaigns/day-of-prayer/2024.md": """\
        Theme: Journeying in Dignity
        Image: images/path.jpg
        Image-alt: A path of lights to the horizon

        The 2024 message.
    """,
    "news/with-picture.md": """\
        Title: Candles for the vigil
        Date: 2026-01-10 10:00
        Category: Vigils
        Image: images/candles.jpg
        Image-alt: Seven lit candles

        Text.
    """,
    "news/without-picture.md": """\
        Title: A post without a picture
        Date: 2026-01-12 10:00

        Text.
    """,
    "events/vigil.md": """\
        Title: Evening vigil
        Start: 2026-02-08 19:00
        Timezone: Europe/Rome
        Image: images/candles.jpg
        Image-alt: Seven lit candles

        A vigil.
    """,
    "events/meeting.md": """\
        Title: Monthly meeting
        Start: 2026-02-10 18:00
        Timezone: Europe/Rome

        A meeting.
    """,
    "news/field.md": """\
        Title: A field at dawn
        Date: 2026-01-11 10:00
        Image: images/field.jpg
        Image-alt: A field at dawn

        Text.
    """,
    "images/candles.jpg": photos.wide_jpeg((1200, 600)),
    "images/field.jpg": photos.wide_jpeg((1500, 1000)),
    "images/dove.jpg": photos.wide_jpeg((1000, 1000)),
    "images/path.jpg": photos.wide_jpeg((1600, 900)),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    root = tmp_path_factory.mktemp("cards")
    content = write_files(root / "content", FILES)
    build = run_pelican(content, root / "output", PLUGINS=PLUGINS)
    assert build.error is None, build.issues
    return build


def card(html: str, title: str) -> str:
    """The card (an <article class="card…">) whose text holds ``title``."""
    for found in re.findall(r'<article class="card[^"]*".*?</article>', html, re.S):
        if title in found:
            return found
    raise AssertionError(f"no card for {title!r}")


def assert_card_picture(found: str, loading: str = "lazy") -> None:
    """One responsive picture, 3:2 at 400 and 800 pixels, decorative, sized to not move."""
    assert found.count("<img") == 1
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', found)
    assert re.fullmatch(r"\S+-400w\.webp 400w, \S+-800w\.webp 800w", source[1]), source[1]
    assert source[2] == DEFAULT_CARD_SIZES
    image = re.search(r"<img [^>]+>", found)[0]
    assert re.search(r'srcset="\S+-400w\.jpeg 400w, \S+-800w\.jpeg 800w"', image), image
    assert f'sizes="{DEFAULT_CARD_SIZES}"' in image
    assert re.search(r'width="800" height="53[34]"', image), image  # 3:2, rounded
    assert 'alt=""' in image  # the title's link beside it says where the card leads
    assert f'loading="{loading}"' in image
    assert 'decoding="async"' in image
    assert ("fetchpriority" in image) == (loading == "eager")
    assert found.index("<picture") < found.index("card-title")  # picture above the title


def test_a_news_card_shows_its_post_picture(built):
    assert_card_picture(card(built.page("index.html"), "Candles for the vigil"))


def test_the_first_card_of_a_news_list_loads_at_once(built):
    html = built.page("news/index.html")
    assert html.index("A post without a picture") < html.index("Candles for the vigil")
    assert_card_picture(card(html, "Candles for the vigil"), loading="lazy")
    first = card(built.page("news/category/vigils/index.html"), "Candles for the vigil")
    assert_card_picture(first, loading="eager")


def test_an_event_card_shows_its_event_picture(built):
    assert_card_picture(card(built.page("events/index.html"), "Evening vigil"))


def test_an_edition_card_shows_its_edition_picture(built):
    assert_card_picture(card(built.page("campaigns/day-of-prayer/index.html"), "2024"))
    assert_card_picture(card(built.page("campaigns/index.html"), "Peace Begins with Dignity"))


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("index.html", "A post without a picture"),
        ("events/index.html", "Monthly meeting"),
        ("campaigns/day-of-prayer/index.html", "Ambassadors of Hope"),
    ],
)
def test_a_card_without_a_picture_has_no_image(built, page, title):
    found = card(built.page(page), title)
    assert "<img" not in found
    assert "<picture" not in found


def test_card_copies_are_cut_to_the_card_shape(built):
    from PIL import Image  # noqa: PLC0415

    copies = sorted((built.output / "images/sized").glob("dove-card-*"))
    assert len(copies) == 4  # WebP and JPEG at 400 and 800 pixels
    for path in copies:
        with Image.open(path) as image:
            width, height = image.size
            assert width in (400, 800)
            assert abs(height - width * 2 / 3) < 1, path.name


def test_a_picture_already_in_the_card_shape_is_not_copied_again(built):
    """Its cards show the copies made for its page, up to the widest card width: the same
    pixels as cutting it would give, without making them twice."""
    assert not list((built.output / "images/sized").glob("field-card-*"))
    found = card(built.page("index.html"), "A field at dawn")
    source = re.search(r'<source type="image/webp" srcset="([^"]+)"', found)
    assert re.fullmatch(r"\S*/field-\w+-480w\.webp 480w, \S*/field-\w+-800w\.webp 800w", source[1])
    assert re.search(r'width="800" height="533"', found)
