"""schema.org data (JSON-LD) on the published demo: every block of every page parsed and held
to Google's required and recommended properties for its type; observance days are not
events; the visible breadcrumbs and the BreadcrumbList are one trail."""

import json
import re
from html import unescape
from types import SimpleNamespace

import pytest
from news.plugin import author_data, headline, is_organisation, organisation_names
from PIL import Image

from records.site import OrganizationSettingError
from tests.conftest import ROOT

SITEURL = "https://example.org/campaigns"
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# From Google Search Central's structured data pages (Event, Article, Organization, Breadcrumb):
# what a rich result requires, and what it recommends.
REQUIRED = {
    "Event": ("name", "startDate", "location"),
    "NewsArticle": (),
    "Organization": (),
    "BreadcrumbList": ("itemListElement",),
}
RECOMMENDED = {
    # "organizer" and "offers" are checked where the event's file gives them (below);
    # "performer" and "previousStartDate" have no field in the kit.
    "Event": ("description", "endDate", "eventAttendanceMode", "eventStatus", "image"),
    "NewsArticle": ("headline", "image", "datePublished", "dateModified", "author"),
    "Organization": ("name", "logo", "url"),
    "BreadcrumbList": (),
}
LOCATION_REQUIRED = {"Place": ("address",), "VirtualLocation": ("url",)}
LIST_ITEM_REQUIRED = ("position", "name", "item")


def blocks(html: str) -> list[dict]:
    return [json.loads(block) for block in BLOCK.findall(html)]


