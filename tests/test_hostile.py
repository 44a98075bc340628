"""Hostile content (tests/fixtures/hostile.py): refused with one line per file, or built with
every payload escaped or cleaned; in Chromium no payload runs and no page leaves the site."""

import os
from pathlib import Path

import icalendar
import pytest

from records import ContentError
from sitecheck.safety import safety_problems
from tests.conftest import FIXED_EPOCH, run_pelican, write_files
from tests.fixtures import hostile

PLUGINS = ["records", "i18n", "events", "campaigns", "media", "partners"]
TEXT_OUTPUTS = (".html", ".xml", ".json", ".css", ".txt", ".js")


def make_corpus(content: Path) -> None:
    write_files(content, hostile.SITE)
    write_files(content, hostile.VALID)
    for relative, (text, _field) in hostile.INVALID.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    for relative, target in hostile.LINKS.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).symlink_to(target)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The corpus built strict and local, with a fixed date."""
    root = tmp_path_factory.mktemp("hostile")
    make_corpus(root / "content")
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    try:
        found = {
            mode: run_pelican(
                root / "content",
                root / mode / "output",
                PLUGINS=PLUGINS,
                RECORDS_STRICT=mode == "strict",
                CACHE_PATH=str(root / mode / "cache"),
            )
            for mode in ("strict", "local")
        }
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return found


def refused() -> dict[str, str]:
    fields = {path: field for path, (_text, field) in hostile.INVALID.items()}
    return {**fields, **dict.fromkeys(hostile.LINKS, "file")}


def test_strict_build_names_each_hostile_file_on_one_line_and_stops(builds):
    build = builds["strict"]
    assert isinstance(build.error, ContentError)
    named = {line.split(": ", 1)[0]: line.split(": ", 2)[1] for line in build.issues}
    assert named == refused()
    assert len(build.issues) == len(refused()), "\n".join(build.issues)
    assert not build.output.exists()


def test_no_traceback_reaches_the_log(builds):
    for build in builds.values():
        with_traceback = [r.getMessage() for r in build.logs if r.exc_info]
        assert with_traceback == []
        assert not any("Traceback" in record.getMessage() for record in build.logs)


def test_local_build_skips_the_hostile_files_and_keeps_the_rest(builds):
    build = builds["local"]
    assert build.error is None
    written = {p.relative_to(build.output).as_posix() for p in build.output.rglob("*")}
    assert "news/2026/first-news/index.html" in written
    assert "events/xss-event/index.html" in written
    for gone in ("files/page.html", "files/script.js", "files/passwd.pdf", "escape.html"):
        assert gone not in written
    assert not any("escape" in path or "template" in path for path in written)
    assert "First news" in build.page("news/index.html")  # not replaced by pages/news.md
    assert not (build.output.parent / "escape.html").exists()


def test_nothing_outside_the_content_folder_is_published(builds):
    secrets = [Path(target).read_bytes() for target in hostile.LINKS.values()]
    for path in builds["local"].output.rglob("*"):
        if path.is_file():
            assert path.read_bytes() not in secrets, path


def test_no_page_carries_a_script_handler_refresh_or_off_site_target(builds):
    assert safety_problems(builds["local"].output, "") == []


def test_no_payload_appears_unescaped_in_any_output_file(builds):
    for path in builds["local"].output.rglob("*"):
        if path.suffix not in TEXT_OUTPUTS:
            continue
        text = path.read_text(encoding="utf-8")
        for payload in ("<script>pwn", "<img src=x", '" onmouseover="', "<iframe", "<svg><"):
            assert payload not in text, f"{path}: {payload}"


def test_calendars_carry_hostile_titles_as_text(builds):
    data = (builds["local"].output / "events/xss-event/xss-event.ics").read_bytes()
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"{hostile.SCRIPT} vigil"
    assert "<script>" not in str(event.get("DESCRIPTION", ""))


@pytest.mark.browser
def test_no_payload_runs_and_no_page_leaves_the_site_in_chromium(builds, browser):
    from tests.browser import serve  # noqa: PLC0415

    output = builds["local"].output
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    with serve(output) as base:
        page = browser.new_page()
        errors, dialogs, outside = [], [], []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on(
            "request",
            lambda request: None if request.url.startswith(base) else outside.append(request.url),
        )
        for relative in pages:
            page.goto(f"{base}/{relative}")
            page.wait_for_load_state("load")
            assert page.url.startswith(f"{base}/{relative}"), relative
            assert page.evaluate("typeof window.pwn") == "undefined"
        page.close()
        assert errors == [], errors
        assert dialogs == [], dialogs
        assert outside == [], outside
