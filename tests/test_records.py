"""The records core on good input and on each kind of bad input, with a tiny site per test."""

import logging
import re

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from records import FieldError, TimeZone, build_now
from records.fields import ParseContext
from tests.conftest import FIXTURES, ROOT, _Collect, assert_one_issue, write_files

PARTNER = """
    Title: Talitha Kum
    Website: https://www.talithakum.info/
    Country: IT
    Color: #AA3300

    The international network of consecrated life against trafficking.
"""

WIDGET = """
    Title: Vigil
    Start: 2026-02-08 09:00
    Timezone: Europe/Rome
    Partners: talitha-kum

    Read [the news]({filename}/news/first.md).
"""

NEWS = """
    Title: First
    Date: 2026-01-10
    Partners: talitha-kum

    See [our partner]({filename}/partners/talitha-kum.md).
"""


def good_files(**changes):
    files = {
        "partners/talitha-kum.md": PARTNER,
        "widgets/vigil.md": WIDGET,
        "news/first.md": NEWS,
    }
    files.update(changes)
    return {k: v for k, v in files.items() if v is not None}


def test_good_records_are_typed_linked_and_written(site):
    build = site(good_files())
    assert build.error is None
    assert build.issues == []
    widget = build.page("widgets/vigil/index.html")
    assert "2026-02-08T09:00:00+01:00" in widget
    assert '<a href="../../partners/talitha-kum/">Talitha Kum</a>' in widget
    assert 'href="../../news/2026/first/"' in widget  # {filename} link in a record body
    partner = build.page("partners/talitha-kum/index.html")
    assert '<p class="color">#aa3300</p>' in partner


def test_pelican_content_gets_typed_references(site, tmp_path):
    build = site(good_files())
    article = build.page("news/2026/first/index.html")
    assert 'href="../../../partners/talitha-kum/"' in article


