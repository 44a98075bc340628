"""Safety gate: a page runs the theme's own scripts only, never moves on by itself, and sends
nothing off-site through a frame, a plugin or a form. Each flagged thing is planted once."""

import pytest

from sitecheck.safety import safety_problems
from tests.conftest import write_files

SITEURL = "https://example.org/campaigns"
THEIRS = "https://example.net"


def planted(tmp_path, markup: str, page: str = "index.html"):
    return write_files(
        tmp_path,
        {
            page: f"<!DOCTYPE html><html><head><title>Home</title></head><body>{markup}</body>",
            "theme/js/countdown.js": "",
        },
    )


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        (
            f'<meta http-equiv="Refresh" content="0; url={THEIRS}/">',
            '<meta http-equiv="refresh">',
        ),
        (f'<base href="{THEIRS}/">', "<base> element"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: URL in <a href>"),
        ('<a href=" JaVa&#x09;script:alert(1)">x</a>', "javascript: URL in <a href>"),
        ('<p data-next="vbscript:msgbox(1)">x</p>', "vbscript: URL in <p data-next>"),
        ('<a href="data:text/html,<b>x</b>">x</a>', "data: URL in <a href>"),
        ('<form action="data:text/html,x"></form>', "data: URL in <form action>"),
        ('<button formaction="data:text/html,x">Go</button>', "data: URL in <button formaction>"),
        ('<iframe src="data:text/html,x"></iframe>', "data: URL in <iframe src>"),
        ('<script src="data:text/javascript,alert(1)"></script>', "data: URL in <script src>"),
        (f'<script src="{THEIRS}/lib.js" defer></script>', "not one of the theme's scripts"),
        ('<script src="/campaigns/files/x.js"></script>', "not one of the theme's scripts"),
        ('<script src="theme/js/../../files/x.js"></script>', "not one of the theme's scripts"),
        ("<script>alert(1)</script>", "inline <script>"),
        ('<script type="module">import "./x.js";</script>', "inline <script>"),
        ('<button onclick="go()">Go</button>', "inline event handler onclick on <button>"),
        ('<img src="a.png" alt="" ONERROR="go()">', "inline event handler onerror on <img>"),
        (f'<iframe src="{THEIRS}/embed/1"></iframe>', "<iframe src> points off-site"),
        (f'<object data="{THEIRS}/x.swf"></object>', "<object data> points off-site"),
        ('<embed src="//example.net/x.swf">', "<embed src> points off-site"),
        (f'<form action="{THEIRS}/subscribe"></form>', "<form action> points off-site"),
        ('<form action="mailto:office@example.org"></form>', "<form action> points off-site"),
        (
            f'<form><button formaction="{THEIRS}/">Go</button></form>',
            "<button formaction> points off-site",
        ),
    ],
)
def test_each_unsafe_thing_is_reported_once(tmp_path, markup, problem):
    planted(tmp_path, markup)
    problems = safety_problems(tmp_path, SITEURL)
    assert len(problems) == 1, problems
    assert problems[0].startswith("index.html: ")
    assert problem in problems[0]


def test_the_themes_scripts_data_and_on_site_targets_pass(tmp_path):
    planted(
        tmp_path,
        """
        <script src="theme/js/countdown.js" defer></script>
        <script src="/campaigns/theme/js/countdown.js" defer></script>
        <script src="https://example.org/campaigns/theme/js/countdown.js" defer></script>
        <script type="application/ld+json">{"@type": "Event"}</script>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
        <a href="https://example.net/">another site</a> <a href="mailto:a@example.org">mail</a>
        <form action="search/"><button>Search</button></form>
        <p title="Once upon a time">text</p>
        """,
    )
    assert safety_problems(tmp_path, SITEURL) == []


def test_relative_urls_are_resolved_from_each_page(tmp_path):
    planted(
        tmp_path,
        '<script src="../../theme/js/countdown.js"></script><script src="../x.js"></script>',
        page="news/2026/index.html",
    )
    assert safety_problems(tmp_path) == [
        'news/2026/index.html: <script src="../x.js">: not one of the theme\'s scripts'
    ]


def test_the_published_demo_passes_the_gate(published):
    assert published.error is None
    assert safety_problems(published.output, SITEURL) == []
