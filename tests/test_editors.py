"""What editors do without a developer: start a file of any kind, preview drafts, publish."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from invoke import Context, Exit

import tasks
from tests.conftest import FIXED_EPOCH, ROOT, run_pelican

NEW = [
    ("post", "Prayer vigil in Lisbon", {}),
    ("page", "Volunteer with us", {}),
    ("event", "Online rosary for survivors", {"online": "https://example.org/live"}),
    ("partner", "Sisters of the Good Shepherd", {}),
    ("campaign", "Week of awareness", {}),
    ("edition", "Hope is a journey", {"campaign": "day-of-prayer"}),
    ("translation", "content/pages/contact.md", {"lang": "it"}),
]


@pytest.fixture
def content(tmp_path, monkeypatch):
    """A copy of the demo content that `invoke new` writes into."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    monkeypatch.setattr(tasks, "CONTENT", copy)
    monkeypatch.chdir(tmp_path)  # a translation's original is given from the repository
    return copy


def made_by_new(content: Path) -> list[Path]:
    made = []
    for kind, title, options in NEW:
        before = set(content.rglob("*.md"))
        tasks.new(Context(), kind, title, **options)
        [path] = set(content.rglob("*.md")) - before
        made.append(path)
    return made


def publish(content: Path, output: Path, media_cache: str):
    site = "https://example.org"
    return run_pelican(
        content,
        output,
        "publishconf.py",
        SITEURL=site,
        FEED_DOMAIN=site,
        MEDIA_CACHE_PATH=media_cache,
    )


def test_every_kind_of_new_file_is_a_named_draft_with_every_key_explained(content):
    for path, (kind, _title, _options) in zip(made_by_new(content), NEW, strict=True):
        text = path.read_text(encoding="utf-8")
        assert "Status: draft" in text.splitlines(), path
        assert "<!--" in text, f"{path}: a note listing every key"
        if kind != "translation":
            assert "(required)" in text
    assert (content / "campaigns/day-of-prayer/2027.md").is_file()  # the next edition
    assert (content / "pages/contact.it.md").is_file()


def test_new_files_build_strict_without_a_warning_once_the_draft_line_goes(
    content, tmp_path, media_cache
):
    for path in made_by_new(content):
        text = path.read_text(encoding="utf-8").replace("Status: draft\n", "")
        path.write_text(text, encoding="utf-8")
    build = publish(content, tmp_path / "output", media_cache)
    assert build.error is None, build.issues
    assert [r.getMessage() for r in build.logs] == []
    assert (tmp_path / "output/events/online-rosary-for-survivors/index.html").is_file()
    assert (tmp_path / "output/it/contact/index.html").is_file()


def test_a_draft_never_reaches_a_production_build(content, tmp_path, media_cache):
    made_by_new(content)
    build = publish(content, tmp_path / "output", media_cache)
    assert build.error is None, build.issues
    for path in (tmp_path / "output").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            for _kind, title, _options in NEW[:-1]:
                assert title not in text, f"{path}: {title}"


def test_a_draft_shows_in_previews_with_a_banner(content, tmp_path, media_cache):
    made_by_new(content)
    build = run_pelican(content, tmp_path / "output", MEDIA_CACHE_PATH=media_cache)
    html = build.page("events/online-rosary-for-survivors/index.html")
    assert 'class="draft-banner"' in html
    assert "Online rosary for survivors" in build.page("events/index.html")
    feed = (tmp_path / "output/events/events.ics").read_text(encoding="utf-8")
    assert "Online rosary" not in feed  # calendars never carry a draft


def test_new_refuses_to_overwrite_a_file(content):
    tasks.new(Context(), "page", "Volunteer with us")
    with pytest.raises(Exit, match="already exists"):
        tasks.new(Context(), "page", "Volunteer with us")


@pytest.mark.parametrize(
    ("kind", "title", "options", "message"),
    [
        ("poster", "A title", {}, "is not a kind of file"),
        ("page", "!!!", {}, "no letters or digits"),
        ("edition", "A theme", {"campaign": "nothing"}, 'no campaign "nothing"'),
        ("translation", "content/pages/contact.md", {}, "say which language"),
        ("translation", "content/pages/contact.md", {"lang": "xx"}, "not one of the site"),
    ],
)
def test_new_explains_what_stops_it(content, kind, title, options, message):
    with pytest.raises(Exit, match=message):
        tasks.new(Context(), kind, title, **options)
    assert os.path.isdir(content)


