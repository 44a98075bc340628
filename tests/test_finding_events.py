"""Finding events near you: the event list's filter pages, the network's countries and map.

One tiny site in English and French, built once for the module with an absolute SITEURL
(so pages have canonical links, hreflang alternates and a sitemap).
"""

import re
import xml.etree.ElementTree as ET

import pytest

from network import drawing
from tests.conftest import FIXED_EPOCH, ROOT, run_pelican, write_files

SITEURL = "https://example.org"
PLUGINS = ["records", "i18n", "events", "campaigns", "media", "partners", "network", "sitemap"]

FILES = {
    "campaigns/day-of-prayer/index.md": "Title: Day of Prayer\nDay: 02-08\n",
    "events/lisbon-vigil.md": """
        Title: Vigil in Lisbon
        Start: 2026-03-01 18:00
        Timezone: Europe/Lisbon
        Location: Parish hall, Lisbon
        Country: PT
        Campaign: day-of-prayer
    """,
    "events/porto-walk.md": """
        Title: Walk in Porto
        Start: 2025-05-01
        Location: Porto
        Country: pt
    """,
    "events/online-prayer.md": """
        Title: Online prayer
        Start: 2026-02-06 11:00
        Timezone: Europe/Rome
        Location: Online
        Campaign: day-of-prayer
    """,
    "events/monthly-meeting.md": """
        Title: Monthly meeting
        Start: 2026-01-05 17:00
        Timezone: Europe/Brussels
        Recurrence: FREQ=MONTHLY;BYDAY=1MO
        Location: Rue de la Loi 1, Brussels
        Online: https://example.org/call
        Country: BE
    """,
    "events/rome-2020.md": """
        Title: Rome 2020
        Start: 2020-02-08
        Location: Rome
        Country: IT
    """,
    "partners/caritas.md": "Title: Caritas\nWebsite: https://www.caritas.org/\nCountry: IT\n",
    "partners/talitha-kum.md": (
        "Title: Talitha Kum\nWebsite: https://www.talithakum.info/\nCountry: international\n"
    ),
    "partners/misereor.md": "Title: Misereor\nWebsite: https://www.misereor.de/\nCountry: DE\n",
}


