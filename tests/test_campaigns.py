"""Campaigns and their yearly editions: the next day, the countdown, links, bad input."""

import re
from datetime import datetime

import pytest

from sitecheck import check_site
from tests.conftest import assert_one_issue

PLUGINS = ("records", "i18n", "widgets", "campaigns")

CAMPAIGN = """
    Title: Day of Prayer
    Day: 02-08
    First-year: 2015
    Timezone: Europe/Rome
    Hashtag: #PrayAgainstTrafficking

    A day of prayer.
"""

EDITION_2026 = """
    Theme: Peace Begins with Dignity
    Partners: talitha-kum
    Resources: files/vigil-en.pdf, files/vigil-fr.pdf

    The 2026 message.
"""

EDITION_2025 = """
    Theme: Ambassadors of Hope

    The 2025 message.
"""

PARTNER = """
    Title: Talitha Kum
    Website: https://www.talithakum.info/
"""

NEWS = """
    Title: The 2026 theme
    Date: 2026-01-05
    Campaign: day-of-prayer
    Edition: 2026

    News about the theme.
"""


def files(**changes):
    found = {
        "campaigns/day-of-prayer/index.md": CAMPAIGN,
        "campaigns/day-of-prayer/2026.md": EDITION_2026,
        "campaigns/day-of-prayer/2025.md": EDITION_2025,
        "partners/talitha-kum.md": PARTNER,
        "news/theme-2026.md": NEWS,
        "files/vigil-en.pdf": b"%PDF-1.4\n" + b"x" * 2400,
        "files/vigil-fr.pdf": b"%PDF-1.4\n" + b"x" * 1200,
        "images/candles.png": b"\x89PNG\r\n\x1a\n",
    }
    found.update(changes)
    return {k: v for k, v in found.items() if v is not None}


def at(monkeypatch, instant: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.fromisoformat(instant).timestamp())))


def first_screen(build, path="campaigns/day-of-prayer/index.html") -> str:
    """The HTML of a landing page's first screen: its header, up to the visual."""
    html = build.page(path)
    start = html.index('<header class="landing">')
    return html[start : html.index("</header>", start)]


def countdown(build, path="campaigns/day-of-prayer/index.html") -> str:
    html = build.page(path)
    start = html.index('class="countdown"')
    return html[html.index(">", start) + 1 : html.index("</strong>", start)].strip()


@pytest.mark.parametrize(
    ("instant", "expected", "theme"),
    [
        ("2026-01-20T12:00:00+00:00", "in 19 days", "Peace Begins with Dignity"),
        ("2026-02-07T12:00:00+00:00", "tomorrow", "Peace Begins with Dignity"),
        # 23:30 UTC on the 7th is already the 8th in Rome, the campaign's zone.
        ("2026-02-07T23:30:00+00:00", "today", "Peace Begins with Dignity"),
        ("2026-02-08T22:59:00+00:00", "today", "Peace Begins with Dignity"),
        ("2026-02-08T23:30:00+00:00", "in 364 days", None),
    ],
)
def test_countdown_and_current_edition_follow_the_campaigns_own_day(
    site, monkeypatch, instant, expected, theme
):
    build = site(files(), plugins=PLUGINS)
    at(monkeypatch, instant)
    build = site(files(), plugins=PLUGINS)
    assert countdown(build) == expected
    html = first_screen(build)
    if theme:
        assert "2026 theme" in html
        assert f">{theme}</a></p>" in html
        assert "has not been announced yet" not in html
    else:
        assert "The 2027 theme has not been announced yet." in html


def test_without_next_years_edition_the_campaign_shows_the_latest_theme_with_its_year(
    site, monkeypatch
):
    at(monkeypatch, "2026-03-01T12:00:00+00:00")  # the next day is 8 February 2027
    build = site(files(), plugins=PLUGINS)
    html = first_screen(build)
    assert '<p class="landing-label">2026 theme</p>' in html
    assert 'href="../../campaigns/day-of-prayer/2026/">Peace Begins with Dignity</a></p>' in html
    assert "The 2027 theme has not been announced yet." in html
    assert '<time datetime="2027-02-08">' in html
    assert "Ambassadors of Hope" not in html  # older themes are further down the page


def test_a_campaign_without_any_edition_says_its_theme_is_not_announced(site):
    build = site(
        files(**{"campaigns/day-of-prayer/2026.md": None, "campaigns/day-of-prayer/2025.md": None}),
        plugins=PLUGINS,
    )
    html = first_screen(build)
    assert "The 2026 theme has not been announced yet." in html
    assert "theme-quote" not in html