def lint(capsys) -> tuple[int, str]:
    try:
        tasks.lint(Context())
    except Exit as finished:
        return finished.code, capsys.readouterr().out + str(finished.message)
    return 0, capsys.readouterr().out


def test_lint_finds_nothing_in_clean_content(content, capsys):
    code, out = lint(capsys)
    assert code == 0
    assert "No problem found" in out


def test_lint_names_each_problem_under_its_file_with_its_fix(content, capsys):
    from tests.fixtures import hostile  # noqa: PLC0415

    for relative, (text, _field) in hostile.INVALID.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    code, out = lint(capsys)
    assert code == 1
    blocks = {}
    for line in out.splitlines():
        if line.startswith("content/"):
            current = blocks.setdefault(line.removeprefix("content/"), [])
        elif line.startswith("  ") and not line.startswith("    "):
            current.append(line.strip().split(":", 1)[0])
        elif line.startswith("    fix: "):
            assert line.strip() != "fix:", "every problem has its fix"
    assert {path: fields[0] for path, fields in blocks.items()} == {
        path: field for path, (_text, field) in hostile.INVALID.items()
    }
    assert not (content.parent / "output").exists(), "lint writes no site"


# An editor's everyday mistakes, one a file: path -> (text, field, part of the message)
MISTAKES = {
    "events/no-start.md": ("Title: Vigil\nTimezone: Europe/Rome\n", "start", "missing"),
    "news/bad-date.md": (
        "Title: Bad date\nDate: 2026-02-30\n\nText.\n",
        "date",
        '"2026-02-30" is not a date',
    ),
    "events/backwards.md": (
        "Title: Backwards\nStart: 2026-03-10 10:00\nEnd: 2026-03-10 09:00\nTimezone: Europe/Rome\n",
        "end",
        "is before Start",
    ),
    "events/unknown-organizer.md": (
        "Title: Unknown\nStart: 2026-03-10 10:00\nTimezone: Europe/Rome\nOrganizers: caritas\n",
        "organizers",
        'did you mean "caritas-internationalis"',
    ),
    "events/abbreviated-zone.md": (
        "Title: Abbreviated\nStart: 2026-03-10 10:00\nTimezone: CET\n",
        "timezone",
        'did you mean "Europe/Brussels"',
    ),
    "campaigns/new-day/index.md": (
        "Title: New day\nDay: 03-01\nColor: red\n\nText.\n",
        "color",
        "not a #rrggbb colour",
    ),
    "partners/bad-country.md": (
        "Title: Bad country\nWebsite: https://example.org/\nCountry: Italy\n",
        "country",
        "not an ISO 3166-1 country code",
    ),
}


def test_lint_names_each_everyday_mistake_with_its_file_field_and_fix(content, capsys):
    for relative, (text, _field, _message) in MISTAKES.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    code, out = lint(capsys)
    assert code == 1
    found, lines = {}, iter(out.splitlines())
    for line in lines:
        if line.startswith("content/"):
            problem, fix = next(lines), next(lines)
            found[line.removeprefix("content/")] = (problem.strip(), fix.strip())
    assert set(found) == set(MISTAKES), out
    for relative, (_text, field, message) in MISTAKES.items():
        problem, fix = found[relative]
        assert problem.startswith(f"{field}: "), problem
        assert message in problem, problem
        assert re.fullmatch(r"fix: \w.{5,}", fix), fix
    assert f"{len(MISTAKES)} problems in {len(MISTAKES)} file(s)" in out


def test_log_lines_are_single_plain_lines_in_a_narrow_terminal(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages/typo.md").write_text("Title: Typo\nSlgu: typo\n\nText.\n", encoding="utf-8")
    script = (
        "import sys, tasks, invoke, pathlib\n"
        f"tasks.CONTENT = pathlib.Path({str(content)!r})\n"
        f"tasks.OUTPUT = pathlib.Path({str(tmp_path / 'output')!r})\n"
        "tasks.build(invoke.Context())\n"
    )
    env = {**os.environ, "COLUMNS": "40", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        'warning: pages/typo.md: slgu: is not a key this kind of file takes (did you mean "slug"?)'
        " — correct its spelling, or remove the line (docs/editors.md lists every key)",
        "warning: 1 content error: the files named above were skipped (a strict build would stop)",
    ]