def every_block(build):
    for path in sorted(build.output.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for data in blocks(html):
            yield path.relative_to(build.output).as_posix(), data


def output_file(build, url: str):
    assert url.startswith(SITEURL + "/"), url
    path = url.removeprefix(SITEURL + "/")
    return build.output / (path + "index.html" if path.endswith("/") or not path else path)


def test_every_block_has_its_types_required_and_recommended_properties(published):
    seen: dict[str, int] = {}
    for relative, data in every_block(published):
        kind = data["@type"]
        assert data["@context"] == "https://schema.org", relative
        assert kind in REQUIRED, (relative, kind)
        seen[kind] = seen.get(kind, 0) + 1
        for name in REQUIRED[kind] + RECOMMENDED[kind]:
            assert data.get(name), (relative, kind, name)
        if kind == "Event":
            locations = data["location"]
            for location in locations if isinstance(locations, list) else [locations]:
                for name in LOCATION_REQUIRED[location["@type"]]:
                    assert location.get(name), (relative, location)
            for organizer in data.get("organizer", []):
                assert organizer["name"]
                assert organizer["@type"] == "Organization"
        if kind == "NewsArticle":
            assert len(data["headline"]) <= 110
            for author in data["author"]:
                assert author["@type"] in ("Person", "Organization")
                assert author["name"]
                assert output_file(published, author["url"]).exists()
        if kind == "BreadcrumbList":
            items = data["itemListElement"]
            assert [item["position"] for item in items] == list(range(1, len(items) + 1))
            for item in items:
                assert item["@type"] == "ListItem"
                for name in LIST_ITEM_REQUIRED:
                    assert item.get(name), (relative, item)
    assert seen["Event"] >= 5
    assert seen["NewsArticle"] >= 14
    assert seen["Organization"] >= 17 * 4 + 4  # each partner page and home, every language
    assert seen["BreadcrumbList"] > 100


def test_every_address_of_the_site_in_the_data_is_a_file_of_the_build(published):
    def urls(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from urls(item)
        elif isinstance(value, list):
            for item in value:
                yield from urls(item)
        elif isinstance(value, str) and value.startswith(SITEURL + "/"):
            yield value

    found = 0
    for relative, data in every_block(published):
        for url in urls(data):
            assert output_file(published, url).exists(), (relative, url)
            found += 1
    assert found > 1000


def event_types(build, path: str) -> list[str]:
    return [data["@type"] for data in blocks(build.page(path))]


def test_an_observance_day_with_no_place_to_be_is_not_an_event(published):
    for event in ("day-of-prayer", "world-day-against-trafficking", "eu-anti-trafficking-day"):
        assert event_types(published, f"events/{event}/index.html") == ["BreadcrumbList"]
        assert event_types(published, f"fr/events/{event}/index.html") == ["BreadcrumbList"]
    assert "Event" in event_types(published, "events/2020-day-of-prayer-rome/index.html")


def event(build, slug: str) -> dict:
    page = build.page(f"events/{slug}/index.html")
    return next(data for data in blocks(page) if data["@type"] == "Event")


def test_events_give_where_who_and_a_picture(published):
    online = event(published, "2026-day-of-prayer-online-gathering")
    # Location: Online without an address to join: the event's page, which says how
    assert online["location"] == {"@type": "VirtualLocation", "url": online["url"]}
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert [o["name"] for o in online["organizer"]][:2] == [
        "Talitha Kum",
        "International Union of Superiors General (UISG)",
    ]
    # Its own picture first, then its share card
    assert online["image"][0] == f"{SITEURL}/images/events/2026-day-of-prayer-online-gathering.webp"
    assert online["image"][1].startswith(f"{SITEURL}/images/cards/event-")
    vigil = event(published, "example-cancelled-vigil")
    assert vigil["location"] == {
        "@type": "Place",
        "name": "Parish hall",
        "address": "Parish hall, Example Street 1, Rome, Italy",
    }
    assert vigil["eventStatus"] == "https://schema.org/EventCancelled"
    assert "organizer" not in vigil  # its file names none
    assert "offers" not in vigil  # nor a registration


def test_registration_is_an_offer_without_a_price(site):
    build = site(
        {
            "events/meeting.md": """
            Title: Meeting
            Start: 2026-03-02 18:00
            End: 2026-03-02 19:00
            Timezone: Europe/Rome
            Location: Parish hall, Rome
            Online: https://meet.example.org/renate
            Registration: https://forms.example.org/meeting

            Text.
            """,
        },
        plugins=("records", "i18n", "events"),
        SITEURL="https://example.org",
        RELATIVE_URLS=False,
    )
    assert build.error is None, build.issues
    data = event(build, "meeting")
    assert data["offers"] == {"@type": "Offer", "url": "https://forms.example.org/meeting"}
    assert data["location"] == [
        {"@type": "Place", "name": "Parish hall", "address": "Parish hall, Rome"},
        {"@type": "VirtualLocation", "url": "https://meet.example.org/renate"},
    ]
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def organization(build, path: str) -> dict:
    return next(data for data in blocks(build.page(path)) if data["@type"] == "Organization")


def test_the_home_page_gives_the_network_with_its_logo(published):
    for home in ("index.html", "fr/index.html"):
        data = organization(published, home)
        assert data["name"] == "RENATE"
        assert data["url"] == "https://renate-europe.net/"
        assert data["logo"].endswith(".png")
        assert output_file(published, data["logo"]).exists()


def test_a_partner_without_a_logo_file_has_its_monogram_as_a_png(published):
    data = organization(published, "partners/congregation-consecrated-life/index.html")
    assert data["logo"].endswith("-monogram.png")
    with Image.open(output_file(published, data["logo"])) as image:
        assert image.format == "PNG"
        assert min(image.size) >= 112  # Google's smallest logo
    raster = organization(published, "partners/uisg/index.html")["logo"]
    assert raster.endswith("-2x.png")


def test_a_network_without_a_logo_is_drawn(site):
    build = site(
        {"partners/one.md": "Title: One\nWebsite: https://one.example.org/\n"},
        plugins=("records", "i18n", "media", "partners"),
        SITEURL="https://example.org",
        RELATIVE_URLS=False,
        ORGANIZATION={"name": "Open Network"},
    )
    assert build.error is None, build.issues
    data = organization(build, "index.html")
    assert data["name"] == "Open Network"
    assert data["url"] == "https://example.org/"
    assert data["logo"].startswith("https://example.org/images/partners/monogram-network-")
    logo = build.output / data["logo"].removeprefix("https://example.org/")
    assert logo.read_bytes().startswith(b"\x89PNG")


def test_a_network_takes_its_logo_file_or_its_partners(site):
    logo = (ROOT / "content/images/partners/uisg.png").read_bytes()
    files = {
        "images/network.png": logo,
        "partners/the-net.md": "Title: The Net\nWebsite: https://net.example.org/\n"
        "Logo: images/net.png\n",
        "images/net.png": logo,
    }
    settings = {
        "plugins": ("records", "i18n", "media", "partners"),
        "SITEURL": "https://example.org",
        "RELATIVE_URLS": False,
    }
    named = site(files, ORGANIZATION={"name": "Net", "logo": "images/network.png"}, **settings)
    assert named.error is None, named.issues
    data = organization(named, "index.html")
    assert data["logo"].startswith("https://example.org/images/partners/network-")
    assert data["url"] == "https://example.org/"
    assert not (named.output / "images/network.png").exists()  # only the processed copies
    partner = site(files, ORGANIZATION={"name": "the net"}, **settings)
    data = organization(partner, "index.html")
    assert data["logo"].startswith("https://example.org/images/partners/the-net-")
    assert data["url"] == "https://net.example.org/"


def test_a_network_logo_that_cannot_be_read_is_an_error(site):
    build = site(
        {"partners/one.md": "Title: One\nWebsite: https://one.example.org/\n"},
        plugins=("records", "i18n", "media", "partners"),
        ORGANIZATION={"logo": "images/missing.png"},
        RECORDS_STRICT=True,
    )
    assert build.issue_lines() == [
        'ORGANIZATION: logo: "images/missing.png" could not be read (No such file or '
        "directory) — check that the file exists and can be read"
    ]


def test_a_wrong_organization_setting_stops_the_build(site):
    with pytest.raises(OrganizationSettingError, match="ORGANIZATION: give a dict with any of"):
        site({"pages/about.md": "Title: About\n\nText.\n"}, ORGANIZATION={"title": "x"})


def test_news_posts_give_headline_pictures_dates_and_authors(published):
    data = next(
        d
        for d in blocks(published.page("news/2026/day-of-prayer-2026/index.html"))
        if d["@type"] == "NewsArticle"
    )
    assert data["headline"] == 'Day of Prayer 2026: "Peace Begins with Dignity"'
    assert data["image"][0].startswith(f"{SITEURL}/images/cards/news-day-of-prayer-2026-en-")
    assert data["image"][1] == f"{SITEURL}/images/news/day-of-prayer-2026.webp"
    assert data["datePublished"] == data["dateModified"] == "2026-01-26T09:00:00+01:00"
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "RENATE Editorial Team",
            "url": f"{SITEURL}/news/author/renate-editorial-team/",
        }
    ]
    # an untranslated stand-in describes its original
    french = blocks(published.page("fr/news/2017/osce-visit-russia/index.html"))
    article = next(d for d in french if d["@type"] == "NewsArticle")
    assert article["url"] == f"{SITEURL}/news/2017/osce-visit-russia/"
    assert article["inLanguage"] == "en"


