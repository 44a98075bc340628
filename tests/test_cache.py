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


def test_files_are_not_hashed_for_a_cache_that_is_never_kept(site, monkeypatch):
    """Pelican caches what its readers make; yet its generators hashed each post twice more a
    build to check it against a cache of their own that is off, and its static generator
    every static file (CHECK_MODIFIED_METHOD = "md5"). A changed static file is still
    published as it is now."""
    import hashlib  # noqa: PLC0415

    hashed = []
    md5 = hashlib.md5

    def counting_md5(data=b"", **options):
        hashed.append(bytes(data))
        return md5(data, **options)

    monkeypatch.setattr(hashlib, "md5", counting_md5)
    files = {**NEWS, "files/guide.txt": b"A guide for parishes, first edition.\n"}
    first = site(files, STATIC_PATHS=["files"])
    assert first.error is None
    assert (first.output / "files/guide.txt").read_bytes() == files["files/guide.txt"]
    # Pelican's readers' cache: once to look the page up, once to keep it; no more.
    assert sum(b"Who we are" in data for data in hashed) == 2
    assert not any(b"A guide for parishes" in data for data in hashed)
    files["files/guide.txt"] = b"A guide for parishes, second edition.\n"
    second = site(files, STATIC_PATHS=["files"])
    assert second.error is None
    assert (second.output / "files/guide.txt").read_bytes() == files["files/guide.txt"]


def test_a_build_freezes_what_it_made_and_the_next_build_unfreezes_it_first(site):
    """What a build holds to its end is kept out of the garbage collector's sight (records.
    collector): the interpreter's last collection has nothing to visit. A next build in the
    same process (livereload) first makes it collectable again."""
    import gc  # noqa: PLC0415

    from records import collector  # noqa: PLC0415

    first = site(NEWS)
    assert first.error is None
    assert gc.get_freeze_count() > 0
    collector.start()  # as the next build does first
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold()[2] == collector.FULL_AFTER
