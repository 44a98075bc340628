"""Network: the countries of the network on a map, each with a page of its partners and events.

A country belongs to the network when a partner or an event names it. The plugin draws,
at build time, a map of those countries (an inline SVG from Natural Earth's public-domain
boundaries, which a pip package ships: :mod:`network.boundaries`), each country a link to
its page, and writes in every language the network's page (the map and the same countries
as a list) and one page per country: its partners, its events. It adds to every template
``network_countries``, ``network_map``, ``network_on_map`` and ``network_page``.
It builds on the records core only: partners come from the core's store, events from the
events plugin's ``events_by_country`` in the context. List it in PLUGINS after "events" and
"partners". Settings and their defaults: :mod:`network.settings`.
"""

from .plugin import register

__all__ = ["register"]
