"""The published demo served as Netlify or Cloudflare Pages serve it, with the headers of its
``_headers`` file: one page of every type loads in headless Chromium with no policy violation,
no console error and nothing blocked.

A local server sends the build at ``/campaigns/`` with the file's headers; the browser asks
for the production address (``https://example.org/campaigns/``), and every such request is
answered by that server, so the header's ``script-src`` is checked as in production.
"""

import contextlib
import time

import pytest

from sitecheck.headers import Rule, parse_headers
from sitecheck.pagetypes import SiteTypes
from tests.browser import VIOLATIONS, serve

pytestmark = pytest.mark.browser

HOST = "https://example.org"
MOUNT = "/campaigns/"
# Console warnings that are about the headers or the policy: the rest of the warnings are not.
HEADER_WARNINGS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")
ICON_WAIT = 10  # seconds: a favicon not answered by then is a problem


@pytest.fixture(scope="module")
def rules(published):
    return parse_headers(published.page("_headers"))


@contextlib.contextmanager
def tab(browser, base: str):
    """One tab that asks for the production address, answered by the local server at
    ``base``; yield ``load(path)`` (``/campaigns/...``): what went wrong loading that page.
    Each load is a new document, and routing keeps the browser's cache out of the way, so
    every page fetches all it needs (its favicon too), checked again."""
    page = browser.new_page()
    found, asked, done = {}, [], []  # what went wrong; the URLs requested; those answered

    def answer(route):
        url = route.request.url
        if url.startswith(HOST + MOUNT):
            route.fulfill(response=route.fetch(url=base + url.removeprefix(HOST)))
        else:
            found["outside"].append(url)
            route.abort()

    def console(message):
        if message.type == "error" or any(w in message.text for w in HEADER_WARNINGS):
            found["console"].append(f"{message.type}: {message.text}")

    def status(response):
        if response.status >= 400:
            found["status"].append(f"{response.status} {response.url}")

    def failed(request):
        found["failed"].append(request.url)
        done.append(request.url)

    def load(path: str) -> dict:
        found.update(console=[], failed=[], outside=[], status=[])
        asked.clear()
        done.clear()
        response = page.goto(HOST + path)
        # The browser asks for the favicon after the load event: wait for it and for every
        # request still open to be answered (not for half a second of silence after each).
        icons = page.eval_on_selector_all("link[rel~=icon]", "ls => ls.map(l => l.href)")
        deadline = time.monotonic() + ICON_WAIT
        while time.monotonic() < deadline and (
            len(done) < len(asked) or not set(icons) <= set(done)
        ):
            page.wait_for_timeout(20)
        found["not answered"] = sorted(set(icons) - set(done))
        found["violations"] = page.evaluate("window.violations")
        found["policy"] = response.headers.get("content-security-policy", "")
        return dict(found)

    page.route("**/*", answer)
    page.add_init_script(VIOLATIONS)
    page.on("console", console)
    page.on("request", lambda request: asked.append(request.url))
    page.on("requestfailed", failed)
    page.on("requestfinished", lambda request: done.append(request.url))
    page.on("response", status)
    try:
        yield load
    finally:
        page.unroute_all(behavior="ignoreErrors")
        page.close()


def test_every_page_type_loads_with_the_headers_and_nothing_blocked(published, rules, browser):
    types = SiteTypes(published.output)
    lang = next(iter(types.by_type["home"]))
    sample = [(kind, path) for kind, each, path in types.representatives() if each == lang]
    assert len(sample) >= 20  # every type the demo has
    problems = []
    with serve(published.output, MOUNT, rules) as base, tab(browser, base) as load:
        for kind, path in sample:
            found = load(MOUNT.rstrip("/") + path)
            assert found.pop("policy").endswith("; frame-ancestors 'none'"), kind
            problems += [f"{kind} {path}: {key}: {v}" for key, vs in found.items() for v in vs]
    assert problems == []


def test_a_stricter_header_is_enforced_over_the_pages_own_policy(published, rules, browser):
    """The planted defect: a header the pages do not expect shows up as violations."""
    planted = [*rules, Rule(MOUNT + "*", (("Content-Security-Policy", "style-src 'none'"),))]
    with serve(published.output, MOUNT, planted) as base, tab(browser, base) as load:
        found = load(MOUNT)
    assert found["violations"]
    assert all(v.startswith("style-src") for v in found["violations"])
