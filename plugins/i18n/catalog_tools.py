"""The theme's catalogs, for maintainers: extract, update, add and check them.

Used by the ``invoke translations-*`` tasks (``tasks.py``) and by ``tests/test_catalogs.py``,
never at build time: the build only reads the catalogs (:mod:`records.catalogs`).

The paths are this repository's: the templates in ``theme/templates`` (and the events
plugin's rules in words, ``plugins/events/words.py``), the extraction config
``theme/babel.cfg``, the template catalog ``theme/translations/messages.pot`` and one
``theme/translations/<lang>/LC_MESSAGES/messages.po`` per language.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po

from records.catalogs import compile_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "theme/translations"
TEMPLATE = TRANSLATIONS / "messages.pot"

# pybabel extract's options, relative to ROOT: the .pot's references read theme/templates/….
# The events plugin's phrases of recurrence rules in words (plugins/events/words.py) are
# UI strings too, written outside a template.
EXTRACT_OPTIONS = (
    "--mapping-file=theme/babel.cfg",
    "--add-comments=Translators:",
    "--project=RENATE Pelican theme",
    "--copyright-holder=RENATE",
    "theme/templates",
    "plugins/events",
)

# A %-format conversion such as %(num)d, %s or %%. Jinja formats every translated string with
# %, even one without variables, so a lone % breaks the page.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[#0 +-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa%]")
CREATION_DATE = re.compile(r'^"POT-Creation-Date: .*\n', re.MULTILINE)


def pybabel(*args: str) -> None:
    """Run a pybabel command (``"extract", "-o", …``) in this process, quietly."""
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def read_catalog(path: Path) -> Catalog:
    """A ``.po`` or ``.pot`` file as a Babel catalog."""
    with path.open("rb") as f:
        return read_po(f)


def catalog_files(translations: Path = TRANSLATIONS) -> dict[str, Path]:
    """Every language's ``messages.po``, by the name of its folder (``fr``, ``pt``…)."""
    found = sorted(translations.glob("*/LC_MESSAGES/messages.po"))
    return {po.parent.parent.name: po for po in found}


def extract(output: Path) -> None:
    """Extract the UI strings of the templates into the template catalog ``output``."""
    with contextlib.chdir(ROOT):
        pybabel("extract", f"--output-file={output}", *EXTRACT_OPTIONS)


def extract_if_changed(pot: Path = TEMPLATE) -> bool:
    """Extract again into ``pot``, rewriting it only if more than its date changed."""
    with tempfile.TemporaryDirectory() as temp:
        fresh = Path(temp) / pot.name
        extract(fresh)
        text = fresh.read_text(encoding="utf-8")
    old = pot.read_text(encoding="utf-8") if pot.exists() else ""
    if CREATION_DATE.sub("", text) == CREATION_DATE.sub("", old):
        return False
    pot.write_text(text, encoding="utf-8")
    return True


def update(pot: Path = TEMPLATE, translations: Path = TRANSLATIONS) -> None:
    """Merge ``pot`` into every catalog: new strings empty, changed ones fuzzy, gone ones out."""
    pybabel("update", f"--input-file={pot}", f"--output-dir={translations}", "--ignore-obsolete")


def add(
    lang: str, locale: str = "", pot: Path = TEMPLATE, translations: Path = TRANSLATIONS
) -> Path:
    """Create the catalog of ``lang`` (for the Babel ``locale``, default ``lang``) from ``pot``.

    Raises FileExistsError if it exists, ValueError if Babel does not know the locale.
    """
    po = translations / lang / "LC_MESSAGES/messages.po"
    if po.exists():
        raise FileExistsError(po)
    try:
        Locale.parse(locale or lang)
    except UnknownLocaleError as error:
        raise ValueError(str(error)) from None
    pybabel("init", f"--input-file={pot}", f"--output-file={po}", f"--locale={locale or lang}")
    return po


def message_keys(catalog: Catalog) -> set[tuple[str, str]]:
    """Each message as ``(context, msgid)``, the msgid of a plural being ``singular|plural``."""
    return {_key(message) for message in catalog if message.id}


def _key(message: Message) -> tuple[str, str]:
    msgid = message.id if isinstance(message.id, str) else "|".join(message.id)
    return message.context or "", msgid


