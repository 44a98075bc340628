"""Builds with Pelican's cache warm: a second build, reading posts and pages from the cache,
writes the same site as the first, in every language (as livereload, `invoke deploy` run
after run and the deploy workflow's kept .cache/ need)."""

from pathlib import Path

NEWS = {
    "news/vigil.md": "Title: Vigil\nDate: 2026-01-10\nTags: Day of Prayer, vigil\n\nText.\n",
    "news/vigil.fr.md": "Title: Veillée\nTags: Journée de prière\n\nTexte.\n",
    "news/only-english.md": "Title: Only\nDate: 2026-01-11\nTags: vigil\n\nText.\n",
    "pages/about.md": "Title: About\n\nWho we are.\n",
}
LANGUAGES = {"en": {"locale": "en_GB"}, "fr": {}}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_warm_build_writes_what_the_cold_one_wrote(site):
    cold = site(NEWS, LANGUAGES=LANGUAGES, SITEURL="https://example.org", RECORDS_STRICT=True)
    assert cold.error is None
    first = tree(cold.output)
    assert "fr/news/tag/vigil/index.html" in first  # an untranslated post's tag, in French
    warm = site(NEWS, LANGUAGES=LANGUAGES, SITEURL="https://example.org", RECORDS_STRICT=True)
    assert warm.error is None, warm.error
    assert tree(warm.output) == first
