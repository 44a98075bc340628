"""The one writer of a build: one writer per path, nothing outside the output, whole files
readable by everyone, and no staging folder left behind by a build that crashed."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from records.writer import WriteError, Writer
from tests.conftest import FIXED_EPOCH, FIXTURES, ROOT, write_files
from tests.fixtures.partners import images

NEWS = "Title: First\nDate: 2026-01-10\n\nText.\n"


def pelican_cli(tmp_path: Path, plugins: list[str], **settings) -> subprocess.CompletedProcess:
    """Build ``tmp_path/content`` into ``tmp_path/output`` with the ``pelican`` command."""
    settings = {
        "PLUGIN_PATHS": [str(ROOT / "plugins"), str(FIXTURES / "plugins")],
        "PLUGINS": plugins,
        "CACHE_PATH": str(tmp_path / ".cache"),
        **settings,
    }
    command = [sys.executable, "-m", "pelican", str(tmp_path / "content")]
    command += ["-o", str(tmp_path / "output"), "-s", str(ROOT / "pelicanconf.py")]
    command += ["--log-handler", "plain", "-e"]
    command += [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    return subprocess.run(
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH},
        timeout=300,
        check=False,
    )


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def modes(output: Path) -> dict:
    """The entries of ``output`` (itself included) whose mode is not 0755 or 0644."""
    wrong = {}
    for path in [output, *output.rglob("*")]:
        expected = 0o755 if path.is_dir() else 0o644
        if stat.S_IMODE(path.stat().st_mode) != expected:
            wrong[str(path.relative_to(output))] = oct(stat.S_IMODE(path.stat().st_mode))
    return wrong


@pytest.fixture
def previous(tmp_path) -> dict:
    """A first good build of a one-post site, whose output a failed build must leave alone."""
    write_files(tmp_path / "content", {"news/first.md": NEWS})
    assert pelican_cli(tmp_path, ["records", "i18n"]).returncode == 0
    return snapshot(tmp_path / "output")


def test_two_plugins_writing_one_path_end_the_build_with_one_line_naming_both(tmp_path, previous):
    result = pelican_cli(tmp_path, ["records", "i18n", "clash"])
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    assert lines == [
        "WriteError: notes/shared.txt: written by both FirstNotes (clash) and SecondNotes "
        "(clash) — every output path has one writer: give one of them another path"
    ]
    assert snapshot(tmp_path / "output") == previous


@pytest.mark.parametrize(
    ("save_as", "owner"),
    [
        ("files/report.pdf", "static file files/report.pdf"),
        ("theme/css/site.css", "theme file static/css/site.css"),
    ],
)
def test_a_page_on_the_path_of_a_static_or_theme_file_is_a_clash(site, save_as, owner):
    build = site(
        {
            "pages/report.md": f"Title: Report\nSave_as: {save_as}\n\nText.\n",
            "files/report.pdf": b"%PDF-1.4\n",
        },
        EXTRA_CONTENT_KEYS=["save_as"],  # the site lets its editors choose paths
    )
    assert isinstance(build.error, WriteError)
    assert str(build.error).startswith(
        f"{save_as}: written by both {owner} and PagesGenerator (pelican.generators) — "
    )


def test_a_page_may_replace_another_with_save_as_where_a_site_allows_the_key(site):
    build = site(
        {"pages/home.md": "Title: Welcome\nSave_as: index.html\n\nOur own home.\n"},
        EXTRA_CONTENT_KEYS=["save_as"],
    )
    assert build.error is None
    assert "Our own home." in build.page("index.html")


@pytest.mark.parametrize("path", ["../escape.txt", "news/../../escape.txt", "{tmp}/escape.txt"])
def test_a_path_outside_the_output_folder_is_refused(tmp_path, path):
    writer = Writer(str(tmp_path / "output"))
    with pytest.raises(WriteError, match="is outside the output folder"):
        writer.write_text(path.format(tmp=tmp_path), "escaped")
    assert not (tmp_path / "escape.txt").exists()


def test_a_path_through_a_link_that_leads_out_of_the_output_folder_is_refused(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "output" / "link").symlink_to(tmp_path / "elsewhere")
    writer = Writer(str(tmp_path / "output"))
    with pytest.raises(WriteError, match="is outside the output folder"):
        writer.write_bytes("link/escape.txt", b"escaped")
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_write_leaves_the_file_and_no_temporary_file(tmp_path):
    cached = tmp_path / "cached.png"
    cached.write_bytes(b"png")
    writer = Writer(str(tmp_path / "output"))
    writer.write_text("a/page.txt", "text")
    writer.write_bytes("a/data.bin", b"bytes")
    writer.place("a/image.png", str(cached))
    writer.write_file("a/index.html", jinja2.Template("<p>"), {})
    names = sorted(p.name for p in (tmp_path / "output" / "a").iterdir())
    assert names == ["data.bin", "image.png", "index.html", "page.txt"]


def test_a_write_that_fails_half_way_keeps_the_previous_file_whole(tmp_path):
    page = tmp_path / "output" / "index.html"
    page.parent.mkdir()
    page.write_text("previous")
    writer = Writer(str(tmp_path / "output"))

    def fail_half_way(file):
        file.write("half a page")
        raise RuntimeError("the feed failed")

    with pytest.raises(RuntimeError), writer._open_w(str(page), "utf-8") as file:
        fail_half_way(file)
    assert [p.name for p in page.parent.iterdir()] == ["index.html"]
    assert page.read_text() == "previous"


def test_the_writer_s_files_and_folders_are_readable_by_all_whatever_the_umask(tmp_path):
    cached = tmp_path / "cached.png"
    cached.write_bytes(b"png")
    umask = os.umask(0o077)
    try:
        writer = Writer(str(tmp_path / "output"))
        writer.write_text("a/b/page.txt", "text")
        writer.write_bytes("c/data.bin", b"bytes")
        writer.place("d/image.png", str(cached), link=False)
    finally:
        os.umask(umask)
    assert modes(tmp_path / "output") == {}


TINY_SITE = {
    "news/first.md": NEWS + "\n![Candles in the chapel](../images/candles.png)\n",
    "pages/about.md": "Title: About\n\nWho we are.\n",
    "partners/talitha-kum.md": "Title: Talitha Kum\nWebsite: https://www.talithakum.info/\n",
    "campaigns/day-of-prayer/index.md": "Title: Day of Prayer\nDay: 02-08\nColor: #aa3300\n",
    "events/vigil.md": (
        "Title: Vigil\nStart: 2026-02-08 09:00\nTimezone: Europe/Rome\n"
        "Campaign: day-of-prayer\n\nThe programme.\n"
    ),
    "images/candles.png": images.logo_png(),
    "files/leaflet.pdf": b"%PDF-1.4\n",
}


@pytest.fixture
def tiny_site(site, tmp_path):
    """Build a small site with every plugin of the kit, an image and a private (0600) file."""

    def build(**settings):
        write_files(tmp_path / "content", TINY_SITE)
        (tmp_path / "content" / "files" / "leaflet.pdf").chmod(0o600)
        plugins = ["records", "i18n", "events", "campaigns", "media", "partners"]
        overrides = {"THEME_TEMPLATES_OVERRIDES": [], "MEDIA_WORKERS": 1, **settings}
        return site({}, plugins=plugins, **overrides)

    return build


def test_every_file_and_folder_of_a_built_site_is_readable_by_all_whatever_the_umask(tiny_site):
    umask = os.umask(0o077)
    try:
        build = tiny_site()
    finally:
        os.umask(umask)
    assert build.error is None
    for written in ("events/events.ics", "campaigns/colours.css", "files/leaflet.pdf"):
        assert (build.output / written).is_file()
    assert modes(build.output) == {}


def test_making_a_linked_static_file_readable_never_changes_its_source(tiny_site, tmp_path):
    build = tiny_site(STATIC_CREATE_LINKS=True)
    assert modes(build.output) == {}
    assert stat.S_IMODE((tmp_path / "content/files/leaflet.pdf").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("crash", "message"),
    [
        ("RuntimeError", "RuntimeError: a plugin's bug"),
        ("KeyboardInterrupt", "Keyboard interrupt received"),
    ],
)
def test_a_build_that_crashes_leaves_no_staging_folder_and_the_previous_output(
    tmp_path, previous, crash, message
):
    result = pelican_cli(tmp_path, ["records", "i18n", "crash"], CRASH_WITH=crash)
    assert message in result.stderr
    assert not (tmp_path / ".output.staging").exists()
    assert snapshot(tmp_path / "output") == previous
