"""The Content-Security-Policy, computed once from the settings (records/security.py): the
theme's script folder only in production, 'self' with relative URLs, sources a site adds
through CSP_EXTRA, and a bad CSP_EXTRA stopping the build at its start."""

import html
import re

import pytest

from records.security import SettingError, content_security_policy

SITEURL = "https://example.org/campaigns"
SETTINGS = {"SITEURL": SITEURL, "THEME_STATIC_DIR": "theme"}
# The policy's <meta> comes right after the charset and the viewport, before anything else.
HEAD = re.compile(
    r'<head>\s*<meta charset="utf-8">\s*<meta name="viewport"[^>]*>\s*'
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">'
)


def page_policies(page: str) -> list[str]:
    """The policies of a page's head, as the browser reads the attribute (unescaped)."""
    return [html.unescape(policy) for policy in HEAD.findall(page)]


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_production_allows_the_themes_script_folder_only():
    policy = directives(content_security_policy(SETTINGS))
    assert policy == {
        "default-src": "'self'",
        "img-src": "'self' data:",
        "style-src": "'self'",
        "script-src": f"{SITEURL}/theme/js/",
        "font-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-src": "'none'",
        "connect-src": "'self'",
    }


def test_relative_urls_keep_self_for_scripts():
    policy = content_security_policy({**SETTINGS, "SITEURL": ""})
    assert directives(policy)["script-src"] == "'self'"


def test_a_site_adds_sources_and_they_replace_none():
    extra = {"img-src": ["https://images.example.net"], "frame-src": ["https://video.example.net/"]}
    policy = directives(content_security_policy({**SETTINGS, "CSP_EXTRA": extra}))
    assert policy["img-src"] == "'self' data: https://images.example.net"
    assert policy["frame-src"] == "https://video.example.net/"
    assert policy["script-src"] == f"{SITEURL}/theme/js/"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"img-src": ["'unsafe-inline'"]}, "\"'unsafe-inline'\" is not a source"),
        ({"img-src": ["https://a.example.net; script-src *"]}, "is not a source"),
        ({"img-src": ["https://a.example.net https://b.example.net"]}, "is not a source"),
        ({"img-src": ["https://a.example.net,b"]}, "is not a source"),
        ({"img-src": "https://a.example.net"}, "is not a list of sources"),
        ({"image-src": ["https://a.example.net"]}, "'image-src' is not a directive"),
        ({"script-src": ["https://cdn.example.net"]}, "the theme's own scripts only"),
        (["img-src"], "not a dict"),
    ],
)
def test_a_bad_extra_source_is_refused_with_the_fix(extra, message):
    with pytest.raises(SettingError, match=re.escape(message)) as error:
        content_security_policy({**SETTINGS, "CSP_EXTRA": extra})
    assert str(error.value).startswith("CSP_EXTRA: ")
    assert " — " in str(error.value)


PAGE = {"pages/about.md": "Title: About\n\nWho we are.\n"}


def test_every_page_writes_the_policy_first_in_its_head(site):
    build = site(PAGE, CSP_EXTRA={"img-src": ["https://images.example.net"]})
    assert build.error is None
    [policy] = page_policies(build.page("about/index.html"))
    assert policy == content_security_policy(
        {**SETTINGS, "SITEURL": "", "CSP_EXTRA": {"img-src": ["https://images.example.net"]}}
    )


def test_a_bad_extra_source_stops_the_build_at_its_start(site):
    build = site(PAGE, CSP_EXTRA={"img-src": ["'unsafe-inline'"]})
    assert isinstance(build.error, SettingError)
    assert not (build.output / "about/index.html").exists()


def test_every_published_page_carries_the_production_policy(published):
    expected = content_security_policy(SETTINGS)
    assert directives(expected)["script-src"] == f"{SITEURL}/theme/js/"
    # The search page alone has its own: Pagefind's module and its WebAssembly (test_search).
    search = content_security_policy(SETTINGS, scripts=("pagefind/",), wasm=True)
    pages = sorted(published.output.rglob("*.html"))
    assert pages
    wrong = [
        p
        for p in pages
        if page_policies(p.read_text(encoding="utf-8"))
        != [search if p.parent.name == "search" else expected]
    ]
    assert wrong == []


def test_a_page_of_its_own_may_add_script_folders_and_webassembly_to_its_policy():
    policy = directives(content_security_policy(SETTINGS, scripts=("pagefind/",), wasm=True))
    assert policy["script-src"] == f"{SITEURL}/theme/js/ {SITEURL}/pagefind/ 'wasm-unsafe-eval'"
    assert {k: v for k, v in policy.items() if k != "script-src"} == {
        k: v for k, v in directives(content_security_policy(SETTINGS)).items() if k != "script-src"
    }
