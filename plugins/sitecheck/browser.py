"""Headless Chromium for the quality gates: serve a built site on 127.0.0.1, load its pages in
Debian's Chromium (nothing is downloaded) and run axe-core on them. Needs the packages of
requirements-dev.txt (playwright, axe-playwright-python).
"""

import contextlib
import functools
import http.server
import importlib.util
import os
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from .headers import Rule, headers_for

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_missing() -> str:
    """Why Chromium cannot run here, or an empty string when it can."""
    for package in ("playwright", "axe_playwright_python"):
        if importlib.util.find_spec(package) is None:
            return f"the Python package {package} is missing (pip install -r requirements-dev.txt)"
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return ""
    return f"Chromium not found at {CHROMIUM} (Debian package: chromium)"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    mount = "/"  # where the folder is served
    rules: tuple[Rule, ...] = ()  # the response headers, as a host applies a _headers file

    def log_message(self, *args):
        pass

    def send_head(self):
        if not urlsplit(self.path).path.startswith(self.mount):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path):
        return super().translate_path("/" + path[len(self.mount) :])

    def end_headers(self):
        for name, value in headers_for(list(self.rules), urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()


@contextlib.contextmanager
def serve(directory: Path, mount: str = "/", rules: list[Rule] | tuple = ()):
    """Serve ``directory`` on a free port of 127.0.0.1, at the path ``mount`` (``/campaigns/``
    for a site built for a sub-path), sending the headers of ``rules``
    (:func:`sitecheck.headers.parse_headers`); yield the base URL, without the mount."""
    quiet = type("Handler", (_QuietHandler,), {"mount": mount, "rules": tuple(rules)})
    handler = functools.partial(quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """Yield a Playwright browser running Debian's headless Chromium."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@functools.cache
def _axe_source() -> str:
    import axe_playwright_python  # noqa: PLC0415 — a dev dependency, read only when needed

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def axe_violations(page, tags: list[str] = AXE_TAGS) -> list[str]:
    """Run axe-core on the loaded page; return one line per violation and node. ``tags``: the
    rules run (``AXE_TAGS + ["best-practice"]`` adds axe's advice beyond WCAG)."""
    page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} — {violation['help']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def external_requests(page) -> list[str]:
    """Start recording requests that leave 127.0.0.1; return the live list."""
    seen: list[str] = []
    page.on(
        "request",
        lambda request: (
            seen.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "about:"))
            else None
        ),
    )
    return seen


def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> None:
    """Wait until ``expression`` (JavaScript: an expression, or a function of ``arg``) is
    true in ``page``, asking every 50 ms. Playwright's ``wait_for_function`` asks from inside
    the page through an eval, which the site's own policy forbids (no ``'unsafe-eval'``): it
    failed whenever the condition was not true at the first asking. ``page.evaluate`` is the
    browser's, outside any page's policy."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still not true after {timeout:g} s: {expression}")
        page.wait_for_timeout(50)
