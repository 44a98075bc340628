"""Recurrence rules in words and zone names, in every language of the kit's catalogs."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel import Locale

from events.words import rule_in_words
from events.zones import zone_name
from records.catalogs import load_translations, read_settings
from tests.conftest import ROOT

LOCALES = {"en": "en_GB", "de": "de", "es": "es", "fr": "fr", "it": "it", "pl": "pl", "pt": "pt_PT"}
BRUSSELS = ZoneInfo("Europe/Brussels")
START = datetime(2026, 1, 5, 17, 0, tzinfo=BRUSSELS)  # a Monday

# (rule, the time said after it); the words of each language below, in the same order.
RULES = [
    ("FREQ=MONTHLY;BYDAY=1MO", "17:00 CET"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=8", ""),
    ("FREQ=WEEKLY;BYDAY=TU,TH", ""),
    ("FREQ=WEEKLY;INTERVAL=2", ""),  # on Start's weekday
    ("FREQ=DAILY;INTERVAL=3", ""),
    ("FREQ=DAILY", ""),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=6", ""),
    ("FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR;UNTIL=20261231T235959Z", ""),
    ("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", ""),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", ""),
    ("FREQ=WEEKLY;BYDAY=SU;BYMONTH=6,7", ""),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", ""),  # the last weekday: not covered
]
WORDS = {
    "en": (
        "Every month on the first Monday, 17:00 CET",
        "Every year on 8 February",
        "Every week on Tuesday and Thursday",
        "Every 2 weeks on Monday",
        "Every 3 days",
        "Every day",
        "Every month on days 1 and 15, 6 times",
        "Every 5 months on the last Friday, until 31 December 2026",
        "Every year on the fourth Thursday of November",
        "Every month on the last day",
        "Every week on Sunday, in June and July",
        "Repeats (see the calendar file)",
    ),
    "de": (
        "Jeden Monat am ersten Montag um 17:00 CET",
        "Jedes Jahr am 8. Februar",
        "Jede Woche am Dienstag und Donnerstag",
        "Alle 2 Wochen am Montag",
        "Alle 3 Tage",
        "Täglich",
        "Jeden Monat an den Tagen 1 und 15, insgesamt 6 Termine",
        "Alle 5 Monate am letzten Freitag, bis 31. Dezember 2026",
        "Jedes Jahr am vierten Donnerstag im November",
        "Jeden Monat am letzten Tag",
        "Jede Woche am Sonntag, im Juni und Juli",
        "Wiederholt sich (siehe Kalenderdatei)",
    ),
    "es": (
        "Cada mes, el primer lunes, a las 17:00 CET",
        "Cada año, el 8 de febrero",
        "Cada semana: martes y jueves",
        "Cada 2 semanas: lunes",
        "Cada 3 días",
        "Todos los días",
        "Cada mes, los días 1 y 15, 6 veces en total",
        "Cada 5 meses, el último viernes, hasta el 31 de diciembre de 2026",
        "Cada año, el cuarto jueves de noviembre",
        "Cada mes, el último día",
        "Cada semana: domingo, en junio y julio",
        "Se repite (consulte el archivo de calendario)",
    ),
    "fr": (
        "Chaque mois, le premier lundi, à 17:00 CET",
        "Chaque année, le 8 février",
        "Chaque semaine, le mardi et jeudi",
        "Toutes les 2 semaines, le lundi",
        "Tous les 3 jours",
        "Tous les jours",
        "Chaque mois, les 1 et 15, 6 fois au total",
        "Tous les 5 mois, le dernier vendredi, jusqu’au 31 décembre 2026",
        "Chaque année, en novembre, le quatrième jeudi",
        "Chaque mois, le dernier jour",
        "Chaque semaine, le dimanche, en juin et juillet",
        "Se répète (voir le fichier de calendrier)",
    ),
    "it": (
        "Ogni mese, il primo lunedì, alle 17:00 CET",
        "Ogni anno, il giorno 8 febbraio",
        "Ogni settimana: martedì e giovedì",
        "Ogni 2 settimane: lunedì",
        "Ogni 3 giorni",
        "Ogni giorno",
        "Ogni mese, nei giorni 1 e 15, 6 volte in tutto",
        "Ogni 5 mesi, l’ultimo venerdì, fino al giorno 31 dicembre 2026",
        "Ogni anno, il quarto giovedì di novembre",
        "Ogni mese, l’ultimo giorno",
        "Ogni settimana: domenica, in giugno e luglio",
        "Si ripete (vedi il file del calendario)",
    ),
    "pl": (
        "Co miesiąc w pierwszy poniedziałek o godz. 17:00 CET",
        "Co roku 8 lutego",
        "Co tydzień: wtorek i czwartek",
        "Co 2 tygodnie: poniedziałek",
        "Co 3 dni",
        "Codziennie",
        "Co miesiąc, w dniach 1 i 15, łącznie 6 razy",
        "Co 5 miesięcy w ostatni piątek, do 31 grudnia 2026",
        "Co roku w czwarty czwartek listopada",
        "Co miesiąc w ostatni dzień",
        "Co tydzień: niedziela (miesiące: czerwiec i lipiec)",
        "Powtarza się (zob. plik kalendarza)",
    ),
    "pt": (
        "Todos os meses, na primeira segunda-feira, às 17:00 CET",
        "Todos os anos, a 8 de fevereiro",
        "Todas as semanas: terça-feira e quinta-feira",
        "A cada 2 semanas: segunda-feira",
        "A cada 3 dias",
        "Todos os dias",
        "Todos os meses, nos dias 1 e 15, 6 vezes no total",
        "A cada 5 meses, na última sexta-feira, até 31 de dezembro de 2026",
        "Todos os anos, na quarta quinta-feira de novembro",
        "Todos os meses, no último dia",
        "Todas as semanas: domingo, em junho e julho",
        "Repete-se (ver o ficheiro de calendário)",
    ),
}


@pytest.fixture(scope="module")
def catalogs():
    conf = read_settings({"THEME": str(ROOT / "theme")})
    return {lang: load_translations(conf, lang) for lang in LOCALES}


@pytest.mark.parametrize("lang", list(WORDS))
def test_rules_in_words_in_every_language(catalogs, lang):
    locale = Locale.parse(LOCALES[lang])
    found = [rule_in_words(rule, START, locale, catalogs[lang], time) for rule, time in RULES]
    assert found == list(WORDS[lang])


def test_every_language_of_the_catalogs_is_in_the_table():
    folders = {path.name for path in (ROOT / "theme/translations").iterdir() if path.is_dir()}
    assert folders | {"en"} == set(WORDS)


@pytest.mark.parametrize(
    ("hour", "zone", "last"),
    [(17, "Europe/Brussels", "31 December 2030"), (0, "Asia/Manila", "1 January 2031")],
)
def test_until_in_utc_is_the_last_day_in_the_events_zone(catalogs, hour, zone, last):
    # 23:59 UTC is 00:59 the next day in Brussels, after 17:00 of that day; 07:59 in Manila
    start = datetime(2026, 1, 5, hour, 30, tzinfo=ZoneInfo(zone))
    words = rule_in_words(
        "FREQ=WEEKLY;UNTIL=20301231T235959Z", start, Locale.parse("en_GB"), catalogs["en"]
    )
    assert words.endswith(f"until {last}")


def test_all_day_rule_takes_its_days_from_start(catalogs):
    words = rule_in_words("FREQ=YEARLY", date(2015, 2, 8), Locale.parse("en_GB"), catalogs["en"])
    assert words == "Every year on 8 February"


@pytest.mark.parametrize(
    ("when", "key", "locale", "name"),
    [
        (datetime(2026, 2, 6, 11), "Europe/Rome", "en_GB", "CET"),
        (datetime(2026, 7, 6, 11), "Europe/Rome", "en_GB", "CEST"),
        (datetime(2026, 2, 6, 11), "Europe/Rome", "de", "MEZ"),
        (datetime(2026, 2, 6, 11), "Europe/Rome", "fr", "UTC+1"),  # French has no abbreviation
        (datetime(2026, 7, 6, 11), "Europe/London", "en_GB", "BST"),
        (datetime(2026, 2, 6, 11), "Asia/Manila", "en_GB", "GMT+8"),
        (datetime(2026, 2, 6, 11), "Asia/Kolkata", "it", "GMT+5:30"),
        (datetime(2026, 2, 6, 11), "America/New_York", "en_GB", "GMT-5"),  # en_GB: no EST
        (datetime(2026, 2, 6, 11), "America/Sao_Paulo", "pt_PT", "-3 GMT"),
        (datetime(2026, 2, 6, 11), "Atlantic/Reykjavik", "es", "GMT"),
    ],
)
def test_zone_name_is_the_languages_abbreviation_or_the_offset(when, key, locale, name):
    assert zone_name(when.replace(tzinfo=ZoneInfo(key)), Locale.parse(locale)) == name
