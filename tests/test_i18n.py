"""Every language of the site in one build: pages, switcher, hreflang, feeds and calendars in
the reader's language, from the theme's Babel catalogs and the records core's language table."""

import re
import shutil
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import icalendar
import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.pofile import read_po, write_po

from records.languages import LanguageSettingError
from tests.conftest import FIXED_EPOCH, ROOT

LANGS = ("en", "fr", "it", "es")
SITE = "https://example.org/campaigns/"
ATOM = "{http://www.w3.org/2005/Atom}"


class Page(HTMLParser):
    """What the tests read of a page: its html lang, switcher and hreflang links, and the
    text of its body outside any element marked with another language (the head's title
    is the content's own, and cannot carry a lang of its own)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.switcher: dict[str, str] = {}
        self.hreflang: dict[str, str] = {}
        self.own_text: list[str] = []
        self._other = []  # stack: is each open element in another language?
        self._in_switcher = False
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        self._in_body = self._in_body or tag == "body"
        if tag == "nav" and "language-switcher" in (values.get("class") or ""):
            self._in_switcher = True
        if tag == "a" and self._in_switcher:
            self.switcher[values["hreflang"]] = values["href"]
        if tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            self.hreflang[values["hreflang"]] = values["href"]
        if tag in ("br", "img", "link", "meta", "input", "hr", "source", "wbr"):
            return
        inherited = bool(self._other and self._other[-1])
        own = values.get("lang")
        self._other.append((own is not None and own != self.lang) or (inherited and own is None))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False
        if self._other and tag not in ("br", "img", "link", "meta", "input", "hr", "source"):
            self._other.pop()

    def handle_data(self, data):
        if self._in_body and not (self._other and self._other[-1]) and not self._in_switcher:
            self.own_text.append(data)

    @classmethod
    def read(cls, path: Path) -> "Page":
        page = cls()
        page.feed(path.read_text(encoding="utf-8"))
        return page


def language_of(relative: str) -> str:
    first = relative.split("/", 1)[0]
    return first if first in LANGS[1:] else "en"


def html_pages(output: Path):
    for path in sorted(output.rglob("*.html")):
        yield path.relative_to(output).as_posix(), path


def resolve(output: Path, page: str, href: str) -> Path:
    """The file a link of ``page`` leads to (relative, or absolute under SITE)."""
    if href.startswith(SITE):
        target = href[len(SITE) :]
    else:
        target = urlsplit(urljoin("/" + page, href)).path.lstrip("/")
    path = output / target
    return path / "index.html" if target == "" or target.endswith("/") else path


def test_every_page_has_the_html_lang_of_its_language(demo):
    for relative, path in html_pages(demo.output):
        assert Page.read(path).lang == language_of(relative), relative


def test_every_switcher_link_resolves_and_points_into_its_language(demo):
    for relative, path in html_pages(demo.output):
        page = Page.read(path)
        assert sorted(page.switcher) == sorted(LANGS), relative
        for lang, href in page.switcher.items():
            target = resolve(demo.output, relative, href)
            assert target.is_file(), f"{relative}: {lang} -> {href}"
            assert language_of(target.relative_to(demo.output).as_posix()) == lang


def test_a_translated_page_switches_to_its_translation(demo):
    page = Page.read(demo.output / "fr/campaigns/day-of-prayer/2026/index.html")
    assert page.switcher["it"].endswith("/it/campaigns/day-of-prayer/2026/")
    assert page.switcher["en"].endswith("../campaigns/day-of-prayer/2026/")


def test_hreflang_alternates_are_reciprocal_with_x_default(published):
    found = 0
    for relative, path in html_pages(published.output):
        links = Page.read(path).hreflang
        if "/page/" in relative:  # a list's later pages: its first page has the alternates
            assert not links, relative
            continue
        if not links:
            continue
        found += 1
        assert "x-default" in links, relative
        own = SITE + relative.removesuffix("index.html")
        assert own in links.values(), f"{relative} does not list itself"
        for lang, href in links.items():
            target = resolve(published.output, relative, href)
            assert target.is_file(), f"{relative}: {lang} -> {href}"
            back = Page.read(target).hreflang
            assert own in back.values(), f"{href} does not link back to {relative}"
    assert found > 50


def test_untranslated_content_is_shown_with_a_notice_and_its_own_language(demo):
    html = demo.page("fr/news/2017/osce-visit-russia/index.html")
    assert "Cette page n’a pas encore été traduite en français" in html
    assert '<h1 lang="en">' in html
    assert '<div class="prose" lang="en">' in html


def test_no_french_page_shows_english_ui_strings_or_month_names(demo):
    catalog = read_po((ROOT / "theme/translations/fr/LC_MESSAGES/messages.po").open("rb"))
    english = {
        message.id
        for message in catalog
        if isinstance(message.id, str) and len(message.id.split()) >= 3 and "%" not in message.id
    }
    months = set(get_month_names("wide", locale="en").values())
    days = set(get_day_names("wide", locale="en").values())
    for relative, path in html_pages(demo.output / "fr"):
        text = " ".join(Page.read(path).own_text)
        for phrase in english:
            assert phrase not in text, f"fr/{relative}: {phrase!r}"
        for word in months | days:
            assert not re.search(rf"\b{word}\b", text), f"fr/{relative}: {word!r}"


def test_each_language_has_its_own_feed_with_only_its_posts(published):
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        feed = published.output / prefix / "feeds/all.atom.xml"
        root = ElementTree.parse(feed).getroot()
        links = [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]
        assert links, f"{lang}: an empty feed"
        for link in links:
            assert language_of(link.removeprefix(SITE)) == lang, (lang, link)


def test_a_feed_without_posts_in_its_language_is_dated_by_the_build(published):
    """French category feeds whose posts are all English have no entry: their date is the
    build's (SOURCE_DATE_EPOCH), not the clock's, so two builds write the same bytes."""
    build_day = datetime.fromtimestamp(int(FIXED_EPOCH), tz=UTC)
    empty = 0
    for feed in published.output.rglob("*.atom.xml"):
        root = ElementTree.parse(feed).getroot()
        updated = datetime.fromisoformat(root.find(f"{ATOM}updated").text)
        if root.find(f"{ATOM}entry") is None:
            empty += 1
            assert updated == build_day, feed
    assert empty, "the demo has no feed without entries: the test checks nothing"


def test_no_calendar_feed_mixes_languages(published):
    for path in published.output.rglob("events.ics"):
        lang = language_of(path.relative_to(published.output).as_posix())
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            assert language_of(str(event["URL"]).removeprefix(SITE)) == lang, path


def test_calendars_carry_translated_titles(published):
    english = published.output / "campaigns/day-of-prayer/index.html"
    assert english.is_file()
    feed = published.output / "fr/events/campaigns/day-of-prayer/events.ics"
    if feed.exists():
        calendar = icalendar.Calendar.from_ical(feed.read_bytes())
        assert "Journée mondiale" in str(calendar["X-WR-CALNAME"])


def test_dates_and_countdowns_are_in_each_pages_language(demo):
    assert "dans 19 jours" in demo.page("fr/campaigns/day-of-prayer/index.html")
    assert "tra 19 giorni" in demo.page("it/campaigns/day-of-prayer/index.html")
    assert "dentro de 19 días" in demo.page("es/campaigns/day-of-prayer/index.html")
    assert "8 février 2026" in demo.page("fr/campaigns/day-of-prayer/2026/index.html")
    assert "Italie" in demo.page("fr/partners/countries/index.html")


def test_a_translation_contradicting_its_original_is_an_error_naming_both(site):
    build = site(
        {
            "pages/about.md": "Title: About\nSlug: about\n\nText.\n",
            "pages/about.fr.md": "Title: À propos\nSlug: a-propos\n\nTexte.\n",
        },
        LANGUAGES={"en": {}, "fr": {}},
        RECORDS_STRICT=True,
    )
    assert build.issues == [
        "pages/about.fr.md: slug: differs from the original (pages/about.md) — "
        "remove the line: a translation shares the original's Slug"
    ]


def test_a_translation_without_its_original_is_an_error(site):
    build = site(
        {"pages/alone.fr.md": "Title: Seule\n\nTexte.\n"},
        LANGUAGES={"en": {}, "fr": {}},
        RECORDS_STRICT=True,
    )
    assert len(build.issues) == 1
    assert build.issues[0].startswith("pages/alone.fr.md: file: is a translation of pages/alone.md")


def test_hidden_untranslated_content_leaves_no_link_behind(site):
    build = site(
        {
            "pages/about.md": "Title: About\nSlug: about\n\nText.\n",
            "pages/contact.md": "Title: Contact\nSlug: contact\n\nWrite to us.\n",
            "pages/about.fr.md": "Title: À propos\n\nTexte.\n",
        },
        LANGUAGES={"en": {}, "fr": {}},
        UNTRANSLATED_CONTENT="hide",
    )
    assert (build.output / "fr/about/index.html").is_file()
    assert not (build.output / "fr/contact").exists()
    contact = Page.read(build.output / "contact/index.html")
    assert contact.switcher["fr"].endswith("fr/")  # the French home, not a missing page
    for relative, path in html_pages(build.output):
        for href in Page.read(path).switcher.values():
            assert resolve(build.output, relative, href).is_file(), (relative, href)


def test_a_language_is_added_by_a_setting_and_a_catalog(site, tmp_path):
    from i18n import catalog_tools  # noqa: PLC0415

    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "theme/translations", translations)
    path = catalog_tools.add("nl", translations=translations)
    catalog = read_po(path.open("rb"), locale="nl")
    for message in catalog:
        if message.id:
            plural = isinstance(message.id, tuple | list)
            message.string = (
                ("NL " + message.id[0], "NL " + message.id[1]) if plural else ("NL " + message.id)
            )
    with path.open("wb") as file:
        write_po(file, catalog)
    build = site(
        {"pages/about.md": "Title: Over ons\nSlug: about\nLang: nl\n\nTekst.\n"},
        LANGUAGES={"en": {}, "nl": {}},
        I18N_TRANSLATIONS_DIR=str(translations),
    )
    assert build.error is None
    assert build.logs == []
    assert "NL Skip to main content" in build.page("nl/about/index.html")


def test_a_wrong_language_setting_stops_the_build_with_one_line(site):
    with pytest.raises(LanguageSettingError, match="DEFAULT_LANG"):
        site({"pages/about.md": "Title: About\n\nText.\n"}, LANGUAGES={"fr": {}})


def test_a_right_to_left_site_sets_its_direction(site):
    build = site(
        {"pages/about.md": "Title: من نحن\nSlug: about\n\nنص.\n"},
        DEFAULT_LANG="ar",
        LANGUAGES={"ar": {}},
    )
    html = build.page("about/index.html")
    assert '<html lang="ar" dir="rtl">' in html


def test_with_every_language_prefixed_the_root_lists_the_languages(site):
    build = site(
        {
            "pages/about.md": "Title: About\nSlug: about\n\nText.\n",
            "pages/about.fr.md": "Title: À propos\n\nTexte.\n",
        },
        LANGUAGES={"en": {}, "fr": {}},
        DEFAULT_LANG_PREFIXED=True,
    )
    assert build.error is None
    assert (build.output / "en/about/index.html").is_file()
    assert (build.output / "fr/about/index.html").is_file()
    assert (build.output / "404.html").is_file()  # where static hosts look for it
    root = Page.read(build.output / "index.html")
    assert sorted(root.switcher) == ["en", "fr"]
    for lang, href in root.switcher.items():
        assert resolve(build.output, "index.html", href) == build.output / lang / "index.html"


EVENT = """
    Title: Vigil
    Start: 2026-02-08 09:00
    Timezone: Europe/Rome
    Location: Parish hall, Rome
    Organizers: talitha-kum

    The programme.
