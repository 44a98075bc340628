"""Search (plugins/search): Pagefind indexes the pages of real content in their own language,
one index per language, inside the output that is published; the search page finds the 2017
Day of Prayer edition in English and in French (where it is shown untranslated), under its
own policy, with nothing from another host; without JavaScript its A–Z index lists the same
pages; a failing index build fails the build with one line and keeps the previous output."""

import json
import re
import stat

import pytest

from records.security import content_security_policy
from search.catalog import initial, sort_key
from search.indexer import UNUSED
from search.pages import search_policy
from sitecheck import SiteTypes
from tests.conftest import FIXTURES, run_pelican, write_files

SITEURL = "https://example.org/campaigns"
EDITION = "campaigns/day-of-prayer/2017/"  # its theme: "They are just children! Not Slaves!"
INDEXED_TYPES = {
    "article": "news",
    "page": "page",
    "campaign": "campaign",
    "edition": "edition",
    "event": "event",
    "partner": "partner",
}
BODY = "data-pagefind-body"
UNTRANSLATED = '<p class="notice" role="note">'  # partials/untranslated.html


def marked(path) -> bool:
    return BODY in path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def types(published):
    return SiteTypes(published.output)


# What is indexed -------------------------------------------------------------------------


def test_every_content_page_written_in_its_language_is_marked_and_no_stand_in(types):
    wrong = []
    for kind in INDEXED_TYPES:
        assert types.by_type[kind]["en"], f"the demo has {kind} pages"
        for paths in types.by_type[kind].values():
            for path in paths:
                stand_in = UNTRANSLATED in path.read_text(encoding="utf-8")
                if marked(path) == stand_in:
                    wrong.append(str(path.relative_to(types.root)))
    assert wrong == []


def test_list_pages_the_404_page_and_the_search_page_are_not(types):
    unmarked = set(types.by_type) - set(INDEXED_TYPES)
    assert {"home", "404", "news list", "news tag", "search", "upcoming events"} <= unmarked
    wrong = [
        str(path)
        for kind in unmarked
        for paths in types.by_type[kind].values()
        for path in paths
        if marked(path)
    ]
    assert wrong == []


def test_untranslated_stand_ins_are_not_marked_but_translations_are(published):
    assert marked(published.output / EDITION / "index.html")
    assert not marked(published.output / "fr" / EDITION / "index.html")  # English, shown in fr
    assert marked(published.output / "fr/campaigns/day-of-prayer/2026/index.html")  # translated


def test_the_2017_edition_tells_pagefind_its_filters_and_where_it_is_shown(published):
    page = published.page(EDITION + "index.html")
    found = dict(
        re.findall(
            r'data-pagefind-(?:filter|meta)="(\w+)\[data-value\]" data-value="([^"]*)"', page
        )
    )
    assert found["type"] == "edition"
    assert found["campaign"] == "day-of-prayer"
    assert found["year"] == "2017"
    assert found["date"] == "2017-02-08"
    assert found["title"].endswith("2017: They are just children! Not Slaves!")
    assert found["url_fr"] == "fr/" + EDITION  # shown untranslated there
    assert "standin" in found


def test_the_index_is_published_with_one_index_per_language_of_the_marked_pages(published):
    bundle = published.output / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    marked_pages: dict[str, int] = {}
    for path in published.output.rglob("*.html"):
        if marked(path):
            lang = re.search(r'<html lang="([^"]+)"', path.read_text(encoding="utf-8"))[1]
            marked_pages[lang] = marked_pages.get(lang, 0) + 1
    assert counts == marked_pages
    assert set(counts) == {"en", "fr", "it", "es"}
    assert (bundle / "pagefind.js").is_file()
    assert [name for name in UNUSED if (bundle / name).exists()] == []  # the kit's own UI only
    modes = {stat.S_IMODE(path.stat().st_mode) for path in bundle.rglob("*") if path.is_file()}
    assert modes == {0o644}


def test_local_builds_have_no_index_and_no_marks(demo):
    assert not (demo.output / "pagefind").exists()
    assert not marked(demo.output / EDITION / "index.html")
    page = demo.page("search/index.html")
    assert "search.js" not in page
    assert "This preview has no search index" in page


# The search page -------------------------------------------------------------------------


