"""Wires the network plugin into the records core and Pelican. No state lives here."""

from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator

from records import current_language, plugin_enabled, section, trail
from records.signals import records_ready

from . import drawing
from .countries import network_countries, set_trails
from .settings import NetworkSettings

NAME = "network"


@dataclass
class NetworkPage:
    """The network's own page (its map and its countries), as templates read ``item``."""

    url: str
    breadcrumbs: tuple


def on_records_ready(generator, store) -> None:
    """Sent once per language (after the partners and events plugins, listed before this
    one): the network's countries in that language, and the map, drawn once."""
    settings = generator.settings
    conf = NetworkSettings.from_pelican(settings)
    partners = store.all("partner") if "partner" in store.types else []
    events_by_country = generator.context.get("events_by_country") or {}
    countries = network_countries(
        partners, events_by_country, conf, current_language(settings).locale
    )
    index = section(settings, "The network by country", conf.index_url)
    if not conf.index_save_as:  # a site without the network's page
        index = None
    set_trails(countries, lambda *crumbs: trail(settings, *crumbs), index)
    codes = frozenset(c.code for c in countries)
    network_map = drawing.draw_cached(settings["CACHE_PATH"], codes, conf.bounds)
    for country in countries:
        country.shape = network_map.shapes.get(country.code) if network_map else None
    on_map = [c for c in countries if c.shape is not None]
    generator.context.update(
        network_countries=countries,
        network_map=network_map,
        # the map's links: those with a dot last, so that a dot is drawn over its neighbours
        network_on_map=sorted(on_map, key=lambda c: c.shape.dot is not None),
        network_page=NetworkPage(conf.index_url, trail(settings, index)) if index else None,
    )


class NetworkGenerator(Generator):
    """Writes the network's page and a page per country, in every language."""

    per_language = True  # its pages exist in every language (records.passes)

    def generate_context(self):
        """Nothing to read: the countries are derived when the records are ready."""

    def generate_output(self, writer):
        countries = self.context.get("network_countries")
        if not countries:
            return
        conf = NetworkSettings.from_pelican(self.settings)
        pages = [(conf.index_save_as, conf.index_url, "network", {})] if conf.index_save_as else []
        pages += [
            (country.save_as, country.url, "network_country", {"country": country})
            for country in countries
        ]
        for save_as, url, template, values in pages:
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=url,
                page_name=url,
                **values,
            )


def get_generators(pelican):
    return NetworkGenerator if plugin_enabled(pelican.settings, NAME) else None


def register():
    records_ready.connect(on_records_ready)
    signals.get_generators.connect(get_generators)