def build_site(root):
    content = write_files(root / "content", FILES)
    return run_pelican(
        content,
        root / "output",
        PLUGINS=PLUGINS,
        LANGUAGES={"en": {"locale": "en_GB"}, "fr": {}},
        SITEURL=SITEURL,
        RELATIVE_URLS=False,
        RECORDS_STRICT=True,
        MEDIA_WORKERS=1,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        result = build_site(tmp_path_factory.mktemp("finder"))
    assert result.error is None, result.issues
    assert result.issues == []
    return result


def section(page: str, heading: str) -> str:
    """The HTML of the <section> whose heading says ``heading``."""
    found = re.search(rf"<section[^>]*>\s*<h2[^>]*>{heading}</h2>(.*?)</section>", page, re.S)
    assert found, f"no section {heading!r}"
    return found.group(1)


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title">\s*<a[^>]*>([^<]+)</a>', html)


def filter_nav(page: str) -> str:
    return re.search(r'<nav class="event-filters".*?</nav>', page, re.S).group(0)


@pytest.mark.parametrize("prefix", ["", "fr/"])
@pytest.mark.parametrize(
    "path", ["events/country/pt/", "events/online/", "events/in-person/", "events/country/be/"]
)
def test_every_filter_is_a_page_in_every_language(built, prefix, path):
    assert (built.output / prefix / path / "index.html").is_file()


def test_a_country_lists_its_own_events_upcoming_then_past(built):
    page = built.page("events/country/pt/index.html")
    assert titles(section(page, "Upcoming")) == ["Vigil in Lisbon"]
    assert titles(section(page, "Past")) == ["Walk in Porto"]
    assert "Online prayer" not in page
    assert "Rome 2020" not in page


def test_online_and_in_person_lists_hold_an_event_that_is_both(built):
    online = titles(built.page("events/online/index.html"))
    in_person = titles(built.page("events/in-person/index.html"))
    assert online == ["Monthly meeting", "Online prayer"]
    assert in_person == ["Monthly meeting", "Vigil in Lisbon", "Walk in Porto", "Rome 2020"]


def test_a_recurring_event_is_listed_once_at_its_next_date(built):
    page = built.page("events/country/be/index.html")
    assert titles(page) == ["Monthly meeting"]
    assert "2 February 2026" in section(page, "Upcoming")  # the first Monday after 20 January
    assert "Past" not in titles(page)


def test_a_campaigns_events_page_is_its_filter(built):
    page = built.page("events/campaigns/day-of-prayer/index.html")
    assert titles(section(page, "Upcoming")) == ["Online prayer", "Vigil in Lisbon"]
    assert re.search(r'<details class="filter-group" open>\s*<summary>By campaign', page)


def test_filter_links_are_plain_links_and_the_shown_one_is_current(built):
    page = built.page("events/country/pt/index.html")
    nav = filter_nav(page)
    current = re.findall(r'<a href="([^"]+)"[^>]* aria-current="page">([^<]+)</a>', nav)
    assert current == [(f"{SITEURL}/events/country/pt/", "Portugal")]
    assert f'<a href="{SITEURL}/events/">All events</a>' in nav, "a way back to all events"
    assert re.search(r'<details class="filter-group" open>\s*<summary>By country', nav)
    assert "<script" not in nav
    assert "<form" not in nav
    everything = filter_nav(built.page("events/index.html"))
    assert re.search(r'aria-current="page">All events<', everything)
    assert " open>" not in everything, "no group is open on the whole list"


def test_country_names_and_order_follow_the_pages_language(built):
    english = re.findall(
        r"<li><a [^>]*>([^<]+)</a></li>", filter_nav(built.page("events/index.html"))
    )
    french = re.findall(
        r"<li><a [^>]*>([^<]+)</a></li>", filter_nav(built.page("fr/events/index.html"))
    )
    assert english[3:6] == ["Belgium", "Italy", "Portugal"]
    assert french[3:6] == ["Belgique", "Italie", "Portugal"]
    page = built.page("fr/events/country/be/index.html")
    assert "<title>Événements : Belgique – " in page
    assert "<h1>Événements : Belgique</h1>" in page


def test_a_filter_page_has_title_breadcrumbs_canonical_hreflang_and_is_in_the_sitemap(built):
    page = built.page("events/country/pt/index.html")
    assert "<title>Events: Portugal – " in page
    crumbs = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', page, re.S).group(1)
    assert re.findall(r">([^<]+)</a>", crumbs) == ["Home", "Events", "Portugal"]
    assert f'<link rel="canonical" href="{SITEURL}/events/country/pt/">' in page
    assert f'hreflang="fr" href="{SITEURL}/fr/events/country/pt/"' in page
    assert f'hreflang="x-default" href="{SITEURL}/events/country/pt/"' in page
    sitemap = (built.output / "sitemap.xml").read_text()
    for path in ("events/country/pt/", "fr/events/online/", "network/", "fr/network/de/"):
        assert f"<loc>{SITEURL}/{path}</loc>" in sitemap


def test_an_event_page_links_to_the_events_of_its_country(built):
    page = built.page("fr/events/lisbon-vigil/index.html")
    assert f'<a href="{SITEURL}/fr/events/country/pt/">Événements : Portugal</a>' in page


def test_an_event_in_a_country_that_does_not_exist_is_one_line(site):
    build = site(
        {"events/x.md": "Title: X\nStart: 2026-03-01\nCountry: XX\n"},
        plugins=("records", "i18n", "events"),
        RECORDS_STRICT=True,
    )
    assert build.error is not None
    assert [line.split(": ")[:2] for line in build.issues] == [["events/x.md", "country"]]


def test_a_country_page_has_its_partners_and_its_events(built):
    page = built.page("network/it/index.html")
    assert "<h1>Italy</h1>" in page
    assert f'<a href="{SITEURL}/partners/caritas/">Caritas</a>' in section(page, "Partners")
    events = section(page, "Events")
    assert "No events are planned at the moment." in events
    assert f'href="{SITEURL}/events/country/it/"' in events, "its past events, one link away"
    germany = built.page("fr/network/de/index.html")
    assert "<h1>Allemagne</h1>" in germany
    assert "Misereor" in germany
    assert "/events/country/de/" not in germany, "no events, no link to an empty list"


def test_an_international_partner_and_an_online_event_have_no_country(built):
    pages = {p.parent.name for p in (built.output / "network").glob("*/index.html")}
    assert pages == {"be", "de", "it", "pt"}


def svg_of(page: str) -> ET.Element:
    markup = re.search(r"<svg .*?</svg>", page, re.S).group(0)
    return ET.fromstring(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_the_map_links_each_network_country_with_its_name_in_the_pages_language(built):
    svg = svg_of(built.page("fr/network/index.html"))
    links = {a.get("href"): a.get("aria-label") for a in svg.iter("{http://www.w3.org/2000/svg}a")}
    assert links == {
        f"{SITEURL}/fr/network/be/": "Belgique",
        f"{SITEURL}/fr/network/de/": "Allemagne",
        f"{SITEURL}/fr/network/it/": "Italie",
        f"{SITEURL}/fr/network/pt/": "Portugal",
    }
    page = built.page("fr/network/index.html")
    countries = re.search(r'<ul class="count-list network-countries">.*?</ul>', page, re.S)
    listed = re.findall(r'<a href="([^"]+)">', countries.group(0))
    assert sorted(listed) == sorted(links), "the same countries as a list of links"


def test_the_map_has_no_script_no_metadata_and_no_reference_outside_the_site(built):
    svg = svg_of(built.page("events/index.html"))
    names = {element.tag.rpartition("}")[2] for element in svg.iter()}
    assert names <= {"svg", "path", "a", "circle"}
    for element in svg.iter():
        for attribute, value in element.attrib.items():
            assert not attribute.startswith("on"), attribute
            if attribute == "href":
                assert value.startswith(f"{SITEURL}/network/"), value
            assert "url(" not in value
            assert "javascript:" not in value
    assert svg.get("viewBox")
    assert svg.get("width") is None, "it scales with the page"


def test_a_tiny_country_gets_a_dot_drawn_over_its_neighbours():
    found = drawing.draw(frozenset({"IT", "VA"}))
    assert found.shapes["VA"].dot is not None
    assert found.shapes["IT"].dot is None
    assert found.shapes["IT"].d.startswith("M")
    assert re.fullmatch(r"[Mlz0-9 -]+", found.land), "whole numbers, relative moves"


def test_the_map_is_lean(built):
    svg = re.search(r"<svg .*?</svg>", built.page("network/index.html"), re.S).group(0)
    assert len(svg.encode()) < 30_000


def test_maps_bounds_can_be_set():
    europe = drawing.draw(frozenset({"PT"}), (-25.0, 34.0, 45.0, 71.0))
    fitted = drawing.draw(frozenset({"PT"}))
    assert europe.land != fitted.land
    assert drawing.draw(frozenset({"PT"}), (100.0, 0.0, 120.0, 10.0)).shapes == {}


def test_two_builds_of_the_same_content_are_byte_identical(built, tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        again = build_site(tmp_path)

    def files(root):
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    first, second = files(built.output), files(again.output)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_boundaries_come_from_the_installed_package():
    from network import boundaries  # noqa: PLC0415

    assert boundaries.source().is_file()
    source = boundaries.source()
    assert "site-packages" in source.parts, "shipped by a package, not the kit"
    assert not source.is_relative_to(ROOT / "plugins")


def test_a_site_can_leave_out_the_networks_page(site):
    build = site(
        {"partners/caritas.md": FILES["partners/caritas.md"]},
        plugins=("records", "i18n", "media", "partners", "network"),
        NETWORK_SAVE_AS="",
        MEDIA_WORKERS=1,
        THEME_TEMPLATES_OVERRIDES=[],
    )
    assert not (build.output / "network/index.html").exists()
    page = build.page("network/it/index.html")
    crumbs = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', page, re.S).group(1)
    assert re.findall(r">([^<]+)</a>", crumbs) == ["Home", "Italy"]
    assert "All the countries of the network" not in page