@pytest.mark.parametrize("build_name", ["demo", "published"])
@pytest.mark.parametrize("prefix", ["", "fr/", "it/", "es/"])
def test_every_language_has_a_search_page_linked_from_the_header(request, build_name, prefix):
    build = request.getfixturevalue(build_name)
    page = build.page(prefix + "search/index.html")
    assert 'aria-current="page">' in page
    home = build.page(prefix + "index.html")
    assert re.search(r'<a href="[^"]*/' + prefix + r'search/">', home)


@pytest.mark.parametrize(("prefix", "lang"), [("", None), ("fr/", "en")])
def test_the_a_z_index_lists_the_2017_edition_without_javascript(published, prefix, lang):
    page = published.page(prefix + "search/index.html")
    link = re.search(rf'<a href="{SITEURL}/{prefix}{EDITION}"([^>]*)>([^<]*)</a>', page)
    assert link, "the 2017 edition is in the A–Z index"
    assert link[2].endswith("They are just children! Not Slaves!")
    assert (f' lang="{lang}"' in link[1]) if lang else "lang=" not in link[1]


def test_the_a_z_index_leaves_out_what_is_not_indexed(published):
    page = published.page("search/index.html")
    assert f'href="{SITEURL}/news/"' not in page.split('class="search-az"')[1]
    assert 'href="' + SITEURL + '/404.html"' not in page


def test_only_the_search_page_may_run_webassembly_and_pagefind(published):
    settings = {"SITEURL": SITEURL, "THEME_STATIC_DIR": "theme"}
    policy = search_policy(settings)
    assert "script-src " + f"{SITEURL}/theme/js/ {SITEURL}/pagefind/ 'wasm-unsafe-eval';" in policy
    assert policy.replace(f" {SITEURL}/pagefind/ 'wasm-unsafe-eval'", "") == (
        content_security_policy(settings)
    )
    page = published.page("fr/search/index.html")
    assert "&#39;wasm-unsafe-eval&#39;" in page
    assert "wasm-unsafe-eval" not in published.page(EDITION + "index.html")


def test_with_relative_urls_the_search_policy_keeps_self():
    policy = search_policy({"SITEURL": "", "THEME_STATIC_DIR": "theme"})
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy


# A–Z order ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "letter"),
    [("À propos de RENATE", "A"), ("“Quoted” title", "Q"), ("18 October", "#"), ("Ökumene", "O")],
)
def test_titles_are_grouped_by_their_first_letter_without_accents(title, letter):
    assert initial(title) == letter


def test_titles_sort_without_case_accents_or_leading_quotes():
    titles = ["zebra", "“Apple”", "Église", "banana"]
    assert sorted(titles, key=sort_key) == ["“Apple”", "banana", "Église", "zebra"]


# Building the index ----------------------------------------------------------------------

TINY = {
    "pages/about.md": "Title: About us\n\nWe pray for the children.\n",
    "news/first.md": "Title: First news\nDate: 2026-01-10\n\nSome news about slaves.\n",
}
PLUGINS = ("records", "i18n", "search")


