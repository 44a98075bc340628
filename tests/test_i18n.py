"""UI strings and dates in the site's language, from the theme's Babel catalogs."""

from tests.conftest import ROOT, run_pelican


def test_a_french_site_speaks_french(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1768910400")
    build = run_pelican(ROOT / "content", tmp_path / "output", DEFAULT_LANG="fr")
    home = build.page("index.html")
    assert '<html lang="fr" dir="ltr">' in home
    assert "Aller au contenu principal" in home
    assert "janvier 2026" in home  # dates through Babel, in French
    campaign = build.page("campaigns/day-of-prayer/index.html")
    assert "dans 19 jours" in campaign


def test_a_right_to_left_language_sets_the_direction(tmp_path):
    build = run_pelican(ROOT / "content", tmp_path / "output", DEFAULT_LANG="ar")
    assert '<html lang="ar" dir="rtl">' in build.page("index.html")
