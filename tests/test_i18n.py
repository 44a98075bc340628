"""UI strings and dates in the site's language, from the theme's Babel catalogs."""

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import ROOT, run_pelican

CATALOG = ROOT / "theme/translations/fr/LC_MESSAGES/messages.po"


def _template_messages() -> set[str]:
    found = extract_from_dir(
        str(ROOT / "theme/templates"),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    return {m[2] if isinstance(m[2], str) else m[2][0] for m in found}


def test_every_ui_string_of_the_templates_has_a_french_translation():
    with CATALOG.open("rb") as po:
        catalog = read_po(po)
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    in_templates = _template_messages()
    assert len(in_templates) > 100  # the extraction really read the templates
    assert sorted(in_templates - translated) == []


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
