"""The theme's catalogs: current with the templates, complete, and right for their language.

The checks are those of ``invoke translations-check`` (``i18n.catalog_tools``); the tests with
a planted defect show that each kind of problem is caught, and caught alone.
"""

import shutil

import pytest
from babel.messages.catalog import Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import write_po
from invoke import Exit

import tasks
from i18n import catalog_tools
from records.catalogs import I18nSettings, load_translations

SHIPPED = ("de", "es", "fr", "it", "pl", "pt")
# The Babel locale of a catalog whose folder names only the language.
LOCALES = {"pt": "pt_PT"}  # the site is European: European Portuguese
LANGS = sorted({*SHIPPED, *catalog_tools.catalog_files()})


@pytest.fixture(scope="module")
def template():
    return catalog_tools.read_catalog(catalog_tools.TEMPLATE)


def test_messages_pot_is_current_with_the_templates(tmp_path):
    catalog_tools.extract(tmp_path / "messages.pot")
    extracted = catalog_tools.message_keys(catalog_tools.read_catalog(tmp_path / "messages.pot"))
    assert len(extracted) > 100  # the extraction really read the templates
    assert ("article details", "Author|Authors") in extracted  # contexts and plurals too
    assert catalog_tools.stale_template() == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_catalog_is_complete_and_correct(lang, template):
    po = catalog_tools.TRANSLATIONS / lang / "LC_MESSAGES/messages.po"
    assert po.is_file(), f"no catalog for {lang}"
    assert catalog_tools.check_catalog(po, template) == []


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_are_babels_for_the_language(lang):
    catalog = catalog_tools.read_catalog(catalog_tools.catalog_files()[lang])
    expected = get_plural(LOCALES.get(lang, lang))
    assert catalog.num_plurals == expected.num_plurals
    assert catalog.plural_expr == expected.plural_expr


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("pl", {1: "1 wpis", 3: "3 wpisy", 5: "5 wpisów", 12: "12 wpisów", 22: "22 wpisy"}),
        ("pt", {0: "0 notícias", 1: "1 notícia", 2: "2 notícias"}),  # pt_PT: 0 is plural
        ("fr", {0: "0 article", 1: "1 article", 2: "2 articles"}),
        ("de", {0: "0 Beiträge", 1: "1 Beitrag", 2: "2 Beiträge"}),
    ],
)
def test_the_compiled_catalogs_choose_the_right_plural(lang, counts):
    conf = I18nSettings(translations_dir=str(catalog_tools.TRANSLATIONS))
    translations = load_translations(conf, lang)
    for n, text in counts.items():
        assert translations.ngettext("%(num)d post", "%(num)d posts", n) % {"num": n} == text


def _plant(tmp_path, change, folder="fr"):
    """The French catalog, changed by ``change(catalog)``, in ``<tmp>/<folder>/…``."""
    catalog = catalog_tools.read_catalog(catalog_tools.catalog_files()["fr"])
    change(catalog)
    po = tmp_path / folder / "LC_MESSAGES/messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as f:
        write_po(f, catalog)
    return po


def _set(msgid, string, context=None):
    def change(catalog):
        catalog.get(msgid, context=context).string = string

    return change


def _fuzzy(catalog):
    catalog.get("Home").flags.add("fuzzy")


def _obsolete(catalog):
    catalog.obsolete["Old"] = Message("Old", "Ancien")


def _localise_as(locale):
    def change(catalog):
        catalog.locale = locale

    return change


@pytest.mark.parametrize(
    ("change", "folder", "problem"),
    [
        (_fuzzy, "fr", "'Home': fuzzy"),
        (_set("Home", ""), "fr", "'Home': untranslated"),
        (
            _set(("Organizer", "Organizers"), ("Organisateur", "", "Organisateurs")),
            "fr",
            "'Organizer|Organizers': a plural form is untranslated",
        ),
        (
            _set("Page %(number)d", "Page %(page)d"),
            "fr",
            "placeholders ['%(page)d'] in 'Page %(page)d', the English has ['%(number)d']",
        ),
        (_set("Page %(number)d", "Page %(number)d sur 100 %"), "fr", "a lone %"),
        (_set("Home", "<b>Accueil</b>"), "fr", "the string is inserted as HTML"),
        (
            _set("Partner", "", context="partner kind"),
            "fr",
            "'Partner' (context 'partner kind'): untranslated",
        ),
        (lambda catalog: catalog.delete("Home"), "fr", "missing 'Home'"),
        (lambda catalog: catalog.add("Gone", "Parti"), "fr", "not in messages.pot: 'Gone'"),
        (_obsolete, "fr", "obsolete (#~) 'Old'"),
        (lambda catalog: None, "de", "Language fr in the folder de"),
        (_localise_as("it"), "it", "Plural-Forms 'nplurals=3; plural=(n == 0 || n == 1)"),
    ],
)
def test_each_kind_of_problem_is_reported_alone(tmp_path, template, change, folder, problem):
    po = _plant(tmp_path, change, folder)
    problems = catalog_tools.check_catalog(po, template)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{po}: ")
    assert problem in problems[0]


