"""Incremental builds: a build that follows another writes exactly what a cold build of the same
content would write, byte for byte, whatever changed in between (a post, a translation, an
event, a partner's logo, a campaign's theme, a template, a setting, a deleted file, the
clock); and a build with nothing changed does not run at all.

One small site in two languages is edited step by step. After each edit it is built again
into the same folder, with its caches (the incremental build), and built cold into a folder of
its own (the reference); the two outputs must be the same files with the same bytes.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import FIXED_EPOCH, run_pelican, write_files

LANGUAGES = {"en": {}, "fr": {}}
LATER_EPOCH = str(int(FIXED_EPOCH) + 40 * 86400)  # 2026-03-01: the vigil is over


def logo(colour: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (240, 120), colour).save(data, "PNG")
    return data.getvalue()


CONTENT = {
    "news/vigil.md": """\
        Title: A vigil for the Day of Prayer
        Date: 2026-01-10 10:00
        Category: Campaigns
        Tags: vigil, prayer
        Campaign: day-of-prayer

        Communities gather on the eve of the day.
    """,
    "news/report.md": """\
        Title: A report on the network's year
        Date: 2026-01-12 10:00
        Author: Anna Rossi
        Category: Network
        Tags: report

        The network looks back on its year.
    """,
    "pages/about.md": "Title: About\n\nWho we are.\n",
    "events/vigil.md": """\
        Title: Vigil in Rome
        Start: 2026-02-07 19:00
        End: 2026-02-07 21:00
        Timezone: Europe/Rome
        Location: Rome
        Country: IT
        Campaign: day-of-prayer
        Edition: 2026
        Organizers: caritas
        Summary: An evening of prayer.

        Everyone is welcome.
    """,
    "partners/caritas.md": """\
        Title: Caritas
        Website: https://www.caritas.org/
        Logo: images/partners/caritas.png
        Country: international
        Kind: partner

        A confederation of charities.
    """,
    "images/partners/caritas.png": logo("#1f4e79"),
    "campaigns/day-of-prayer/index.md": """\
        Title: Day of Prayer against Human Trafficking
        Day: 02-08
        First-year: 2015
        Timezone: Europe/Rome
        Color: #7a2e8e
        Summary: A day of prayer and awareness.

        Each year on 8 February.
    """,
    "campaigns/day-of-prayer/2026.md": """\
        Theme: Peace begins with dignity

        This year's theme.
    """,
}


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def override_footer(overrides: Path, words: str) -> None:
    original = Path(__file__).parent.parent / "theme/templates/partials/site_footer.html"
    text = original.read_text(encoding="utf-8")
    marker = "</footer>"
    assert marker in text
    path = overrides / "partials/site_footer.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(marker, f"<p>{words}</p>{marker}"), encoding="utf-8")


# Each step changes the site; applied in this order, each on top of the ones before.
STEPS = {
    "a post's text": lambda c, o, s: edit(c, "news/vigil.md", "on the eve", "the evening before"),
    "a translation added": lambda c, o, s: write_files(
        c, {"news/vigil.fr.md": "Title: Une veillée\nTags: veillée\n\nLa veille du jour.\n"}
    ),
    "an event's time": lambda c, o, s: edit(c, "events/vigil.md", "19:00", "18:30"),
    "an event's title": lambda c, o, s: edit(c, "events/vigil.md", "Vigil in", "Night vigil in"),
    "a partner's logo": lambda c, o, s: write_files(
        c, {"images/partners/caritas.png": logo("#8a1c1c")}
    ),
    "a campaign's theme": lambda c, o, s: edit(
        c, "campaigns/day-of-prayer/2026.md", "Peace begins", "Hope begins"
    ),
    "a template": lambda c, o, s: override_footer(o, "Printed on recycled light."),
    "a setting": lambda c, o, s: s.update(SITENAME="Campaigns against trafficking"),
    "a deleted post": lambda c, o, s: (c / "news/report.md").unlink(),
    "the clock": lambda c, o, s: s.update(epoch=LATER_EPOCH),
}


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) under ``folder``: an incremental build starts
    from the folders of an earlier output (records.build), and must leave none that a cold
    build would not make."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


def differences(found: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    return sorted(
        [f"only in the incremental build: {p}" for p in found.keys() - expected.keys()]
        + [f"missing from the incremental build: {p}" for p in expected.keys() - found.keys()]
        + [f"differs: {p}" for p in found.keys() & expected.keys() if found[p] != expected[p]]
    )


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.html")}


def kept_pages(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """The pages a build kept from the previous output: the same file, not a new one with the
    same bytes."""
    return {path for path, inode in after.items() if before.get(path) == inode}


def build(content: Path, output: Path, overrides: Path, settings: dict):
    settings = dict(settings)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", settings.pop("epoch"))
        return run_pelican(
            content,
            output,
            LANGUAGES=LANGUAGES,
            RECORDS_STRICT=True,
            THEME_TEMPLATES_OVERRIDES=[str(overrides)],
            **settings,
        )


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    """{step: (differences from the cold build, the pages kept)} after each step in turn."""
    root = tmp_path_factory.mktemp("incremental")
    content = write_files(root / "content", CONTENT)
    overrides = root / "overrides"
    overrides.mkdir()
    output = root / "site" / "output"
    settings = {"epoch": FIXED_EPOCH}
    first = build(content, output, overrides, settings)
    assert first.error is None, first.error
    results = {}
    for number, (name, change) in enumerate(STEPS.items()):
        change(content, overrides, settings)
        before = inodes(output)
        warm = build(content, output, overrides, settings)
        cold = build(content, root / f"cold-{number}" / "output", overrides, settings)
        assert warm.error is None, (name, warm.error)
        assert cold.error is None, (name, cold.error)
        results[name] = (
            differences(tree(output), tree(cold.output)),
            kept_pages(before, inodes(output)),
        )
        shutil.rmtree(cold.output.parent)
    results["nothing"] = (root, output, overrides, settings)
    return results


@pytest.mark.parametrize("step", list(STEPS))
def test_an_incremental_build_writes_what_a_cold_build_writes(steps, step):
    found, _ = steps[step]
    assert found == []


@pytest.mark.parametrize("step", ["a post's text", "an event's time", "a partner's logo"])
def test_an_incremental_build_keeps_the_pages_the_change_does_not_touch(steps, step):
    _, kept = steps[step]
    assert len(kept) > 10


def test_a_news_page_is_kept_when_an_event_naming_a_partner_changes(steps):
    """A news page with an author reads each partner's name (is the author an organisation?), and
    the partner's history names the event by its title; the page read the name, not the
    history."""
    _, kept = steps["an event's title"]
    assert "news/2026/a-report-on-the-networks-year/index.html" in kept


def test_a_build_with_nothing_changed_does_not_run(steps):
    root, output, overrides, settings = steps["nothing"]
    before = {p: os.stat(p).st_mtime_ns for p in output.rglob("*")}
    again = build(root / "content", output, overrides, settings)
    assert again.error is None
    assert {p: os.stat(p).st_mtime_ns for p in output.rglob("*")} == before


def test_a_build_runs_again_when_its_output_was_touched(steps):
    root, output, overrides, settings = steps["nothing"]
    page = output / "index.html"
    page.write_text("changed by hand", encoding="utf-8")
    again = build(root / "content", output, overrides, settings)
    assert again.error is None
    assert "changed by hand" not in page.read_text(encoding="utf-8")


def test_the_replaced_output_is_kept_as_folders_without_files_for_the_next_build(steps):
    """Making a folder per page again in every build cost more than rendering the few pages an
    edit changes: the output a build replaces is emptied of its files and its folders become
    the next build's staging folder (records.build)."""
    _, output, _, _ = steps["nothing"]
    folders = output.parent / ".output.folders"
    assert (folders / "news").is_dir()
    assert [p for p in folders.rglob("*") if not p.is_dir() or p.is_symlink()] == []
