"""Settings of the campaigns plugin, read in one place, with their defaults.

CAMPAIGN_URL / CAMPAIGN_SAVE_AS ("campaigns/{id}/", ".../index.html")
    A campaign's page.
EDITION_URL / EDITION_SAVE_AS ("campaigns/{campaign}/{year}/", ".../index.html")
    The page of one year's edition (its theme page).
CAMPAIGNS_INDEX_URL / CAMPAIGNS_INDEX_SAVE_AS ("campaigns/", "campaigns/index.html")
    All campaigns, ordered by their next day.
CAMPAIGN_FEED_ATOM (None; "feeds/campaigns/{id}.atom.xml" in production)
    An Atom feed per campaign: its news and its editions.
CAMPAIGNS_LATEST_NEWS (3)
    How many news posts a campaign page shows.
CAMPAIGNS_EVENTS_SHOWN (12)
    How many of its next events a campaign page shows, grouped by country (a link leads to
    all of them).
CAMPAIGNS_ADD_EVENT ("contact")
    Where a reader who organises an event is sent to have it listed ("Add your event"): the
    slug of one of the site's pages (in the page's language where it is translated), or a
    full address (a form elsewhere, a ``mailto:``). None, or a slug no page has: no link.
"""

from dataclasses import dataclass

from records.passes import page_path

DEFAULTS = {
    "CAMPAIGNS_INDEX_URL": "campaigns/",
    "CAMPAIGNS_INDEX_SAVE_AS": "campaigns/index.html",
    "CAMPAIGN_FEED_ATOM": None,
    "CAMPAIGNS_LATEST_NEWS": 3,
    "CAMPAIGNS_EVENTS_SHOWN": 12,
    "CAMPAIGNS_ADD_EVENT": "contact",
}


@dataclass(frozen=True)
class CampaignSettings:
    index_url: str
    index_save_as: str
    feed_atom: str | None
    latest_news: int
    events_shown: int
    add_event: str | None


def read(settings: dict) -> CampaignSettings:
    """The settings, with the pages under the prefix of the language being written."""

    def get(key):
        return settings.get(key, DEFAULTS[key])

    return CampaignSettings(
        index_url=page_path(settings, get("CAMPAIGNS_INDEX_URL")),
        index_save_as=page_path(settings, get("CAMPAIGNS_INDEX_SAVE_AS")),
        feed_atom=page_path(settings, get("CAMPAIGN_FEED_ATOM")),
        latest_news=get("CAMPAIGNS_LATEST_NEWS"),
        events_shown=get("CAMPAIGNS_EVENTS_SHOWN"),
        add_event=get("CAMPAIGNS_ADD_EVENT"),
    )