def test_a_headline_is_cut_at_a_word_within_110_characters():
    assert headline("Short title") == "Short title"
    long = "A headline " + "that goes on and on, " * 10
    cut = headline(long)
    assert len(cut) <= 110
    assert cut.endswith("…")
    assert long.startswith(cut[:-1])
    assert not cut[:-1].endswith((" ", ","))


def test_an_author_is_an_organisation_by_the_network_or_a_partner_name():
    view = SimpleNamespace(
        types={"partner": None},
        all=lambda kind: [SimpleNamespace(title="Talitha Kum", id="talitha-kum")],
    )
    context = {"SITE_SHORTNAME": "RENATE", "ORGANIZATION": {}, "records": view}
    organisations = organisation_names(context)

    def kind(name: str) -> str:
        author = type("Author", (), {"url": "news/author/x/", "__str__": lambda self: name})()
        found = [name] if is_organisation(name, organisations) else []
        article = SimpleNamespace(organisation_authors=found)
        return author_data(author, article, "https://example.org")["@type"]

    assert kind("RENATE Editorial Team") == "Organization"
    assert kind("renate") == "Organization"
    assert kind("Talitha Kum") == "Organization"
    assert kind("Renata Rossi") == "Person"
    assert kind("Maria Talitha") == "Person"


def crumbs_shown(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="breadcrumbs[^"]*" aria-label="[^"]+">(.*?)</nav>', html, re.S)
    links = re.findall(r'<li><a href="([^"]+)"[^>]*>(.*?)</a></li>', nav[1])
    return [(unescape(name), href) for href, name in links]


def test_the_visible_trail_and_the_breadcrumb_list_are_the_same(published):
    for path in (
        "news/2026/day-of-prayer-2026/index.html",
        "fr/news/2026/day-of-prayer-2026/index.html",
        "fr/news/2017/osce-visit-russia/index.html",
        "events/2026-day-of-prayer-online-gathering/index.html",
        "partners/uisg/index.html",
        "campaigns/day-of-prayer/index.html",
        "it/campaigns/day-of-prayer/2026/index.html",
        "about/index.html",
        "es/about/index.html",
    ):
        html = published.page(path)
        data = next(d for d in blocks(html) if d["@type"] == "BreadcrumbList")
        listed = [(item["name"], item["item"]) for item in data["itemListElement"]]
        assert crumbs_shown(html) == listed, path
        assert listed[-1][1] == SITEURL + "/" + path.removesuffix("index.html")
        assert html.count('aria-current="page"') >= 1
        last = re.findall(r"<li><a [^>]*>", html[html.index('class="breadcrumbs') :])[
            len(listed) - 1
        ]
        assert 'aria-current="page"' in last, path


def test_the_trail_is_in_the_pages_language(published):
    shown = crumbs_shown(published.page("fr/campaigns/day-of-prayer/2026/index.html"))
    assert shown[:2] == [("Accueil", f"{SITEURL}/fr/"), ("Campagnes", f"{SITEURL}/fr/campaigns/")]
    assert shown[-1] == ("2026", f"{SITEURL}/fr/campaigns/day-of-prayer/2026/")


def test_pages_that_are_not_deep_have_no_trail(published):
    for path in ("index.html", "news/index.html", "events/index.html", "partners/index.html"):
        html = published.page(path)
        assert 'class="breadcrumbs' not in html, path
        assert "BreadcrumbList" not in html, path
