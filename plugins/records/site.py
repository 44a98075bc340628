"""What several plugins need to know of the site, read in one place."""

import zoneinfo


def site_zone(settings: dict) -> zoneinfo.ZoneInfo:
    """The site's time zone (``TIMEZONE``): news dates, and records without a Timezone."""
    return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