def test_a_small_site_is_indexed_inside_the_published_output(site):
    build = site(TINY, plugins=PLUGINS, SEARCH=True)
    assert build.error is None
    entry = json.loads((build.output / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 2  # the post and the page, no list page
    assert not list(build.output.parent.glob(".output.staging*"))


def test_a_site_above_the_part_size_is_indexed_in_parts_that_hold_every_page_once(site):
    files = {**TINY, "news/second.md": "Title: Second news\nDate: 2026-01-11\n\nMore news.\n"}
    build = site(files, plugins=PLUGINS, SEARCH=True, SEARCH_PART_PAGES=2)
    assert build.error is None
    bundles = [build.output / "pagefind", build.output / "pagefind/part-2"]
    counts = [
        json.loads((bundle / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
        for bundle in bundles
    ]
    assert counts == [2, 1]  # three pages, in the order of their paths
    assert not (build.output / "pagefind/part-3").exists()
    for bundle in bundles:
        assert (bundle / "pagefind.js").is_file()
        assert not any((bundle / name).exists() for name in UNUSED)
    assert 'data-parts="2"' in build.page("search/index.html")
    pages_linked = build.output.parent.glob(".output*.search-pages/**/*")
    assert not [path for path in pages_linked if not path.is_dir()]  # folders only, kept


def fragments(bundle) -> dict[str, bytes]:
    """A part's index by what Pagefind writes the same for the same pages (its fragments and
    word index; the order of its filter and metadata files varies, Pagefind/pagefind#638)."""
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes()
        for folder in ("fragment", "index")
        for p in sorted((bundle / folder).glob("*"))
    }


@pytest.mark.parametrize("value", [0, "2000", 2.5, True])
def test_a_part_size_that_is_not_a_whole_number_is_one_line_with_the_fix(site, value):
    build = site(TINY, plugins=PLUGINS, SEARCH=True, SEARCH_PART_PAGES=value)
    assert type(build.error).__name__ == "SettingError"
    assert str(build.error) == (
        f"SEARCH_PART_PAGES: {value!r} is not a whole number of 1 or more — "
        "write e.g. SEARCH_PART_PAGES = 2000"
    )


def test_a_rebuild_keeps_the_index_of_each_part_whose_pages_did_not_change(site, tmp_path):
    files = {**TINY, "news/second.md": "Title: Second news\nDate: 2026-01-11\n\nMore news.\n"}
    first = site(files, plugins=PLUGINS, SEARCH=True, SEARCH_PART_PAGES=2)
    assert first.error is None
    entries = [first.output / "pagefind/pagefind-entry.json"]
    entries.append(first.output / "pagefind/part-2/pagefind-entry.json")
    before = [entry.stat().st_ino for entry in entries]
    files["pages/about.md"] = files["pages/about.md"].replace("children", "families")
    second = site(files, plugins=PLUGINS, SEARCH=True, SEARCH_PART_PAGES=2)
    assert second.error is None
    after = [entry.stat().st_ino for entry in entries]
    # Part 1 holds about-us/ and news/.../first-news/ (the paths' order): made again; part 2
    # holds only the second post, untouched: kept, the same file.
    assert after[0] != before[0]
    assert after[1] == before[1]
    cold = run_pelican(
        second.content,
        tmp_path / "cold" / "output",
        PLUGINS=list(PLUGINS),
        THEME_TEMPLATES_OVERRIDES=[str(FIXTURES / "templates")],
        LANGUAGES={"en": {"locale": "en_GB"}},
        SEARCH=True,
        SEARCH_PART_PAGES=2,
    )
    assert cold.error is None
    for part in ("pagefind", "pagefind/part-2"):
        assert fragments(second.output / part) == fragments(cold.output / part)


def test_a_failing_index_fails_the_build_in_one_line_and_keeps_the_previous_output(
    site, tmp_path, monkeypatch
):
    first = site(TINY, plugins=PLUGINS, SEARCH=False)
    assert first.error is None
    before = sorted(p.relative_to(first.output) for p in first.output.rglob("*"))
    broken = write_files(
        tmp_path / "bin", {"pagefind": "#!/bin/sh\necho 'Error: planted failure' >&2\nexit 3\n"}
    )
    (broken / "pagefind").chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken / "pagefind"))
    second = site(TINY, plugins=PLUGINS, SEARCH=True)
    message = str(second.error)
    assert type(second.error).__name__ == "SearchIndexError"
    assert "\n" not in message
    assert message.startswith("SEARCH: Pagefind failed: Error: planted failure — ")
    assert sorted(p.relative_to(first.output) for p in first.output.rglob("*")) == before
    assert not list(tmp_path.glob(".output.staging*"))


def test_a_missing_pagefind_is_one_line_with_the_fix(site, tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere" / "pagefind"))
    build = site(TINY, plugins=PLUGINS, SEARCH=True)
    assert str(build.error).startswith("SEARCH: Pagefind could not be run")
    assert "set SEARCH = False" in str(build.error)


def test_a_large_a_z_index_gets_a_page_per_letter(site):
    build = site(TINY, plugins=PLUGINS, SEARCH=False, SEARCH_AZ_MAX=1)
    assert build.error is None
    page = build.page("search/index.html")
    assert re.search(r'<a href="[^"]*/search/a/">A</a>', page)
    assert re.search(r'<a href="[^"]*/search/f/">F</a>', page)
    assert 'class="search-az-list"' not in page  # the titles are on the letters' pages
    letter = build.page("search/a/index.html")
    assert "<h1>A–Z index: A</h1>" in letter
    assert re.search(r'<a href="[^"]*/search/a/" aria-current="page">A</a>', letter)
    assert re.search(r'<a href="[^"]*/about-us/">About us</a>', letter)
    assert "First news" not in letter
    types = SiteTypes(build.output)
    assert types.unmapped == []
    assert set(types.by_type["search letter"]["en"]) == {
        build.output / "search/a/index.html",
        build.output / "search/f/index.html",
    }