"""


def test_records_translations_share_their_originals_neutral_values(site):
    build = site(
        {
            "partners/talitha-kum.md": "Title: Talitha Kum\nWebsite: https://talithakum.info/\n",
            "partners/talitha-kum.fr.md": "Title: Talitha Kum (réseau)\n",
            "events/vigil.md": EVENT,
            "events/vigil.fr.md": "Title: Veillée\n\nLe programme.\n",
        },
        plugins=("records", "i18n", "events", "partners"),
        LANGUAGES={"en": {}, "fr": {}},
        RECORDS_STRICT=True,
    )
    assert build.error is None, build.issues
    french = build.page("fr/events/vigil/index.html")
    assert "Veillée" in french
    assert "Parish hall, Rome" in french  # the place, written once in the original
    assert "/fr/partners/talitha-kum/" in french  # its organiser, in French
    assert "09:00" in french


def test_a_record_translation_contradicting_a_shared_value_names_both_files(site):
    build = site(
        {
            "events/vigil.md": EVENT.replace("    Organizers: talitha-kum\n", ""),
            "events/vigil.fr.md": "Title: Veillée\nStart: 2026-02-08 10:00\n",
        },
        plugins=("records", "i18n", "events"),
        LANGUAGES={"en": {}, "fr": {}},
        RECORDS_STRICT=True,
    )
    assert build.issues == [
        "events/vigil.fr.md: start: differs from the original (events/vigil.md) — remove the "
        "line: a translation shares the original's Start, and only its text is translated"
    ]
