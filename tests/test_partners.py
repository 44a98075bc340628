"""Partners on a tiny site: pages, logos in the output, cache, history, and each bad input."""

import json
import re
import shutil

import pytest
from PIL import Image

from media import latest_stats, metadata_blocks
from partners.logos import initials, monogram_colours
from records.colours import contrast_ratio
from tests.conftest import FIXTURES, ROOT
from tests.fixtures.partners import images
from tests.test_media import assert_clean

PLUGINS = ("records", "i18n", "media", "partners")
SETTINGS = {
    "THEME_TEMPLATES_OVERRIDES": [],
    "PLUGIN_PATHS": [str(ROOT / "plugins"), str(FIXTURES / "partners" / "plugins")],
    "MEDIA_WORKERS": 1,
}

TALITHA = """
    Title: Talitha Kum
    Website: https://www.talithakum.info/
    Logo: images/partners/talitha-kum.png
    Country: international
    Kind: coordinator
    Since: 2015

    The international network of consecrated life against trafficking in persons.
"""

CARITAS = """
    Title: Caritas Internationalis
    Website: https://www.caritas.org/
    Logo: images/partners/caritas.svg
    Country: IT
    Kind: partner
"""

SANT_EGIDIO = """
    Title: Community of Sant'Egidio
    Website: https://www.santegidio.org/
    Country: IT
"""

NEWS = """
    Title: A vigil
    Date: 2026-01-10
    Partners: talitha-kum, sant-egidio

    Text.
"""


def good_files(**changes):
    files = {
        "partners/talitha-kum.md": TALITHA,
        "partners/caritas.md": CARITAS,
        "partners/sant-egidio.md": SANT_EGIDIO,
        "news/vigil.md": NEWS,
        "images/partners/talitha-kum.png": images.logo_png(),
        "images/partners/caritas.svg": images.HOSTILE_SVG,
    }
    files.update(changes)
    return {k: v for k, v in files.items() if v is not None}


def build(site, files, plugins=PLUGINS, **overrides):
    return site(files, plugins=plugins, **{**SETTINGS, **overrides})


@pytest.fixture
def built(site):
    result = build(site, good_files(), RECORDS_STRICT=True)
    assert result.error is None, result.issues
    assert result.issues == []
    return result


def test_partner_page_shows_logo_details_and_external_website(built):
    page = built.page("partners/talitha-kum/index.html")
    assert "<h1>Talitha Kum</h1>" in page
    picture = re.search(r"<picture.*?</picture>", page, re.S)[0]
    assert 'type="image/webp"' in picture
    assert re.search(r'srcset="[^"]*-1x\.webp 1x, [^"]*-2x\.webp 2x"', picture)
    assert 'width="240" height="160" alt="Talitha Kum"' in picture
    assert 'href="https://www.talithakum.info/" rel="external noopener"' in page
    assert "(external site)" in page
    assert "<dd>International</dd>" in page
    assert "<dd>2015</dd>" in page
    assert "consecrated life against trafficking" in page


def test_partner_page_has_organization_json_ld(built):
    page = built.page("partners/caritas/index.html")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page)[1]
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == "Caritas Internationalis"
    assert data["url"] == "https://www.caritas.org/"
    assert data["logo"].endswith(".svg")
    assert data["address"] == {"@type": "PostalAddress", "addressCountry": "IT"}


def test_every_written_logo_has_the_box_size_and_no_metadata(built):
    written = sorted((built.output / "images" / "partners").iterdir())
    rasters = [p for p in written if p.suffix in (".png", ".webp")]
    # a raster logo as PNG and WebP at 1x and 2x; a PNG at 2x of each monogram (for
    # structured data): Sant'Egidio's and the network's
    assert len(rasters) == 6
    assert len([p for p in rasters if p.name.endswith("-monogram.png")]) == 2
    for path in rasters:
        with Image.open(path) as image:
            expected = (240, 160) if "-1x." in path.name else (480, 320)
            assert image.size == expected, path.name
        assert_clean(path)
    for path in (p for p in written if p.suffix == ".svg"):
        text = path.read_text()
        assert 'width="240" height="160"' in text
        assert metadata_blocks(path.read_bytes()) == []
        assert "<script" not in text
        assert "evil.example" not in text


