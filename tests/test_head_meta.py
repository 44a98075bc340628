"""Every page's head in production: canonical address, description, Open Graph and Twitter
card tags, the page's languages as Open Graph wants them."""

import re
from html import unescape

import pytest

from records.languages import site_languages

SITEURL = "https://example.org/campaigns"
LOCALES = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT", "es": "es_ES"}


def head(html: str) -> dict:
    """{property or name: [contents]} of the head's meta tags, and "canonical"."""
    tags: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html):
        tags.setdefault(key, []).append(unescape(value))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    tags["canonical"] = [canonical[1]] if canonical else []
    return tags


def pages(build):
    for path in sorted(build.output.rglob("*.html")):
        relative = path.relative_to(build.output).as_posix()
        yield relative, path.read_text(encoding="utf-8")


def page_lang(relative: str) -> str:
    first = relative.split("/", maxsplit=1)[0]
    return first if first in LOCALES else "en"


def test_every_page_has_its_address_description_and_cards(published):
    checked = 0
    for relative, html in pages(published):
        if relative.endswith("404.html"):
            continue
        tags = head(html)
        (canonical,) = tags["canonical"]
        assert canonical.startswith(SITEURL + "/"), relative
        assert tags["og:url"] == [canonical], relative
        (description,) = tags["description"]
        assert description.strip(), relative
        # the same words (striptags makes any run of spaces, no-break ones too, one space)
        assert tags["og:description"] == [" ".join(description.split())], relative
        assert tags["twitter:description"] == tags["og:description"], relative
        assert tags["og:title"][0].strip(), relative
        assert tags["twitter:title"] == tags["og:title"], relative
        assert tags["og:locale"] == [LOCALES[page_lang(relative)]], relative
        assert tags["og:image"][0].startswith(SITEURL + "/images/cards/"), relative
        assert tags["og:image:width"] == ["1200"]
        assert tags["og:image:height"] == ["630"]
        assert tags["og:image:alt"][0].strip(), relative
        assert tags["twitter:card"] == ["summary_large_image"], relative
        assert tags["twitter:image"] == tags["og:image"], relative
        news_post = re.fullmatch(r"((fr|it|es)/)?news/\d{4}/[^/]+/index\.html", relative)
        assert tags["og:type"] == ["article" if news_post else "website"], relative
        checked += 1
    assert checked > 400


def test_other_written_languages_are_locale_alternates(published):
    tags = head(published.page("news/2026/day-of-prayer-2026/index.html"))
    assert tags["og:locale"] == ["en_GB"]
    assert tags["og:locale:alternate"] == ["fr_FR", "it_IT", "es_ES"]
    assert tags["article:published_time"] == ["2026-01-26T09:00:00+01:00"]
    french = head(published.page("fr/about/index.html"))
    assert french["og:locale"] == ["fr_FR"]
    assert french["og:locale:alternate"] == ["en_GB", "it_IT", "es_ES"]
    # contact is written in English only: no alternate
    assert "og:locale:alternate" not in head(published.page("contact/index.html"))


def test_an_untranslated_stand_in_points_at_its_original(published):
    tags = head(published.page("fr/news/2017/osce-visit-russia/index.html"))
    assert tags["canonical"] == [f"{SITEURL}/news/2017/osce-visit-russia/"]
    assert tags["og:url"] == tags["canonical"]


def test_the_404_page_is_not_content(published):
    tags = head(published.page("404.html"))
    assert tags["canonical"] == []
    assert "og:url" not in tags
    assert tags["robots"] == ["noindex"]


def test_a_local_build_has_no_canonical_or_og_url(demo):
    tags = head(demo.page("news/2026/day-of-prayer-2026/index.html"))
    assert tags["canonical"] == []
    assert "og:url" not in tags
    assert tags["og:locale"] == ["en_GB"]


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        ({"en": {"locale": "en_GB"}}, ["en_GB"]),
        ({"en": {}}, ["en_US"]),
        ({"en": {}, "pt-PT": {}, "de": {}, "ar": {}}, ["en_US", "pt_PT", "de_DE", "ar_EG"]),
    ],
)
def test_a_language_without_a_territory_gets_its_likeliest(languages, expected):
    found = site_languages({"DEFAULT_LANG": "en", "LANGUAGES": languages})
    assert [language.region_locale for language in found] == expected