def test_a_catalog_that_does_not_parse_is_reported(tmp_path, template):
    po = _plant(tmp_path, lambda catalog: None)
    forms = "".join(f'msgstr[{n}] "Jours"\n' for n in range(4))  # French has 3
    extra = f'msgid "Day"\nmsgid_plural "Days"\n{forms}'
    po.write_text(f"{po.read_text()}\n{extra}")
    (problem,) = catalog_tools.check_catalog(po, template)
    assert "not a valid .po file" in problem


def test_a_pot_behind_the_templates_is_reported(tmp_path):
    template = catalog_tools.read_catalog(catalog_tools.TEMPLATE)
    template.delete("Skip to main content")
    template.add("Not in any template")
    pot = tmp_path / "messages.pot"
    with pot.open("wb") as f:
        write_po(f, template)
    assert catalog_tools.stale_template(pot) == [
        f"{pot}: not extracted yet: 'Skip to main content': run `invoke translations-update`",
        f"{pot}: no longer in the templates: 'Not in any template': "
        "run `invoke translations-update`",
    ]


def test_update_brings_new_and_changed_strings_to_translate(tmp_path):
    """``invoke translations-update``: new strings empty, changed ones fuzzy, gone ones out."""
    translations = tmp_path / "translations"
    shutil.copytree(catalog_tools.TRANSLATIONS / "fr", translations / "fr")
    changed = catalog_tools.read_catalog(catalog_tools.TEMPLATE)
    changed.add("Pray with us")
    changed.delete("Download this event (.ics file)")
    changed.add("Download this event (iCalendar file)")
    changed.delete("Home")
    pot = tmp_path / "messages.pot"
    with pot.open("wb") as f:
        write_po(f, changed)
    catalog_tools.update(pot, translations)
    problems = catalog_tools.check_catalog(translations / "fr/LC_MESSAGES/messages.po", changed)
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "'Pray with us': untranslated",
        "'Download this event (iCalendar file)': fuzzy: "
        "check the translation, then delete the `#, fuzzy` line",
    ]
    updated = catalog_tools.read_catalog(translations / "fr/LC_MESSAGES/messages.po")
    assert updated.get("Download this event (iCalendar file)").string == (
        "Télécharger cet événement (fichier .ics)"  # the old translation, to check
    )
    assert updated.get("Home") is None
    assert not updated.obsolete


def test_add_starts_a_catalog_with_the_languages_plural_forms(tmp_path, template):
    po = catalog_tools.add("pt", "pt_PT", translations=tmp_path)
    assert po == tmp_path / "pt/LC_MESSAGES/messages.po"
    problems = catalog_tools.check_catalog(po, template)
    assert len(problems) == len(template)  # one per string: untranslated, and nothing else
    assert all(problem.endswith(": untranslated") for problem in problems)
    with pytest.raises(FileExistsError):
        catalog_tools.add("pt", translations=tmp_path)
    with pytest.raises(ValueError, match="unknown locale 'xx'"):
        catalog_tools.add("xx", translations=tmp_path)


def test_invoke_translations_check_passes_on_the_shipped_catalogs(capsys):
    tasks.translations_check.body(None)
    assert f"Every catalog ({', '.join(LANGS)}) translates all" in capsys.readouterr().out


def test_invoke_translations_check_lists_the_problems_and_exits_1(monkeypatch, capsys):
    monkeypatch.setattr(catalog_tools, "check_all", lambda: ["de: 'Home': untranslated"])
    with pytest.raises(Exit) as failure:
        tasks.translations_check.body(None)
    assert failure.value.code == 1
    assert capsys.readouterr().out == "de: 'Home': untranslated\n"


def test_extraction_rewrites_the_pot_only_when_a_string_changed(tmp_path):
    pot = tmp_path / "messages.pot"
    shutil.copy(catalog_tools.TEMPLATE, pot)
    committed = pot.read_text()
    assert not catalog_tools.extract_if_changed(pot)  # only the date would change
    assert pot.read_text() == committed
    pot.write_text(committed.replace('msgid "Skip to main content"', 'msgid "Skip to content"'))
    assert catalog_tools.extract_if_changed(pot)
    assert catalog_tools.stale_template(pot) == []