def test_original_logo_files_are_not_published(built):
    assert not (built.output / "images/partners/talitha-kum.png").exists()
    assert not (built.output / "images/partners/caritas.svg").exists()


def test_partner_without_logo_gets_a_readable_monogram(built):
    page = built.page("partners/sant-egidio/index.html")
    src = re.search(r'<img class="partner-logo partner-logo-monogram" src="([^"]+)"', page)[1]
    assert 'alt="Community of Sant&#39;Egidio"' in page or 'alt="Community of Sant\'Egidio"' in page
    svg = (built.output / "partners/sant-egidio" / src).resolve().read_text()
    assert ">CS</text>" in svg
    background = re.search(r'<rect [^>]*fill="#([0-9a-f]{6})"', svg)[1]
    rgb = tuple(int(background[i : i + 2], 16) for i in (0, 2, 4))
    assert contrast_ratio(rgb, (255, 255, 255)) >= 4.5


def test_monogram_colours_always_have_enough_contrast():
    for number in range(500):
        background, text = monogram_colours(f"partner-{number}")
        assert contrast_ratio(background, text) >= 4.5


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("International Union of Superiors General (UISG)", "UISG"),
        ("Pope John XXIII Community", "PJC"),
        ("Community of Sant'Egidio", "CS"),
        ("Talitha Kum", "TK"),
        ("Congregation for Institutes of Consecrated Life", "CIC"),
    ],
)
def test_monogram_initials(name, expected):
    assert initials(name) == expected


def test_second_build_with_nothing_changed_encodes_no_logo(site, tmp_path):
    first = build(site, good_files())
    assert first.error is None
    assert latest_stats().encoded == 5  # 4 raster files + 1 sanitised SVG
    build(site, good_files())
    assert (latest_stats().encoded, latest_stats().from_cache) == (0, 2)
    shutil.rmtree(tmp_path / "output")  # a production build starts from an empty output
    again = build(site, good_files())
    assert latest_stats().encoded == 0
    assert len(list((again.output / "images/partners").glob("talitha-kum-*"))) == 4


def test_directory_groups_by_kind_then_country(built):
    page = built.page("partners/index.html")
    assert "3 organisations" in page
    kinds = re.findall(r'<h2 id="kind-(\w+)">', page)
    assert kinds == ["coordinator", "partner"]  # in PARTNER_KINDS order, empty kinds left out
    partner_section = page[page.index('id="kind-partner"') :]
    assert '<h3 id="partner-it">' in partner_section
    assert "Italy" in partner_section
    assert partner_section.index("Caritas") < partner_section.index("Sant")
    assert 'href="../partners/talitha-kum/"' in page  # the logo wall links every partner


def test_country_index_counts_partners_per_country(built):
    page = built.page("partners/countries/index.html")
    italy = re.search(r'<a href="#country-it">Italy</a>\s*<span class="count">([^<]+)</span>', page)
    assert italy[1] == "2 organisations"
    assert page.index("Italy") < page.index("International")


def test_country_names_follow_the_site_language(site):
    result = build(site, good_files(), DEFAULT_LANG="fr", LANGUAGES={"fr": {}})
    assert "Italie" in result.page("partners/countries/index.html")


def test_history_lists_editions_events_and_news(site):
    files = good_files(
        **{
            "editions/day-2026.md": """
                Title: Day of Prayer 2026
                Year: 2026
                Theme: Peace Begins with Dignity
                Partners: talitha-kum, caritas
            """,
            "happenings/vigil.md": """
                Title: Online prayer
                Start: 2026-02-06 11:00
                Organizers: talitha-kum
            """,
        }
    )
    result = build(site, files, plugins=(*PLUGINS, "partner_refs"), RECORDS_STRICT=True)
    assert result.issues == []
    page = result.page("partners/talitha-kum/index.html")
    history = page[page.index('id="history"') :]
    assert "Campaign editions it took part in" in history
    assert "Day of Prayer 2026" in history
    assert "Peace Begins with Dignity" in history
    assert "Events it organises" in history
    assert "Online prayer" in history
    assert "News that mention it" in history
    assert re.search(r'href="../../news/2026/[a-z-]*vigil/"', history)
    caritas = result.page("partners/caritas/index.html")
    assert "News that mention it" not in caritas
    assert "Day of Prayer 2026" in caritas