def test_campaign_page_shows_its_organizers_and_website(site):
    campaign = CAMPAIGN.replace(
        "Hashtag:", "Organizers: talitha-kum\n    Website: https://example.org/day/\n    Hashtag:"
    )
    build = site(files(**{"campaigns/day-of-prayer/index.md": campaign}), plugins=PLUGINS)
    html = build.page("campaigns/day-of-prayer/index.html")
    facts = html[html.index('<dl class="meta campaign-facts">') : html.index("</dl>")]
    assert "<dt>Organizer</dt>" in facts
    assert '<a href="../../partners/talitha-kum/">Talitha Kum</a>' in facts
    assert "<dt>Website</dt>" in facts
    assert 'href="https://example.org/day/" rel="external noopener">example.org/day' in facts
    assert "#PrayAgainstTrafficking" in facts


ONLINE_EVENT = """
    Title: Online prayer
    Start: 2026-02-06 11:00
    End: 2026-02-06 14:00
    Timezone: Europe/Rome
    Location: Online
    Online: https://example.org/stream
    Campaign: day-of-prayer
    Edition: 2026
"""


def vigil(title: str, country: str | None) -> str:
    """An evening vigil on the 2026 day, in ``country`` (a code), or with none given."""
    lines = [
        f"Title: {title}",
        "Start: 2026-02-08 19:00",
        "Timezone: Europe/Rome",
        "Location: A parish hall",
        *([f"Country: {country}"] if country else []),
        "Campaign: day-of-prayer",
        "Edition: 2026",
    ]
    return "\n".join(lines) + "\n"


def landing_files():
    """A 2026 edition with an online gathering, events in two countries and one that names
    none, and a contact page."""
    return files(
        **{
            "campaigns/day-of-prayer/2026.md": EDITION_2026.replace(
                "Partners:", "Online-event: online-prayer\n    Partners:"
            ),
            "events/online-prayer.md": ONLINE_EVENT,
            "events/vigil-rome.md": vigil("Vigil in Rome", "IT"),
            "events/vigil-lisbon.md": vigil("Vigil in Lisbon", "PT"),
            "events/vigil-somewhere.md": vigil("Vigil somewhere", None),
            "pages/contact.md": "Title: Contact\n\nWrite to us.\n",
        }
    )


LANDING_PLUGINS = ("records", "i18n", "widgets", "events", "campaigns")


@pytest.mark.parametrize(
    ("path", "actions"),
    [
        (
            "campaigns/day-of-prayer/index.html",
            [
                ("Join the online gathering", "../../events/online-prayer/"),
                ("Find an event", "#events"),
                ("Download the resources", "#resources"),
            ],
        ),
        (
            "campaigns/day-of-prayer/2026/index.html",
            [
                ("Join the online gathering", "../../../events/online-prayer/"),
                ("Find an event", "#events"),
                ("Download the resources", "#resources"),
            ],
        ),
    ],
)
def test_landing_pages_lead_straight_to_taking_part(site, path, actions):
    build = site(landing_files(), plugins=LANDING_PLUGINS)
    html = first_screen(build, path)
    found = re.findall(r'<a class="cta[^"]*" href="([^"]*)">([^<]*)</a>', html)
    assert [(label, href) for href, label in found] == actions
    page = build.page(path)
    assert 'id="events"' in page
    assert 'id="resources"' in page
    assert "Tell us about it, to have it listed here" in page  # the fourth way, further down
    assert check_site(build.output) == []  # every target exists


def test_the_campaign_lists_its_coming_events_by_country(site):
    build = site(landing_files(), plugins=LANDING_PLUGINS)
    html = build.page("campaigns/day-of-prayer/index.html")
    events = html[html.index('<h2 id="events">') : html.index('<h2 id="resources">')]
    headings = re.findall(r'<h3 class="event-group-heading">([^<]*)</h3>', events)
    assert headings == ["Italy", "Portugal", "Other events"]
    assert "Vigil in Lisbon" in events.split("Portugal")[1].split("Other events")[0]
    assert "Online prayer" not in events  # the online gathering has its own section
    assert 'href="../../contact/">Add your event</a>' in events


