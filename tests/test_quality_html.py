"""HTML validity gate: the W3C Nu HTML Checker finds no error in any page or stylesheet of the
demo build, local or published from a sub-path. One Java process checks every folder."""

import pytest

from sitecheck.vnu import validate
from tests.conftest import write_files
from tests.quality import require_vnu

pytestmark = pytest.mark.gates


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    return write_files(
        tmp_path_factory.mktemp("planted"),
        {
            "index.html": """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Planted</title>
            </head><body><main><blink>Not an element of HTML</blink></main></body></html>
            """,
            "theme/css/site.css": "main { colr: red; }\n",
        },
    )


@pytest.fixture(scope="module")
def messages(demo, published, planted):
    """Every error, from one run of the checker over the three folders."""
    folders = [build.output for build in (demo, published) if build.output.is_dir()]
    return validate(*folders, planted, command=require_vnu())


def errors_in(messages, folder):
    return [m.relative_to(folder) for m in messages if m.path.is_relative_to(folder.resolve())]


def test_every_demo_page_is_valid_html(demo, messages):
    assert errors_in(messages, demo.output) == []


def test_every_published_page_is_valid_html(published, messages):
    assert published.error is None
    assert errors_in(messages, published.output) == []


def test_checker_finds_an_invalid_element(planted, messages):
    errors = errors_in(messages, planted)
    assert any(e.startswith("index.html:") and "blink" in e for e in errors), errors


def test_checker_finds_an_invalid_stylesheet(planted, messages):
    errors = errors_in(messages, planted)
    assert any(e.startswith("theme/css/site.css:") and "colr" in e for e in errors), errors
