"""Countries as readers see them: a code's name in a language, and names in reading order.

Several plugins list countries (the partner directory, the event filters, the network's
map), so the name and the order live here once. Names come from Babel (CLDR) in the page's
language. The order approximates the language's collation without ICU: letters compare
without their accents first (Österreich among the O), the accents break ties only.
"""

import unicodedata

from babel import Locale

INTERNATIONAL = "international"

# Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l"})
_EXPANDED = {"æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}


def country_name(code: str | None, locale: Locale) -> str:
    """The name of an ISO 3166-1 code in ``locale``; empty for ``international`` or none."""
    if not code or code == INTERNATIONAL:
        return ""
    return locale.territories.get(code, code)


def name_order(name: str) -> tuple[str, str]:
    """A sort key putting names in reading order: "Åland" after "Albania", "Ísland" among
    the I, "Łotwa" among the L."""
    folded = name.casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    for letter, letters in _EXPANDED.items():
        base = base.replace(letter, letters)
    return base.translate(_BASE_LETTERS), folded
