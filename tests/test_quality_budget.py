"""Page weight gate, read from the built files (no browser): for each page type, HTML + CSS +
JS compressed at most 50 KB, JS at most 15 KB (not on a search page), no render-blocking
script. Also: every built page has a known type, so no new kind of page escapes the gates."""

import pytest

from sitecheck import PAGE_TYPES, SiteTypes
from sitecheck.budget import JS_BUDGET, PAGE_BUDGET, Budget, budget_problems
from sitecheck.check import Site
from sitecheck.pagetypes import LARGE_SITE_TYPES, page_type
from tests.conftest import write_files
from tests.quality import incompressible_js


@pytest.fixture(scope="module")
def types(demo):
    return SiteTypes(demo.output)


@pytest.fixture(scope="module")
def budget(demo, types):
    return Budget(Site(demo.output, "", types.pages))


def test_every_demo_page_has_a_known_type(types):
    assert types.unmapped == [], "add these to PAGE_TYPES in plugins/sitecheck/pagetypes.py"


def test_the_demo_build_has_a_page_of_every_type(types):
    assert types.missing() == [], "the gates check one page of every type: the demo needs one"


def test_every_published_page_has_a_known_type(published):
    assert SiteTypes(published.output).unmapped == []


@pytest.mark.parametrize(
    ("relative", "lang", "expected"),
    [
        ("index.html", "en", "home"),
        ("news/page/3/index.html", "en", "news list"),
        ("news/2017/osce-visit-russia/index.html", "en", "article"),
        ("fr/news/2017/osce-visit-russia/index.html", "fr", "article"),
        ("events/calendar/2026-02/index.html", "en", "month grid"),
        ("events/past/index.html", "en", "past events"),
        ("about/index.html", "en", "page"),
        ("resources/2026/vigil/index.html", "en", None),
    ],
)
def test_pages_are_typed_by_where_they_are_written(relative, lang, expected):
    assert page_type(relative, lang) == expected


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_type_is_within_the_weight_budget(types, budget, kind):
    paths = [path for by_lang in types.by_type.get(kind, {}).values() for path in by_lang]
    if kind in LARGE_SITE_TYPES:
        pytest.skip(LARGE_SITE_TYPES[kind])
    assert paths, f"the demo build has no {kind} page: add one, every type is checked"
    assert [problem for path in paths for problem in budget.problems(path, kind)] == []


def page(head: str = "", body: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><title>t</title>'
        f'<link rel="stylesheet" href="site.css">{head}</head><body>{body}</body></html>'
    )


def test_budget_fails_a_page_with_a_100_kb_script(tmp_path):
    write_files(
        tmp_path,
        {
            "index.html": page(body='<script src="big.js"></script>'),
            "site.css": "body { margin: 0; }\n",
            "big.js": incompressible_js(100 * 1024),
        },
    )
    problems = budget_problems(tmp_path)
    assert len(problems) == 2, problems
    assert problems[0].startswith("index.html (home): ")
    assert f"the budget is {PAGE_BUDGET // 1024}.0 KB" in problems[0]
    assert f"of JavaScript compressed; the budget is {JS_BUDGET // 1024}.0 KB" in problems[1]


def test_a_search_page_may_carry_more_javascript(tmp_path):
    write_files(
        tmp_path,
        {
            "search/index.html": page(body='<script src="../search.js"></script>'),
            "search/site.css": "",
            "search.js": incompressible_js(20 * 1024),
        },
    )
    assert budget_problems(tmp_path) == []


def test_budget_fails_a_render_blocking_script(tmp_path):
    write_files(
        tmp_path,
        {
            "index.html": page(
                head='<script src="a.js"></script><script src="b.js" defer></script>'
                '<script src="c.js" async></script><script src="d.js" type="module"></script>',
                body='<script src="e.js"></script>',
            ),
            "site.css": "",
            **{f"{name}.js": "" for name in "abcde"},
        },
    )
    assert budget_problems(tmp_path) == [
        "index.html (home): render-blocking script a.js in <head>: add defer (or async, or "
        'type="module")'
    ]


def test_a_file_the_page_names_but_the_output_lacks_is_reported(tmp_path):
    write_files(tmp_path, {"index.html": page()})
    assert budget_problems(tmp_path) == [
        "index.html (home): cannot measure site.css: not in the output"
    ]


def test_a_stylesheet_shared_by_pages_counts_for_each(tmp_path):
    write_files(
        tmp_path,
        {
            "index.html": page(),
            "about/index.html": page().replace("site.css", "../site.css"),
            "site.css": incompressible_js(30 * 1024),
        },
    )
    site = Site(tmp_path)
    weights = [Budget(site).measure(path) for path in site.pages]
    assert weights[0].css == weights[1].css > 20 * 1024
