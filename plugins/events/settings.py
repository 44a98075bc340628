"""Every setting the events plugin reads, with its default, read in one place.

EVENTS_WINDOW_YEARS (2)
    Recurring events are expanded into dated occurrences from this many years before the
    build date to this many years after it; the .ics files carry the rule itself, so
    calendar apps see every occurrence.
EVENTS_MAX_OCCURRENCES (500)
    Most dates one recurring event may have inside that window; more is a content error on
    its Recurrence, never a silent cut. Every date is an entry of the upcoming or past list (a
    page per EVENTS_PER_PAGE) and of its month page, so this bounds what one file costs the
    build. 500 lets an event come back twice a week across the default window (2 × 2 years:
    about 420 dates) and refuses a daily one (about 1,460); raise it with the window.
EVENTS_MAX_DAYS (62)
    Most calendar days one event may cover, from the day of Start to the day of End; longer
    is a content error on End. A month page lists an event on every day it covers. 62 takes
    a season (Lent: 46 days; the Season of Creation: 34) and refuses a year-long one.
EVENTS_TIME_ZONES (Sydney, Manila, Nairobi, Rome, São Paulo, New York)
    IANA zones of the table of start times on the page of an online event.
EVENTS_PER_PAGE (10)
    Events per page of the upcoming list and of the past archive.
EVENTS_UID_DOMAIN (the host of SITEURL, else "localhost")
    The right-hand side of every event's iCalendar UID (``<event id>@<domain>``). Set it
    once and never change it: calendar apps use the UID to update an event they know.
EVENTS_OUTLOOK_URL ("https://outlook.live.com/calendar/0/action/compose")
    Base of the "add to Outlook" links (``https://outlook.office.com/...`` for Microsoft 365).
EVENTS_INDEX_URL / _SAVE_AS ("events/")           the upcoming list, page 1
EVENTS_PAST_URL / _SAVE_AS ("events/past/")       the past archive, page 1
EVENTS_CALENDAR_URL / _SAVE_AS ("events/calendar/")   the index of months
EVENTS_MONTH_URL / _SAVE_AS ("events/calendar/{year}-{month:02d}/")   one month
EVENTS_CAMPAIGN_URL / _SAVE_AS ("events/campaigns/{campaign}/")       one campaign's events
EVENTS_COUNTRY_URL / _SAVE_AS ("events/country/{country}/")   the events in one country
    ({country}: its ISO code in lower case, ``pt``)
EVENTS_ONLINE_URL / _SAVE_AS ("events/online/")         the events one can join online
EVENTS_IN_PERSON_URL / _SAVE_AS ("events/in-person/")   the events one can attend in person
    The campaign, country, online and in-person pages are the list's filters: each lists
    every event of its kind once (at its next date, else its last), upcoming then past.
EVENTS_FEED_SAVE_AS ("events/events.ics")          every event
EVENTS_CAMPAIGN_FEED_SAVE_AS ("events/campaigns/{campaign}/events.ics")
EVENTS_ICS_SAVE_AS ("events/{slug}/{slug}.ics")    one event
EVENT_URL / EVENT_SAVE_AS ("events/{slug}/")       one event's page (records core settings);
    a translation's page is the same under its language's prefix (``fr/events/{slug}/``).

Later pages of a list follow Pelican's PAGINATION_PATTERNS (``events/page/2/``).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from records.passes import page_path

MAX_OCCURRENCES = 500
MAX_DAYS = 62

DEFAULT_TIME_ZONES = (
    "Australia/Sydney",
    "Asia/Manila",
    "Africa/Nairobi",
    "Europe/Rome",
    "America/Sao_Paulo",
    "America/New_York",
)

PAGES = {
    "INDEX": "events/",
    "PAST": "events/past/",
    "CALENDAR": "events/calendar/",
    "MONTH": "events/calendar/{year}-{month:02d}/",
    "CAMPAIGN": "events/campaigns/{campaign}/",
    "COUNTRY": "events/country/{country}/",
    "ONLINE": "events/online/",
    "IN_PERSON": "events/in-person/",
}


@dataclass(frozen=True)
class EventsSettings:
    window_years: int
    max_occurrences: int
    time_zones: tuple[str, ...]
    per_page: int
    uid_domain: str
    outlook_url: str
    urls: dict
    save_as: dict
    feed_save_as: str
    campaign_feed_save_as: str
    ics_save_as: str
    siteurl: str
    sitename: str

    def url(self, page: str, **values) -> str:
        return self.urls[page].format(**values)

    def path(self, page: str, **values) -> str:
        return self.save_as[page].format(**values)

    def absolute(self, path: str) -> str | None:
        """The absolute address of an output path, or None when SITEURL is not absolute."""
        if not self.siteurl.startswith(("http://", "https://")):
            return None
        return f"{self.siteurl}/{path}"


def max_days(settings: dict) -> int:
    """EVENTS_MAX_DAYS: read on its own, as the End of every event is checked against it."""
    return int(settings.get("EVENTS_MAX_DAYS", MAX_DAYS))


def read(settings: dict) -> EventsSettings:
    """The settings, with the pages and calendars under the prefix of the language being
    written (every language has its own, with its own titles)."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    urls, save_as = {}, {}
    for page, default in PAGES.items():
        url = settings.get(f"EVENTS_{page}_URL", default)
        urls[page] = page_path(settings, url)
        save_as[page] = page_path(
            settings, settings.get(f"EVENTS_{page}_SAVE_AS", url + "index.html")
        )
    return EventsSettings(
        window_years=int(settings.get("EVENTS_WINDOW_YEARS", 2)),
        max_occurrences=int(settings.get("EVENTS_MAX_OCCURRENCES", MAX_OCCURRENCES)),
        time_zones=tuple(settings.get("EVENTS_TIME_ZONES", DEFAULT_TIME_ZONES)),
        per_page=int(settings.get("EVENTS_PER_PAGE", 10)),
        uid_domain=settings.get("EVENTS_UID_DOMAIN") or urlsplit(siteurl).hostname or "localhost",
        outlook_url=settings.get(
            "EVENTS_OUTLOOK_URL", "https://outlook.live.com/calendar/0/action/compose"
        ),
        urls=urls,
        save_as=save_as,
        feed_save_as=page_path(settings, settings.get("EVENTS_FEED_SAVE_AS", "events/events.ics")),
        campaign_feed_save_as=page_path(
            settings,
            settings.get("EVENTS_CAMPAIGN_FEED_SAVE_AS", "events/campaigns/{campaign}/events.ics"),
        ),
        ics_save_as=page_path(
            settings, settings.get("EVENTS_ICS_SAVE_AS", "events/{slug}/{slug}.ics")
        ),
        siteurl=siteurl,
        sitename=settings.get("SITE_SHORTNAME") or settings.get("SITENAME") or "",
    )