def _describe(key: tuple[str, str]) -> str:
    context, msgid = key
    return repr(msgid) + (f" (context {context!r})" if context else "")


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def stale_template(pot: Path = TEMPLATE) -> list[str]:
    """The UI strings that differ between the templates and ``pot``: [] if it is current."""
    with tempfile.TemporaryDirectory() as temp:
        fresh = Path(temp) / "messages.pot"
        extract(fresh)
        in_templates = message_keys(read_catalog(fresh))
    in_pot = message_keys(read_catalog(pot))
    advice = "run `invoke translations-update`"
    return [
        f"{_relative(pot)}: not extracted yet: {_describe(key)}: {advice}"
        for key in sorted(in_templates - in_pot)
    ] + [
        f"{_relative(pot)}: no longer in the templates: {_describe(key)}: {advice}"
        for key in sorted(in_pot - in_templates)
    ]


class _AnyValues(dict):
    """A mapping with a value for any placeholder name, to try formatting a string."""

    def __missing__(self, key):
        return 0


def placeholders(text: str) -> list[str] | None:
    """The %-placeholders of ``text``, sorted; None if Python's % cannot format it."""
    try:
        text % _AnyValues()
    except (ValueError, TypeError):
        return None
    return sorted(PLACEHOLDER.findall(text))


def _header_problems(catalog: Catalog, lang: str) -> list[str]:
    locale = catalog.locale
    if locale is None:
        return ["no Language header, or one Babel does not know"]
    if lang not in (str(locale), locale.language):
        return [f"Language {locale} in the folder {lang}"]
    expected = get_plural(locale)
    found = (catalog.num_plurals, catalog.plural_expr)
    if found != (expected.num_plurals, expected.plural_expr):
        return [f"Plural-Forms {catalog.plural_forms!r}, {locale} has {expected.plural_forms!r}"]
    return []


def _message_problems(message: Message) -> list[str]:
    sources = [message.id] if isinstance(message.id, str) else list(message.id)
    forms = [message.string] if isinstance(message.string, str) else list(message.string)
    problems = []
    if message.fuzzy:
        problems.append("fuzzy: check the translation, then delete the `#, fuzzy` line")
    if not all(forms):
        problems.append("untranslated" if not any(forms) else "a plural form is untranslated")
    allowed = [placeholders(source) for source in sources]
    for form in filter(None, forms):
        found = placeholders(form)
        if found is None:
            problems.append(f"a lone % in {form!r}: write %% for a percent sign")
        elif found not in allowed:
            problems.append(f"placeholders {found} in {form!r}, the English has {allowed[-1]}")
        if any(c in form for c in "<>&") and not any(c in s for s in sources for c in "<>&"):
            problems.append(f"<, > or & in {form!r}: the string is inserted as HTML")
    return [f"{_describe(_key(message))}: {problem}" for problem in problems]


def check_catalog(po: Path, template: Catalog) -> list[str]:
    """What is wrong with one language's catalog, compared with ``template``: [] if nothing.

    Its Language and Plural-Forms headers; strings missing, untranslated, fuzzy or obsolete;
    placeholders that differ from the English; markup; and whether it compiles.
    """
    lang = po.parent.parent.name
    data = po.read_bytes()
    try:
        catalog = read_po(BytesIO(data), abort_invalid=True)
    except PoFileError as error:
        return [f"{_relative(po)}: not a valid .po file: {error}"]
    problems = _header_problems(catalog, lang)
    if catalog.fuzzy:
        problems.append("the header is marked fuzzy")
    keys, expected = message_keys(catalog), message_keys(template)
    problems += [
        f"missing {_describe(key)}: run `invoke translations-update`"
        for key in sorted(expected - keys)
    ]
    problems += [
        f"not in messages.pot: {_describe(key)}: run `invoke translations-update`"
        for key in sorted(keys - expected)
    ]
    problems += [
        f"obsolete (#~) {_describe(_key(m))}: delete it" for m in catalog.obsolete.values()
    ]
    for message in catalog:
        if message.id:
            problems += _message_problems(message)
    try:
        compile_po(data, lang)
    except Exception as error:  # whatever stops the plugin from compiling it
        problems.append(f"does not compile: {error}")
    return [f"{_relative(po)}: {problem}" for problem in problems]


def check_all(translations: Path = TRANSLATIONS, pot: Path = TEMPLATE) -> list[str]:
    """Every problem of the template catalog and of every language's catalog: [] if none."""
    template = read_catalog(pot)
    problems = stale_template(pot)
    for po in catalog_files(translations).values():
        problems += check_catalog(po, template)
    return problems
