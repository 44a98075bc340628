"""The countries of the network, in one language: each with its partners and its events.

A country belongs to the network when a partner or an event names it (``Country``); a
partner that is ``international``, or an event without a country (online only), belongs to
none. Partners come from the records core's store, events from what the events plugin put
in the context (``events_by_country``): the plugins never import each other.
"""

from dataclasses import dataclass, field

from records import Crumb
from records.countries import INTERNATIONAL, country_name, name_order


@dataclass
class NetworkCountry:
    code: str  # ISO 3166-1 alpha-2, upper case
    name: str  # in the language of the pages
    url: str
    save_as: str
    partners: list = field(default_factory=list)
    events: object = None  # the events plugin's filter of this country, if it has events
    shape: object = None  # its shape on the map, when the map shows it
    breadcrumbs: tuple = ()

    @property
    def event_count(self) -> int:
        return self.events.count if self.events is not None else 0


def network_countries(partners: list, events_by_country: dict, conf, locale) -> list:
    """Every country with a partner or an event, in the reading order of its name."""
    codes = {p.country for p in partners if p.country and p.country != INTERNATIONAL}
    codes |= set(events_by_country)
    found = []
    for code in codes:
        values = {"country": code.lower()}
        found.append(
            NetworkCountry(
                code,
                country_name(code, locale),
                conf.country_url.format(**values),
                conf.country_save_as.format(**values),
                partners=[p for p in partners if p.country == code],
                events=events_by_country.get(code),
            )
        )
    return sorted(found, key=lambda country: name_order(country.name))


def set_trails(countries: list, trail, index: Crumb | None) -> None:
    """Each country page's breadcrumbs: home, the network's page (if it has one), itself."""
    for country in countries:
        crumbs = (index,) if index else ()
        country.breadcrumbs = trail(*crumbs, Crumb(country.name, country.url))
