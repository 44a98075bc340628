"""The partner directory: partners grouped by kind, then by country, and a country index.

Country names come from Babel in the page's language; ``international`` and partners without
a country come after the named countries (their labels are UI strings, in the templates).
"""

from dataclasses import dataclass, field

from babel import Locale

from records.countries import INTERNATIONAL, country_name, name_order


@dataclass
class CountryGroup:
    code: str | None  # ISO code, "international", or None when not given
    name: str  # the localised name; empty for international and none
    anchor: str
    partners: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.partners)

    @property
    def is_international(self) -> bool:
        return self.code == INTERNATIONAL


@dataclass
class KindGroup:
    kind: str
    anchor: str
    countries: list[CountryGroup]

    @property
    def count(self) -> int:
        return sum(group.count for group in self.countries)


@dataclass
class Directory:
    kinds: list[KindGroup]
    countries: list[CountryGroup]
    total: int
    url: str
    countries_url: str

    @property
    def country_count(self) -> int:
        """Countries proper: neither "international" nor "not given"."""
        return sum(1 for group in self.countries if group.name)


def _by_country(partners: list, locale: Locale, prefix: str) -> list[CountryGroup]:
    groups: dict[str | None, CountryGroup] = {}
    for partner in partners:
        code = getattr(partner, "country", None)
        if code not in groups:
            anchor = f"{prefix}{(code or 'none').lower()}"
            groups[code] = CountryGroup(code, country_name(code, locale), anchor)
        groups[code].partners.append(partner)

    def order(group: CountryGroup) -> tuple:
        rank = 0 if group.name else (1 if group.is_international else 2)
        return (rank, name_order(group.name))

    return sorted(groups.values(), key=order)


def build_directory(partners: list, kinds: tuple[str, ...], locale: Locale, urls) -> Directory:
    """Group ``partners`` (already in title order) for the directory and the country index."""
    kind_groups = []
    for kind in kinds:
        members = [p for p in partners if p.kind == kind]
        if members:
            kind_groups.append(
                KindGroup(kind, f"kind-{kind}", _by_country(members, locale, f"{kind}-"))
            )
    return Directory(
        kinds=kind_groups,
        countries=_by_country(partners, locale, "country-"),
        total=len(partners),
        url=urls[0],
        countries_url=urls[1],
    )