BAD_INPUT = [
    ("missing title", "widgets/vigil.md", WIDGET.replace("Title: Vigil\n", ""), "title", "missing"),
    (
        "unparsable date",
        "widgets/vigil.md",
        WIDGET.replace("2026-02-08 09:00", "8 Feb"),
        "start",
        "not a date and time",
    ),
    (
        "impossible date",
        "widgets/vigil.md",
        WIDGET.replace("2026-02-08", "2026-02-30"),
        "start",
        "not a date and time",
    ),
    (
        "missing date",
        "widgets/vigil.md",
        WIDGET.replace("Start: 2026-02-08 09:00\n    ", ""),
        "start",
        "missing",
    ),
    (
        "unknown time zone",
        "widgets/vigil.md",
        WIDGET.replace("Europe/Rome", "Europe/Rom"),
        "timezone",
        'did you mean "Europe/Rome"',
    ),
    (
        "zone abbreviation, answered with the site's own zone",
        "widgets/vigil.md",
        WIDGET.replace("Europe/Rome", "CET"),
        "timezone",
        '"CET" is an abbreviation or an old alias, not the time zone of a place '
        '(did you mean "Europe/Brussels"?)',
    ),
    (
        "time that does not exist",
        "widgets/vigil.md",
        WIDGET.replace("2026-02-08 09:00", "2026-03-29 02:30"),
        "start",
        "does not exist",
    ),
    (
        "time that happens twice",
        "widgets/vigil.md",
        WIDGET.replace("2026-02-08 09:00", "2026-10-25 02:30"),
        "start",
        "happens twice",
    ),
    (
        "end before start",
        "widgets/vigil.md",
        WIDGET.replace("Timezone:", "End: 2026-02-07 10:00\n    Timezone:"),
        "end",
        "before Start",
    ),
    (
        "unknown reference",
        "widgets/vigil.md",
        WIDGET.replace("talitha-kum", "talita-kum"),
        "partners",
        'did you mean "talitha-kum"',
    ),
    (
        "missing file",
        "widgets/vigil.md",
        WIDGET.replace("Timezone:", "Manual: files/manual.pdf\n    Timezone:"),
        "manual",
        "does not exist",
    ),
    (
        "bad URL",
        "partners/talitha-kum.md",
        PARTNER.replace("https://www.", "www."),
        "website",
        "not an absolute web address",
    ),
    (
        "bad colour",
        "partners/talitha-kum.md",
        PARTNER.replace("#AA3300", "red"),
        "color",
        "not a #rrggbb colour",
    ),
    (
        "bad country",
        "partners/talitha-kum.md",
        PARTNER.replace("Country: IT", "Country: Italy"),
        "country",
        "not an ISO 3166-1 country code",
    ),
    (
        "news without date",
        "news/first.md",
        NEWS.replace("Date: 2026-01-10\n    ", ""),
        "date",
        "missing",
    ),
    (
        "news with a bad date",
        "news/first.md",
        NEWS.replace("2026-01-10", "2026-13-10"),
        "date",
        "is not a date",
    ),
    (
        "news naming an unknown partner",
        "news/first.md",
        NEWS.replace("Partners: talitha-kum", "Partners: talithakum"),
        "partners",
        "not a known partner",
    ),
    (
        "news image that does not exist",
        "news/first.md",
        NEWS.replace(
            "Partners:", "Image: images/missing.png\n    Image-alt: A vigil\n    Partners:"
        ),
        "image",
        "does not exist",
    ),
    (
        "news image without alt text",
        "news/first.md",
        NEWS.replace("Partners:", "Image: images/x.png\n    Partners:"),
        "image-alt",
        "missing",
    ),
    (
        "broken link",
        "news/first.md",
        NEWS.replace("partners/talitha-kum.md", "partners/nobody.md"),
        "link",
        "does not exist",
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "field", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_each_bad_input_gives_one_line_naming_file_and_field(site, path, text, field, message):
    files = good_files(**{path: text})
    files["images/x.png"] = b"\x89PNG\r\n\x1a\n"
    assert_one_issue(site(files, RECORDS_STRICT=True), path, field, message)


@pytest.mark.parametrize("folder", ["partners", "news"])
def test_duplicated_id_or_slug_is_one_error(site, folder):
    files = good_files()
    original = files[f"{folder}/{'talitha-kum' if folder == 'partners' else 'first'}.md"]
    twin = original.replace("    Title:", "    Slug: talitha-kum\n    Title:", 1)
    if folder == "news":
        twin = original.replace("    Title:", "    Slug: first\n    Title:", 1)
    files[f"{folder}/twin.md"] = twin
    build = site(files, RECORDS_STRICT=True)
    assert len(build.issues) == 1, build.issues
    assert build.issues[0].startswith(f"{folder}/")
    assert ": slug: " in build.issues[0]


def test_every_error_of_a_build_is_reported(site):
    files = good_files(
        **{
            "widgets/a.md": WIDGET.replace("Europe/Rome", "Mars/Base"),
            "widgets/b.md": WIDGET.replace("2026-02-08 09:00", "soon"),
            "partners/x.md": PARTNER.replace("Country: IT", "Country: ZZ"),
        }
    )
    build = site(files, RECORDS_STRICT=True)
    assert sorted(line.split(":")[0] for line in build.issues) == [
        "partners/x.md",
        "widgets/a.md",
        "widgets/b.md",
    ]


def test_strict_build_fails_and_leaves_previous_output_as_it_was(site, tmp_path):
    assert site(good_files(), RECORDS_STRICT=True).error is None
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "output").rglob("*"))
    (tmp_path / "output" / "marker.txt").write_text("previous build")
    build = site(
        good_files(**{"widgets/vigil.md": WIDGET.replace("Title: Vigil\n", "")}),
        RECORDS_STRICT=True,
    )
    assert build.error is not None
    assert "previous output was left as it was" in str(build.error)
    assert (tmp_path / "output" / "marker.txt").read_text() == "previous build"
    after = sorted(p.relative_to(tmp_path) for p in (tmp_path / "output").rglob("*"))
    assert [p for p in after if p.name != "marker.txt"] == before
    assert not (tmp_path / ".output.staging").exists()


