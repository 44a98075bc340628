"""The security headers file of production builds (records/headers.py) and the reader of the
``_headers`` format that serves it in the tests (sitecheck/headers.py)."""

import html
import re

import pytest

from records.headers import security_headers
from records.security import content_security_policy
from records.signals import folder_policies
from sitecheck.headers import HeadersSyntaxError, Rule, headers_for, parse_headers

SITEURL = "https://example.org/campaigns"
SETTINGS = {"SITEURL": SITEURL, "THEME_STATIC_DIR": "theme"}
PAGE = {"pages/about.md": "Title: About\n\nWho we are.\n"}


def test_every_path_gets_the_pages_policy_framed_by_no_one_and_the_other_headers():
    rules = parse_headers(security_headers(SETTINGS))
    assert [rule.pattern for rule in rules] == ["/campaigns/*"]
    sent = headers_for(rules, "/campaigns/news/2026/vigil/")
    csp = content_security_policy(SETTINGS)
    assert sent["Content-Security-Policy"] == f"{csp}; frame-ancestors 'none'"
    assert sent["Referrer-Policy"] == "no-referrer"
    assert sent["X-Content-Type-Options"] == "nosniff"
    features = dict(item.split("=") for item in sent["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics"):
        assert features[feature] == "()"
    assert set(features.values()) == {"()"}
    assert sent["Strict-Transport-Security"] == "max-age=63072000"  # two years, no subdomains


def test_a_site_at_the_root_has_rules_for_every_path_and_http_has_no_hsts():
    rules = parse_headers(security_headers({**SETTINGS, "SITEURL": "http://example.org"}))
    assert [rule.pattern for rule in rules] == ["/*"]
    assert "Strict-Transport-Security" not in headers_for(rules, "/")


def test_local_builds_have_no_headers_file():
    assert security_headers({**SETTINGS, "SITEURL": ""}) is None


def test_the_published_demo_has_the_file_once_at_its_root(published):
    assert published.error is None
    searching = {**SETTINGS, "PLUGINS": ["records", "search"], "SEARCH": True}
    assert published.page("_headers") == security_headers(searching)
    assert sorted(published.output.rglob("_headers")) == [published.output / "_headers"]


def test_the_header_allows_what_the_search_page_needs_and_other_pages_stay_strict(published):
    rules = parse_headers(published.page("_headers"))
    header = headers_for(rules, "/campaigns/search/")["Content-Security-Policy"]
    assert f"{SITEURL}/pagefind/" in header
    assert "'wasm-unsafe-eval'" in header
    # A browser enforces the page's own <meta> policy too: the site's, without Pagefind.
    about = published.page("about/index.html")
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', about)
    assert html.unescape(meta[1]) == content_security_policy(SETTINGS)


@pytest.mark.parametrize(
    ("overrides", "written"),
    [
        ({"SITEURL": "https://example.org"}, True),
        ({"SITEURL": "https://example.org", "SECURITY_HEADERS_FILE": None}, False),
        ({}, False),  # local settings: relative URLs
    ],
)
def test_production_builds_write_it_unless_switched_off(site, overrides, written):
    build = site(PAGE, **overrides)
    assert build.error is None
    assert (build.output / "_headers").is_file() is written


ADMIN_POLICY = "default-src 'self';\n script-src 'self' https://cms.example.net"
WRITTEN = ["index.html", "404.html", "news/index.html", "theme/css/site.css", "admin/index.html"]
WRITTEN += ["odd: name*.pdf"]  # a name with a space, a colon and a star is matched literally


@pytest.fixture
def admin_policy():
    """A plugin that gives ``admin/`` a policy of its own, as the browser editor does."""

    def policy(settings):
        return {"admin": ADMIN_POLICY}

    folder_policies.connect(policy)
    yield
    folder_policies.disconnect(policy)


def test_a_folder_without_its_own_policy_shares_the_sites():
    assert "/campaigns/admin/*" not in security_headers(SETTINGS)


def test_with_an_admin_policy_the_admin_gets_its_own_and_no_path_gets_two(admin_policy):
    rules = parse_headers(security_headers(SETTINGS, WRITTEN))
    site_policy = f"{content_security_policy(SETTINGS)}; frame-ancestors 'none'"
    admin = "default-src 'self'; script-src 'self' https://cms.example.net; frame-ancestors 'none'"
    for path in [
        "",
        "index.html",
        "404.html",
        "news/",
        "theme/css/site.css",
        "odd%3A%20name%2A.pdf",
    ]:
        sent = headers_for(rules, "/campaigns/" + path)
        assert sent["Content-Security-Policy"] == site_policy, path
        assert sent["X-Content-Type-Options"] == "nosniff"
    for path in ["admin/", "admin/config.yml"]:
        sent = headers_for(rules, "/campaigns/" + path)
        assert sent["Content-Security-Policy"] == admin, path
        assert sent["Referrer-Policy"] == "no-referrer"


def test_a_production_build_with_an_admin_policy_lists_what_it_wrote(site, admin_policy):
    build = site(PAGE, SITEURL="https://example.org")
    patterns = [rule.pattern for rule in parse_headers(build.page("_headers"))]
    assert patterns[:2] == ["/*", "/"]
    assert {"/index.html", "/about/*", "/theme/*", "/admin/*"} <= set(patterns)


def test_the_reader_matches_as_the_hosts_do():
    rules = [
        Rule("/*", (("X-One", "a"),)),
        Rule("/news/:year/*", (("x-one", "b"), ("X-Two", "c"))),
        Rule("/exact", (("X-Three", "d"),)),
    ]
    assert headers_for(rules, "/news/2026/vigil/") == {"X-One": "a, b", "X-Two": "c"}
    assert headers_for(rules, "/news/") == {"X-One": "a"}
    assert headers_for(rules, "/exact") == {"X-One": "a", "X-Three": "d"}
    assert headers_for(rules, "/exact/") == {"X-One": "a"}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("news/*\n  X-One: a\n", 1),
        ("  X-One: a\n", 1),
        ("/*\n  X-One a\n", 2),
        ("/*\n  ! X-One\n", 2),
        ("# comment\n/*\n  X-One:\n", 3),
    ],
)
def test_the_reader_names_the_line_it_cannot_read(text, line):
    with pytest.raises(HeadersSyntaxError, match=f"^line {line}: "):
        parse_headers(text)
