"""What several plugins need to know of the site, read in one place."""

import zoneinfo
from dataclasses import dataclass

from .issues import ContentError


def site_zone(settings: dict) -> zoneinfo.ZoneInfo:
    """The site's time zone (``TIMEZONE``): news dates, and records without a Timezone."""
    return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")


class OrganizationSettingError(ContentError):
    """A wrong ``ORGANIZATION`` setting: the build stops at its start."""


@dataclass(frozen=True)
class Organization:
    """The network the site speaks for (``ORGANIZATION``): schema.org ``Organization`` data
    on the home page, and the name that tells an organisation among news authors."""

    name: str
    url: str | None  # its own website, if given
    logo: str | None  # a file inside content/, if given


ORGANIZATION_KEYS = frozenset({"name", "url", "logo"})


def site_organization(settings: dict) -> Organization:
    """``ORGANIZATION`` (a dict of ``name``, ``url`` and ``logo``, each optional); the name
    defaults to ``SITE_SHORTNAME`` (else ``SITENAME``)."""
    given = settings.get("ORGANIZATION") or {}
    if not isinstance(given, dict) or set(given) - ORGANIZATION_KEYS:
        raise OrganizationSettingError(
            "ORGANIZATION: give a dict with any of logo, name, url "
            '(e.g. {"name": "RENATE", "logo": "images/logo.png"})'
        )
    name = given.get("name") or settings.get("SITE_SHORTNAME") or settings.get("SITENAME") or ""
    return Organization(str(name), given.get("url") or None, given.get("logo") or None)