def test_local_build_skips_the_bad_record_with_a_warning(site):
    files = good_files(**{"widgets/broken.md": WIDGET.replace("Europe/Rome", "Nowhere")})
    build = site(files, RECORDS_STRICT=False)
    assert build.error is None
    assert [r.levelname for r in build.logs if "widgets/broken.md" in r.getMessage()] == ["WARNING"]
    assert not (build.output / "widgets/broken").exists()
    assert (build.output / "widgets/vigil/index.html").exists()


def test_output_retention_survives_the_swap(site, tmp_path):
    site(good_files())
    (tmp_path / "output" / ".git").mkdir()
    (tmp_path / "output" / ".git" / "HEAD").write_text("ref")
    site(good_files(), OUTPUT_RETENTION=[".git"])
    assert (tmp_path / "output" / ".git" / "HEAD").read_text() == "ref"


def test_no_state_survives_from_one_build_to_the_next(site, tmp_path):
    """Livereload runs many builds in one process: errors and records must not pile up."""
    content = write_files(
        tmp_path / "content",
        good_files(**{"widgets/broken.md": WIDGET.replace("Europe/Rome", "Nowhere")}),
    )
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins"), str(FIXTURES / "plugins")],
            "PLUGINS": ["records", "i18n", "widgets"],
            "THEME_TEMPLATES_OVERRIDES": [str(FIXTURES / "templates")],
            "CACHE_PATH": str(tmp_path / ".cache"),
        },
    )
    pelican = Pelican(settings)

    def run_once():
        collect = _Collect()
        logging.getLogger().addHandler(collect)
        try:
            pelican.run()
        finally:
            logging.getLogger().removeHandler(collect)
        return [r.getMessage() for r in collect.records if " — " in r.getMessage()]

    assert len(run_once()) == 1
    (content / "widgets/broken.md").unlink()
    assert run_once() == []
    assert run_once() == []
    assert pelican.output_path == str(tmp_path / "output")
    assert not (tmp_path / ".output.staging").exists()
    widget = (tmp_path / "output" / "widgets/vigil/index.html").read_text()
    assert '<p class="count">1 partners</p>' in widget


def test_today_comes_from_source_date_epoch(site):
    site(good_files())
    assert build_now().isoformat() == "2026-01-20T12:00:00+00:00"


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("CET", "Europe/Brussels"),
        ("EET", "Europe/Athens"),
        ("WET", "Europe/Lisbon"),
        ("MET", "Europe/Brussels"),
        ("EST", "America/New_York"),  # in the tz database, UTC-5 all year: New York in winter
        ("MST", "America/Denver"),
        ("HST", "Pacific/Honolulu"),
        ("EST5EDT", "America/New_York"),
        ("PST8PDT", "America/Los_Angeles"),
        ("PHT", "Asia/Manila"),
        ("Japan", "Asia/Tokyo"),
        ("GMT", '"Europe/London", or "UTC"'),
        ("Etc/Greenwich", '"Europe/London", or "UTC"'),
    ],
)
def test_a_zone_abbreviation_is_refused_with_the_zone_of_a_city(written, suggested):
    """Names of the tz database that are not the zone of a place (abbreviations, rules, old
    aliases) are refused: "EST" is a fixed UTC-5, so a New York event in July would be an hour
    off, and "CET" is no city's rules."""
    with pytest.raises(FieldError) as refused:
        TimeZone().parse(written, None)
    assert refused.value.message.startswith(f'"{written}" is an abbreviation or an old alias')
    assert suggested in refused.value.message
    assert "write the zone of the city where the time is kept" in refused.value.fix


