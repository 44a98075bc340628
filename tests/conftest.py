"""Shared test helpers: build a site in a temporary folder, in this process, and look at it."""

import fcntl
import logging
import os
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

# Tests build with a fixed "today": 2026-01-20 12:00 UTC, nineteen days before 8 February.
FIXED_EPOCH = "1768910400"


# Lighthouse's performance score counts how long the page's scripts hold the processor: it
# runs first, while the other worker builds sites in Python, not beside axe in Chromium.
FIRST = "test_quality_lighthouse.py"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """In a test worker (xdist): Lighthouse first, then the other files with gates, then those
    with browser tests, the slowest, then the rest. `invoke test` deals whole files to the
    workers in this order, so no long file starts last while the other worker idles."""
    if not hasattr(config, "workerinput"):
        return
    rank = {}
    for item in items:
        marks = ("gates", "browser")
        heavy = next((n for n, mark in enumerate(marks) if item.get_closest_marker(mark)), 2)
        rank[item.path] = -1 if item.path.name == FIRST else min(rank.get(item.path, 2), heavy)
    items.sort(key=lambda item: rank[item.path])


@dataclass
class Build:
    output: Path
    content: Path
    issues: list = field(default_factory=list)
    error: Exception | None = None
    logs: list = field(default_factory=list)

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")

    def issue_lines(self) -> list[str]:
        return [str(issue) for issue in self.issues]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def run_pelican(content: Path, output: Path, settings_file="pelicanconf.py", **overrides) -> Build:
    """Build ``content`` into ``output`` with the repository's settings and theme."""
    from pelican import Pelican  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    from records import ContentError  # noqa: PLC0415

    base = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins"), str(FIXTURES / "plugins")],
        "CACHE_PATH": str(output.parent / ".cache"),
    }
    cwd = os.getcwd()
    os.chdir(ROOT)  # publishconf.py imports pelicanconf from the current folder
    try:
        settings = read_settings(str(ROOT / settings_file), override={**base, **overrides})
    finally:
        os.chdir(cwd)
    pelican = Pelican(settings)
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    build = Build(output=output, content=content)
    try:
        pelican.run()
    except ContentError as error:
        build.error = error
    finally:
        logging.getLogger().removeHandler(collect)
        build.logs = collect.records
    build.issues = [r.getMessage() for r in collect.records if " — " in r.getMessage()]
    return build


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path, monkeypatch):
    """Return a function that writes content files and builds them; strict=True for publish."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)

    def make(files: dict, plugins=("records", "i18n", "widgets"), **overrides) -> Build:
        content = write_files(tmp_path / "content", files)
        output = tmp_path / "output"
        overrides.setdefault("PLUGINS", list(plugins))
        overrides.setdefault("THEME_TEMPLATES_OVERRIDES", [str(FIXTURES / "templates")])
        overrides.setdefault("LANGUAGES", {"en": {"locale": "en_GB"}})  # one, unless a test says
        return run_pelican(content, output, **overrides)

    return make


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for each test worker, shared by every browser test: starting it
    costs more than most tests. Each test opens its own pages or contexts and closes them.
    (While it runs, ``asyncio.run`` fails in this process: Playwright's loop is running.)"""
    from tests.browser import chromium  # noqa: PLC0415

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def browser_site(demo, browser):
    """The demo build served on 127.0.0.1 and the shared Chromium: (base URL, browser)."""
    from tests.browser import serve  # noqa: PLC0415

    with serve(demo.output) as base:
        yield base, browser


@pytest.fixture(scope="session")
def axe(browser_site):
    """axe_problems of sitecheck.suite over the served demo build, in light and dark, as
    ``axe(path)``, in a tab kept open (tests.browser.AxeTabs)."""
    from tests.browser import AxeTabs  # noqa: PLC0415

    base, browser = browser_site
    tabs = AxeTabs(browser, base)
    yield tabs.problems
    tabs.close()


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run, which every test worker shares."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    return base


@pytest.fixture(scope="session")
def media_cache(tmp_path_factory) -> str:
    """A media cache (``MEDIA_CACHE_PATH``) shared by the builds of the demo's pictures, so
    that they are resized once a run, not once a build. Its entries are named by their
    content and written atomically (media.pipeline), so workers share it safely. Tests of
    the pipeline and its cache keep their own."""
    return str(run_folder(tmp_path_factory) / "media")


def shared_demo_build(tmp_path_factory, name: str, *args, **overrides) -> Build:
    """The demo content built once for the whole run into a folder every test worker shares:
    the first worker to ask builds it, holding a lock; the others then find nothing changed
    since (records.freshness) and stand on the same output. Tests read it, never write."""
    base = run_folder(tmp_path_factory)
    overrides.setdefault("MEDIA_CACHE_PATH", str(base / "media"))
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return run_pelican(ROOT / "content", base / name / "output", *args, **overrides)


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo content built once with local settings and a fixed date."""
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    return shared_demo_build(tmp_path_factory, "demo")


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The demo content built with production settings, served from a sub-path."""
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    return shared_demo_build(
        tmp_path_factory,
        "published",
        "publishconf.py",
        SITEURL="https://example.org/campaigns",
        FEED_DOMAIN="https://example.org/campaigns",
    )


def assert_one_issue(build: Build, path: str, field: str, message: str) -> None:
    """The build failed with exactly one error line, naming ``path`` and ``field``, with a fix."""
    assert build.error is not None, "a strict build with a bad file must fail"
    assert len(build.issues) == 1, build.issues
    line = build.issues[0]
    assert line.startswith(f"{path}: {field}: "), line
    assert message in line, line
    assert line.split(" — ", 1)[1].strip(), f"no fix given: {line}"