def test_country_names_follow_the_language_of_the_page(site):
    build = site(
        landing_files(),
        plugins=LANDING_PLUGINS,
        LANGUAGES={"en": {"locale": "en_GB"}, "fr": {}},
    )
    html = build.page("fr/campaigns/day-of-prayer/index.html")
    headings = re.findall(r'<h3 class="event-group-heading">([^<]*)</h3>', html)
    assert headings[:2] == ["Italie", "Portugal"]


def test_a_past_edition_leads_to_the_coming_day(site, monkeypatch):
    at(monkeypatch, "2026-03-01T12:00:00+00:00")
    build = site(landing_files(), plugins=LANDING_PLUGINS)
    html = first_screen(build, "campaigns/day-of-prayer/2026/index.html")
    first = re.search(r'<a class="cta cta-primary" href="([^"]*)">([^<]*)</a>', html)
    assert first.groups() == ("../../../campaigns/day-of-prayer/", "The next day: 8 February 2027")
    assert "Join the online gathering" not in html
    assert "countdown" not in html
    assert "How to take part" not in build.page("campaigns/day-of-prayer/2026/index.html")


@pytest.mark.parametrize(
    ("instant", "expected_date", "expected"),
    [
        ("2027-02-27T12:00:00+00:00", "2027-02-28", "tomorrow"),  # not a leap year: the 28th
        ("2028-02-28T12:00:00+00:00", "2028-02-29", "tomorrow"),
        ("2028-02-29T12:00:00+00:00", "2028-02-29", "today"),
        ("2028-03-01T12:00:00+00:00", "2029-02-28", "in 364 days"),
    ],
)
def test_a_29_february_day_falls_on_the_28th_in_other_years(
    site, monkeypatch, instant, expected_date, expected
):
    at(monkeypatch, instant)
    leap = CAMPAIGN.replace("Day: 02-08", "Day: 02-29")
    build = site(files(**{"campaigns/day-of-prayer/index.md": leap}), plugins=PLUGINS)
    assert countdown(build) == expected
    assert f'data-countdown="{expected_date}"' in build.page("campaigns/day-of-prayer/index.html")


def test_edition_page_links_resources_partners_news_and_neighbours(site):
    build = site(files(), plugins=PLUGINS)
    html = build.page("campaigns/day-of-prayer/2026/index.html")
    assert "Edition 12:" in html
    assert 'href="../../../files/vigil-en.pdf"' in html
    assert "(PDF, 2 kB)" in html
    assert "(PDF, 1 kB)" in html
    assert ">English</h3>" in html
    assert ">French</h3>" in html
    assert 'href="../../../news/2026/the-2026-theme/"' in html
    assert 'rel="prev"' in html
    assert "Previous year: 2025" in html
    assert check_site(build.output) == []


def test_campaign_index_orders_campaigns_by_their_next_day(site):
    world_day = CAMPAIGN.replace("Day of Prayer", "World Day").replace("02-08", "07-30")
    build = site(files(**{"campaigns/world-day/index.md": world_day}), plugins=PLUGINS)
    html = build.page("campaigns/index.html")
    assert html.index("Day of Prayer") < html.index("World Day")
    home = build.page("index.html")
    assert "Next campaign day" in home
    assert "Day of Prayer" in home