def test_the_site_zone_is_suggested_for_the_abbreviation_it_goes_by():
    context = ParseContext({"TIMEZONE": "Europe/Rome"}, "", {})
    with pytest.raises(FieldError, match='did you mean "Europe/Rome"'):
        TimeZone().parse("CEST", context)


@pytest.mark.parametrize("written", ["GMT+1", "UTC-05:00", "Etc/GMT+5"])
def test_an_offset_is_refused(written):
    with pytest.raises(FieldError, match=f'"{re.escape(written)}" is an offset'):
        TimeZone().parse(written, None)


@pytest.mark.parametrize("written", ["Zulu", "Etc/Universal", "utc"])
def test_another_name_for_utc_is_refused_for_utc(written):
    with pytest.raises(FieldError) as refused:
        TimeZone().parse(written, None)
    assert (refused.value.message, refused.value.fix) == (
        f'"{written}" is another name for UTC',
        "write UTC",
    )


@pytest.mark.parametrize("written", ["UTC", "Etc/UTC", "Europe/Rome", "America/Argentina/Salta"])
def test_utc_and_the_zones_of_places_are_taken(written):
    assert TimeZone().parse(written, None).key == written


RAW_HTML = """
    Title: Raw
    Date: 2026-01-10

    <p class="note" onclick="pwn()">Pray <span style="color: red">with us</span>.</p>

    <iframe src="https://example.org/embed"></iframe>
"""


def test_raw_html_in_markdown_is_cleaned_unless_the_site_trusts_it(site, tmp_path):
    """TRUST_RAW_HTML (False by default): an editor's HTML loses its scripts, frames and
    styles; a site that trusts every contributor gets it as written."""
    cleaned = site({"news/raw.md": RAW_HTML})
    [page] = cleaned.output.glob("news/**/raw/index.html")
    html = page.read_text(encoding="utf-8")
    assert '<p class="note">Pray <span>with us</span>.</p>' in html
    for dropped in ("onclick", "pwn", "style=", "<iframe"):
        assert dropped not in html
    trusted = site({"news/raw.md": RAW_HTML}, TRUST_RAW_HTML=True)
    html = page.read_text(encoding="utf-8")
    assert trusted.error is None
    assert (
        '<p class="note" onclick="pwn()">Pray <span style="color: red">with us</span>.</p>' in html
    )
    assert '<iframe src="https://example.org/embed"></iframe>' in html


def test_an_image_from_another_site_is_an_error_even_when_raw_html_is_trusted(site):
    text = RAW_HTML + '\n    <img src="https://example.com/track.png" alt="A pixel">\n'
    build = site({"news/raw.md": text}, TRUST_RAW_HTML=True, RECORDS_STRICT=True)
    assert_one_issue(
        build, "news/raw.md", "content", '"https://example.com/track.png" is on another site'
    )


def test_a_partial_id_is_answered_with_the_id_it_starts(site):
    """`caritas` is too far from `caritas-internationalis` for spelling distance: the kit
    still suggests it, as the start of an id."""
    files = good_files(
        **{
            "partners/caritas-internationalis.md": PARTNER.replace("Talitha Kum", "Caritas"),
            "widgets/vigil.md": WIDGET.replace("Partners: talitha-kum", "Partners: caritas"),
        }
    )
    build = site(files, RECORDS_STRICT=True)
    assert_one_issue(
        build, "widgets/vigil.md", "partners", 'did you mean "caritas-internationalis"'
    )


def test_a_tags_articles_answer_in_by_identity_even_after_one_is_added():
    from records.passes import Members  # noqa: PLC0415

    class Post:  # as Pelican's Content: equal only to itself
        pass

    first, second, other = Post(), Post(), Post()
    members = Members([first, second])
    assert first in members
    assert other not in members
    members.append(other)
    assert other in members
    assert members == [first, second, other]
