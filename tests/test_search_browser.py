"""The search page in headless Chromium, on the demo's production build (which has the index).

As in test_csp_browser.py, the browser asks for the site at its production address
(``https://example.org/campaigns/``) and the local server answers, so the search page's own
policy (Pagefind's folder and ``'wasm-unsafe-eval'``) is checked as in production; any request
for another host is refused and recorded.
"""

import pytest

from sitecheck.browser import axe_violations
from sitecheck.suite import SCHEMES
from tests.browser import serve, wait_until

pytestmark = pytest.mark.browser

SITEURL = "https://example.org/campaigns"
EDITION = "/campaigns/campaigns/day-of-prayer/2017/"  # the path under the sub-path
FR_EDITION = "/campaigns/fr/campaigns/day-of-prayer/2017/"  # the same, shown untranslated
VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation",
  event => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


@pytest.fixture(scope="module")
def browser(published, browser):
    """The shared Chromium; ``browser.base``: the published build served on 127.0.0.1."""
    with serve(published.output) as base:
        browser.base = base
        yield browser


def open_page(browser, path: str, javascript: bool = True, scheme: str = "light", base=None):
    """A page of the published site (or of the site served at ``base``); ``page.outside``
    keeps requests for other hosts, ``page.errors`` console errors, ``page.fetched`` the
    site's paths that were fetched."""
    base = base or browser.base
    context = browser.new_context(java_script_enabled=javascript, color_scheme=scheme)
    page = context.new_page()
    page.outside, page.errors, page.fetched = [], [], []

    def answer(route):
        url = route.request.url
        if url.startswith(SITEURL + "/"):
            page.fetched.append(url.removeprefix(SITEURL))
            route.fulfill(response=route.fetch(url=base + url.removeprefix(SITEURL)))
        else:
            page.outside.append(url)
            route.abort()

    page.route("**/*", answer)
    page.add_init_script(VIOLATIONS)
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.goto(SITEURL + path)
    return page


def close(page) -> None:
    """Close a page of :func:`open_page` and its context; a request still being answered
    (the favicon, asked for after the load) is dropped, not raised in the next test."""
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


ANSWERED = """() => {
  const text = document.querySelector("[data-search-status]").textContent;
  return text && !text.endsWith("…");
}"""


def settled(page, timeout: float = 20) -> str:
    """The status line once the search has answered."""
    wait_until(page, ANSWERED, timeout=timeout)
    return page.locator("[data-search-status]").text_content()


def results(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".search-result",
        """items => items.map(item => {
          const link = item.querySelector("h3 a");
          return {href: link.getAttribute("href"), lang: link.getAttribute("lang"),
                  title: link.textContent, meta: item.querySelector(".card-meta").textContent};
        })""",
    )


def assert_clean(page):
    assert page.evaluate("window.violations") == []
    assert page.outside == []
    assert page.errors == []


def test_an_english_search_finds_the_2017_edition(browser):
    page = open_page(browser, "/search/")
    page.fill("#search-query", "children")
    page.press("#search-query", "Enter")
    status = settled(page)
    found = results(page)
    assert any(r["href"] == EDITION for r in found), found
    edition = next(r for r in found if r["href"] == EDITION)
    assert edition["lang"] is None
    assert edition["meta"].startswith("Yearly theme · 8 February 2017")
    assert status == f"Pages found for “children”: {len(found)}"
    assert page.get_attribute("[data-search-status]", "role") == "status"
    assert page.locator("[data-search-results] h2").count() == 1
    assert page.url.endswith("/search/?q=children")
    assert_clean(page)
    # Pagefind's module, worker, WebAssembly and index come from the site's own folder.
    assert {p.split("?")[0] for p in page.fetched} >= {
        "/pagefind/pagefind.js",
        "/pagefind/pagefind-worker.js",
        "/pagefind/wasm.en.pagefind",
    }
    close(page)


def test_a_french_search_finds_the_2017_edition_at_its_french_address(browser):
    # The edition is not translated: French pages show it in English. It is indexed once, in
    # English, and the French search page searches that index too, with English stemming
    # ("slaves" is "slave" there).
    page = open_page(browser, "/fr/search/?q=slaves")
    status = settled(page)
    found = results(page)
    edition = next((r for r in found if r["href"] == FR_EDITION), None)
    assert edition, found
    assert edition["lang"] == "en"
    assert "8 février 2017" in edition["meta"]
    assert "En anglais, non traduit" in edition["meta"]
    assert status.startswith("Pages trouvées pour «\u00a0slaves\u00a0»\u00a0: ")
    assert all(
        not r["href"].startswith(("/campaigns/campaigns/", "/campaigns/news/")) for r in found
    )
    assert_clean(page)
    close(page)