BAD_INPUT = [
    ("missing title", TALITHA.replace("Title: Talitha Kum\n", ""), {}, {}, "title", "missing"),
    (
        "missing website",
        TALITHA.replace("Website: https://www.talithakum.info/\n    ", ""),
        {},
        {},
        "website",
        "missing",
    ),
    (
        "logo file missing",
        TALITHA.replace("talitha-kum.png", "talita-kum.png"),
        {},
        {},
        "logo",
        "does not exist",
    ),
    (
        "logo unreadable",
        TALITHA,
        {"images/partners/talitha-kum.png": images.truncated_png()},
        {},
        "logo",
        "could not be read",
    ),
    (
        "logo not an image",
        TALITHA,
        {"images/partners/talitha-kum.png": b"<html>not a picture</html>"},
        {},
        "logo",
        "is not a PNG, JPEG, WebP or GIF image",
    ),
    (
        "logo enormous",
        TALITHA,
        {},
        {"MEDIA_MAX_PIXELS": 50_000},
        "logo",
        "is too large: 400×200 pixels (0.08 MP); the limit is 0.05 MP",
    ),
    (
        "logo decompression bomb",
        TALITHA,
        {"images/partners/talitha-kum.png": images.bomb_png()},
        {},
        "logo",
        "is too large",
    ),
    (
        "logo SVG with entities",
        TALITHA.replace("talitha-kum.png", "talitha-kum.svg"),
        {"images/partners/talitha-kum.svg": images.ENTITY_SVG},
        {},
        "logo",
        "DOCTYPE or entities",
    ),
    (
        "logo of a type not accepted",
        TALITHA.replace("images/partners/talitha-kum.png", "files/talitha-kum.pdf"),
        {"files/talitha-kum.pdf": images.logo_png()},
        {},
        "logo",
        "not one of the accepted file types",
    ),
    (
        "unknown country",
        TALITHA.replace("international", "Italy"),
        {},
        {},
        "country",
        "not an ISO 3166-1 country code",
    ),
    (
        "unknown kind",
        TALITHA.replace("Kind: coordinator", "Kind: coordinater"),
        {},
        {},
        "kind",
        'did you mean "coordinator"',
    ),
    ("bad year", TALITHA.replace("2015", "since 2015"), {}, {}, "since", "not a whole number"),
]


@pytest.mark.parametrize("case", BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_each_bad_input_gives_one_line_naming_file_and_field(site, case):
    _, text, extra, settings, field, message = case
    files = good_files(**{"partners/talitha-kum.md": text, **extra})
    result = build(site, files, RECORDS_STRICT=True, **settings)
    assert len(result.issues) == 1, result.issues
    line = result.issues[0]
    assert line.startswith(f"partners/talitha-kum.md: {field}: "), line
    assert message in line
    assert line.split(" — ", 1)[1].strip()
    assert result.error is not None


def test_two_partners_with_the_same_id_are_one_error(site):
    twin = SANT_EGIDIO.replace("    Title:", "    Slug: talitha-kum\n    Title:", 1)
    result = build(site, good_files(**{"partners/twin.md": twin}), RECORDS_STRICT=True)
    assert len(result.issues) == 1, result.issues
    assert result.issues[0].startswith("partners/")
    assert ": slug: " in result.issues[0]


def test_local_build_keeps_a_partner_with_a_bad_logo_and_shows_its_monogram(site):
    files = good_files(**{"images/partners/talitha-kum.png": b"not a picture"})
    result = build(site, files, RECORDS_STRICT=False)
    assert result.error is None
    assert len(result.issues) == 1
    page = result.page("partners/talitha-kum/index.html")
    assert "partner-logo-monogram" in page
