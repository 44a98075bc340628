"""Every setting the network plugin reads, with its default, read in one place.

NETWORK_URL, NETWORK_SAVE_AS ("network/", "network/index.html")
    The map of the network and the list of its countries. An empty SAVE_AS writes no such
    page (the map still shows on the first page of the events list).
NETWORK_COUNTRY_URL, NETWORK_COUNTRY_SAVE_AS ("network/{country}/", …/index.html)
    One country of the network: its partners and its events. ``{country}`` is the ISO code
    in lower case (``network/it/``). A translation's page is the same under its language's
    prefix, as every page of the kit.
NETWORK_MAP_BOUNDS (None)
    The part of the world the map shows, as (west, south, east, north) in degrees:
    (-25, 34, 45, 71) for Europe. None fits the map around the network's countries, with
    room for their neighbours.
"""

from dataclasses import dataclass

from records.passes import page_path


@dataclass(frozen=True)
class NetworkSettings:
    index_url: str
    index_save_as: str
    country_url: str
    country_save_as: str
    bounds: tuple[float, float, float, float] | None

    @classmethod
    def from_pelican(cls, settings: dict) -> "NetworkSettings":
        country_url = settings.get("NETWORK_COUNTRY_URL", "network/{country}/")
        bounds = settings.get("NETWORK_MAP_BOUNDS")
        return cls(
            index_url=page_path(settings, settings.get("NETWORK_URL", "network/")),
            index_save_as=page_path(
                settings, settings.get("NETWORK_SAVE_AS", "network/index.html")
            ),
            country_url=page_path(settings, country_url),
            country_save_as=page_path(
                settings, settings.get("NETWORK_COUNTRY_SAVE_AS", country_url + "index.html")
            ),
            bounds=tuple(float(b) for b in bounds) if bounds else None,
        )