def test_filters_narrow_the_results_without_a_query(browser):
    page = open_page(browser, "/search/?type=edition&year=2017")
    settled(page)
    found = results(page)
    assert [r["href"] for r in found] == [EDITION]
    assert page.input_value("#search-type") == "edition"
    page.select_option("#search-year", "2018")
    page.select_option("#search-campaign", "day-of-prayer")
    page.wait_for_timeout(200)
    settled(page)
    assert [r["href"] for r in results(page)] == ["/campaigns/campaigns/day-of-prayer/2018/"]
    assert_clean(page)
    close(page)


def test_the_index_covers_each_type(browser):
    page = open_page(browser, "/search/")
    counts = page.evaluate(
        """async () => {
          const pagefind = await import("/campaigns/pagefind/pagefind.js");
          return (await pagefind.filters()).type;
        }"""
    )
    assert set(counts) == {"news", "page", "campaign", "edition", "event", "partner"}
    assert all(count > 0 for count in counts.values())
    close(page)


def test_an_index_in_parts_is_searched_as_one_in_each_language(browser, site):
    # One page per part, in the order of their paths: about-us/ (English), fr/… (French), news/…
    # (English). A search page opens only the parts with pages in its language: Pagefind would
    # search another language's index of a part instead.
    files = {
        "pages/about.md": "Title: About us\n\nWe pray for the children.\n",
        "news/first.md": "Title: First news\nDate: 2026-01-10\n\nThe children walk to school.\n",
        "pages/enfants.md": "Title: Les enfants\nLang: fr\n\nLes enfants (children) chantent.\n",
    }
    build = site(
        files,
        plugins=("records", "i18n", "search"),
        SEARCH=True,
        SEARCH_PART_PAGES=1,
        LANGUAGES={"en": {"locale": "en_GB"}, "fr": {"locale": "fr_FR"}},
        UNTRANSLATED_CONTENT="hide",
    )
    assert build.error is None
    modules = [f"/pagefind/{part}pagefind.js" for part in ("", "part-2/", "part-3/")]
    expected = {
        "/search/?q=children": ({"About us", "First news"}, {modules[0], modules[2]}),
        "/fr/search/?q=children": ({"Les enfants"}, {modules[1]}),
    }
    with serve(build.output) as base:
        for path, (titles, opened) in expected.items():
            page = open_page(browser, path, base=base)
            settled(page)
            found = results(page)
            assert {r["title"] for r in found} == titles, path
            assert all(r["href"].startswith("/campaigns/") for r in found), found
            fetched = {p.split("?")[0] for p in page.fetched}
            assert {module for module in modules if module in fetched} == opened, path
            assert_clean(page)
            close(page)


def test_without_javascript_the_page_lists_every_page_from_a_to_z(browser):
    page = open_page(browser, "/fr/search/", javascript=False)
    assert page.locator("form[data-search]").is_hidden()
    link = page.locator(f'.search-az a[href="{SITEURL}/fr/campaigns/day-of-prayer/2017/"]')
    assert link.count() == 1
    assert link.get_attribute("lang") == "en"
    assert page.locator("main noscript").count() == 1
    assert_clean(page)
    close(page)


@pytest.mark.gates
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_search_page_with_results_has_no_axe_violations(browser, scheme):
    page = open_page(browser, "/fr/search/?q=children", scheme=scheme)
    settled(page)
    assert page.locator(".search-result").count() > 0
    assert axe_violations(page) == []
    close(page)


def test_the_keyboard_reaches_the_field_the_filters_and_more_results(browser):
    page = open_page(browser, "/search/")
    page.focus("#search-query")
    page.keyboard.type("prayer")
    settled(page)
    shown = page.locator(".search-result").count()
    assert 0 < shown <= 10
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "search-type"
    more = page.locator("[data-search-more]")
    assert more.is_visible(), "the demo has more than ten pages about prayer"
    more.focus()
    page.keyboard.press("Enter")
    wait_until(page, "shown => document.querySelectorAll('.search-result').length > shown", shown)
    assert page.evaluate("document.activeElement.closest('.search-result') !== null")
    assert_clean(page)
    close(page)


@pytest.mark.gates
def test_a_letter_page_of_a_large_index_has_no_axe_violations(browser, site):
    files = {
        "pages/about.md": "Title: About us\n\nWho we are.\n",
        "news/first.md": "Title: First news\nDate: 2026-01-10\n\nText.\n",
    }
    build = site(files, plugins=("records", "i18n", "search"), SEARCH=False, SEARCH_AZ_MAX=1)
    assert build.error is None
    with serve(build.output) as base:
        problems = []
        for scheme in SCHEMES:
            page = browser.new_page(color_scheme=scheme)
            page.goto(base + "/search/a/")
            assert page.locator(".search-az-list a").count() == 1
            problems += axe_violations(page)
            page.close()
    assert problems == []