def test_each_campaign_has_an_atom_feed_of_news_and_editions(site, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")
    build = site(
        files(),
        plugins=PLUGINS,
        CAMPAIGN_FEED_ATOM="feeds/campaigns/{id}.atom.xml",
        SITEURL="https://example.org",
        FEED_DOMAIN="https://example.org",
        RELATIVE_URLS=False,
    )
    feed = build.page("feeds/campaigns/day-of-prayer.atom.xml")
    assert feed.count("<entry>") == 3
    assert "https://example.org/campaigns/day-of-prayer/2026/" in feed


BAD_INPUT = [
    (
        "edition of an unknown campaign",
        "campaigns/day-of-prayr/2026.md",
        EDITION_2025,
        "campaign",
        'did you mean "day-of-prayer"',
    ),
    (
        "year before the first year",
        "campaigns/day-of-prayer/2010.md",
        EDITION_2025,
        "year",
        "before the campaign's first year",
    ),
    (
        "two editions of one year",
        "campaigns/day-of-prayer/second-2026.md",
        EDITION_2025.replace("Theme:", "Year: 2026\n    Theme:"),
        "slug",
        "already used",
    ),
    (
        "missing theme",
        "campaigns/day-of-prayer/2024.md",
        "Partners: talitha-kum\n\nText\n",
        "theme",
        "missing",
    ),
    (
        "invalid day",
        "campaigns/day-of-prayer/index.md",
        CAMPAIGN.replace("02-08", "02-30"),
        "day",
        "not a day of the year",
    ),
    (
        "resource that does not exist",
        "campaigns/day-of-prayer/2026.md",
        EDITION_2026.replace("vigil-fr.pdf", "vigil-es.pdf"),
        "resources",
        "does not exist",
    ),
    (
        "unknown partner",
        "campaigns/day-of-prayer/2026.md",
        EDITION_2026.replace("talitha-kum", "talitha"),
        "partners",
        "not a known partner",
    ),
    (
        "campaign image without alt text",
        "campaigns/day-of-prayer/index.md",
        CAMPAIGN.replace("Day:", "Image: images/candles.png\n    Day:"),
        "image-alt",
        "missing for the Image",
    ),
    (
        "edition image without alt text",
        "campaigns/day-of-prayer/2026.md",
        EDITION_2026.replace("Partners:", "Image: images/candles.png\n    Partners:"),
        "image-alt",
        "missing for the Image",
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "field", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_each_bad_campaign_input_gives_one_line(site, path, text, field, message):
    build = site(files(**{path: text}), plugins=PLUGINS, RECORDS_STRICT=True)
    assert_one_issue(build, path, field, message)


def test_the_editions_of_a_broken_campaign_are_still_checked_one_line_a_file(site):
    """A campaign file with a mistake does not hide its editions' mistakes: each file is
    named on its own line, with its own field."""
    build = site(
        files(
            **{
                "campaigns/day-of-prayer/index.md": CAMPAIGN.replace("02-08", "02-30"),
                "campaigns/day-of-prayer/2026.md": EDITION_2026.replace("talitha-kum", "nobody"),
                "campaigns/day-of-prayer/2025.md": EDITION_2025.replace(
                    "Theme:", "Resources: files/gone.pdf\n    Theme:"
                ),
            }
        ),
        plugins=PLUGINS,
        RECORDS_STRICT=True,
    )
    assert build.error is not None
    assert sorted(line.split(" — ")[0].split(": ")[:2] for line in build.issues) == [
        ["campaigns/day-of-prayer/2025.md", "resources"],
        ["campaigns/day-of-prayer/2026.md", "partners"],
        ["campaigns/day-of-prayer/index.md", "day"],
    ], build.issues


def _metadata(path):
    lines = path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    keyed = [line.split(":", 1) for line in lines if ":" in line and not line[0].isspace()]
    return {key.strip().lower(): value.strip() for key, value in keyed}


def test_every_demo_edition_page_links_what_its_file_names(demo):
    """Resources, partners and the online event named in each edition file are linked."""
    content = demo.content / "campaigns"
    # originals only: a translation (2026.fr.md) writes its text, not these lists
    editions = [p for p in content.glob("*/*.md") if p.stem.isdigit()]
    assert len(editions) >= 22
    for source in editions:
        meta = _metadata(source)
        html = demo.page(f"campaigns/{source.parent.name}/{source.stem}/index.html")
        for resource in filter(None, meta.get("resources", "").replace(" ", "").split(",")):
            assert f'{resource}" hreflang=' in html, (source.name, resource)
        for partner in filter(None, meta.get("partners", "").replace(" ", "").split(",")):
            assert f"/partners/{partner}/" in html, (source.name, partner)
    news = demo.page("campaigns/day-of-prayer/2026/index.html")
    assert "/news/2026/day-of-prayer-2026/" in news
    assert "/events/2026-day-of-prayer-online-gathering/" in news


def test_demo_campaign_page_shows_this_years_theme_and_its_online_time_table(demo):
    html = demo.page("campaigns/day-of-prayer/index.html")
    assert "Peace Begins with Dignity" in html
    assert "in 19 days" in html
    assert "Times around the world" in html
    assert 'class="logo-wall"' in html


def test_published_campaign_pages_link_their_atom_feed(published):
    html = published.page("campaigns/day-of-prayer/index.html")
    feed = "https://example.org/campaigns/feeds/campaigns/day-of-prayer.atom.xml"
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    atom = published.page("feeds/campaigns/day-of-prayer.atom.xml")
    assert atom.count("<entry>") >= 12 + 4  # twelve editions and the campaign's news
