"""The demo site, built once with local settings and once for production from a sub-path."""

import contextlib
import glob
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import tasks
from sitecheck import check_site
from tests.conftest import ROOT, run_pelican, write_files


def test_demo_builds_without_any_warning(demo):
    assert demo.error is None
    assert [r.getMessage() for r in demo.logs] == []


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "news/index.html",
        "news/page/2/index.html",
        "news/2017/osce-visit-russia/index.html",
        "about/index.html",
        "privacy/index.html",
        "contact/index.html",
        "news/category/campaigns/index.html",
        "news/tag/children/index.html",
        "news/author/renate-editorial-team/index.html",
        "news/archives/index.html",
        "404.html",
    ],
)
def test_every_page_type_is_written_with_landmarks(demo, page):
    html = demo.page(page)
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert re.search(r'<html lang="en"', html)
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html, landmark
    assert 'href="#main"' in html  # skip link
    assert 'http-equiv="Content-Security-Policy"' in html


def test_the_osce_post_links_its_sources_and_the_2017_theme(demo):
    html = demo.page("news/2017/osce-visit-russia/index.html")
    assert "Not Slaves" in html or "not slaves" in html.lower()
    assert "https://preghieracontrotratta.org/history" in html


def test_news_list_is_paginated_with_links_both_ways(demo):
    first = demo.page("news/index.html")
    second = demo.page("news/page/2/index.html")
    assert 'href="../news/page/2/"' in first or "page/2/" in first
    assert 'aria-current="page"' in first
    assert "news/" in second


def test_local_build_uses_relative_urls(demo):
    html = demo.page("news/2017/osce-visit-russia/index.html")
    assert 'href="../../../theme/css/site.css"' in html


def test_local_build_has_no_feeds(demo):
    assert not (demo.output / "feeds").exists()


def test_published_site_works_from_a_sub_path(published):
    assert published.error is None
    html = published.page("news/2017/osce-visit-russia/index.html")
    assert 'href="https://example.org/campaigns/theme/css/site.css"' in html
    assert check_site(published.output, "https://example.org/campaigns") == []


def test_published_site_has_a_valid_atom_feed(published):
    feed = ET.parse(published.output / "feeds/all.atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 8
    links = [e.find(f"{atom}link").get("href") for e in entries]
    assert all(link.startswith("https://example.org/campaigns/news/") for link in links)


def test_local_site_passes_the_site_checks(demo):
    assert check_site(demo.output) == []


def test_site_checks_find_planted_defects(tmp_path):
    write_files(
        tmp_path,
        {
            "404.html": "<!doctype html><title>x</title>",
            "index.html": """
            <!doctype html><title>x</title>
            <script src="https://cdn.example.com/x.js"></script>
            <p style="color:red" id="here"><a href="missing/">gone</a>
            <a href="#nowhere">fragment</a><a href="#here">fine</a>
            <img src="https://tracker.example.net/p.gif" alt="">
            <script>alert(1)</script>
        """,
        },
    )
    problems = check_site(tmp_path)
    assert any("cdn.example.com" in p for p in problems)
    assert any("tracker.example.net" in p for p in problems)
    assert any("broken link to missing/" in p for p in problems)
    assert any("'nowhere'" in p for p in problems)
    assert any("style attribute" in p for p in problems)
    assert any("inline <script>" in p for p in problems)
    assert not any("#here" in p for p in problems)


def test_strict_publish_of_broken_content_exits_non_zero(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")
    content = write_files(
        tmp_path / "content",
        {
            "news/bad.md": "Title: Bad\nDate: 2026-02-30\n\nText\n",
            "news/good.md": "Title: Good\nDate: 2026-01-02\n\nText\n",
        },
    )
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous")
    build = run_pelican(content, output, "publishconf.py", SITEURL="https://example.org")
    assert build.error is not None
    assert build.issues == [
        'news/bad.md: date: "2026-02-30" is not a date — write it as YYYY-MM-DD or '
        "YYYY-MM-DD HH:MM, e.g. 2026-02-08 09:00"
    ]
    assert (output / "index.html").read_text() == "previous"


def test_invoke_lists_every_task_with_a_one_line_explanation():
    listing = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in ("build", "clean", "serve", "livereload", "publish", "check", "test", "new"):
        line = next((line for line in listing.splitlines() if line.strip().startswith(name)), "")
        assert len(line.split(None, 1)) == 2, f"{name} has no explanation"


def test_livereload_restarts_for_code_and_settings_and_rebuilds_for_content_and_theme():
    """Python keeps the modules it has imported: only a new process runs changed plugin code."""
    watched = {}

    class Server:
        def watch(self, pattern, func):
            watched[pattern] = func

    tasks.watch(Server(), rebuild="rebuild", restart="restart")

    def reaction(relative: str) -> set:
        path = str(ROOT / relative)
        return {
            func for pattern, func in watched.items() if path in glob.glob(pattern, recursive=True)
        }

    for code in (
        "plugins/records/writer.py",
        "plugins/events/ical.py",
        "pelicanconf.py",
        "tasks.py",
    ):
        assert reaction(code) == {"restart"}, code
    for content in ("content/news/2017-02-osce-visit-russia.md", "content/pages/about.md"):
        assert reaction(content) == {"rebuild"}, content
    for theme in ("theme/templates/base.html", "theme/static/css/site.css"):
        assert reaction(theme) == {"rebuild"}, theme


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    command = re.search(r"```sh\n(python3 -m venv .venv && .*invoke test)\n```", readme)
    assert command, "the README's test command"
    assert command.group(1) in (ROOT / ".ci/run").read_text()


@contextlib.contextmanager
def preview(directory: Path):
    """``invoke serve``'s server over ``directory``, on a free port: its base address."""
    server = tasks._server(directory, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_invoke_serve_serves_clean_urls(demo):
    with preview(demo.output) as base, urllib.request.urlopen(f"{base}/news/") as response:
        assert response.status == 200
        assert b"<main" in response.read()


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("/no/such/page/", "404.html"),
        ("/fr/nulle-part/", "fr/404.html"),
        ("/campaigns/site/missing", "campaigns/site/404.html"),
    ],
)
def test_invoke_serve_answers_a_missing_address_with_the_nearest_404_page(
    demo, tmp_path, address, page
):
    root = tmp_path / "served"
    shutil.copytree(demo.output, root)
    shutil.copytree(demo.output, root / "campaigns/site")  # a site built for a sub-path
    with preview(root) as base, pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(base + address)
    assert error.value.code == 404
    assert error.value.read() == (root / page).read_bytes()
