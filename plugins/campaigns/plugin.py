"""Wires the campaigns plugin into the records core and Pelican. No state lives here."""

from datetime import datetime, time

from pelican import signals

from records import Crumb, in_default_language, plugin_enabled, section, site_zone, trail
from records import signals as records_signals

from .days import day_in_year, next_day
from .pages import COLOURS_SAVE_AS, CampaignsGenerator
from .resources import by_language, describe
from .schema import CAMPAIGN, EDITION
from .settings import read


def declare(settings):
    return [CAMPAIGN, EDITION]


def _mentions(article, campaign) -> bool:
    return campaign in (getattr(article, "campaign", None) or [])


def derive(generator, store):
    """Link campaigns, editions, news and events, and compute each campaign's next day.

    Sent once per language, with that language's view of the records; the checks that do
    not depend on a language run in the first.
    """
    context, settings = generator.context, generator.settings
    now = context["now"]
    zone = site_zone(settings)
    if in_default_language(settings):
        check_first_years(generator, store)
    editions: dict[str, list] = {}
    for edition in store.all("edition"):
        editions.setdefault(edition.campaign.id, []).append(edition)
    if in_default_language(settings):
        check_editions_named(generator, store, editions)
    articles = context.get("articles", [])
    occurrences = getattr(context.get("events_agenda"), "occurrences", [])
    events_by_campaign = context.get("events_by_campaign", {})
    campaigns = store.all("campaign")
    feed = read(settings).feed_atom
    listed_in = section(settings, "Campaigns", read(settings).index_url)
    for campaign in campaigns:
        campaign.breadcrumbs = trail(settings, listed_in, Crumb.of(campaign))
        campaign.feed_url = feed.format(id=campaign.id) if feed else None
        campaign.zone = campaign.timezone or zone
        campaign.next = next_day(*campaign.day, campaign.zone, now)
        campaign.editions = sorted(editions.get(campaign.id, []), key=lambda e: e.year)
        by_year = {edition.year: edition for edition in campaign.editions}
        campaign.current_edition = by_year.get(campaign.next.year)
        campaign.earlier_editions = [
            e for e in reversed(campaign.editions) if e.year < campaign.next.year
        ]
        campaign.news = [a for a in articles if _mentions(a, campaign)]
        campaign.events = events_by_campaign.get(campaign.id)
        first_year = campaign.first_year or (
            campaign.editions[0].year if campaign.editions else None
        )
        for index, edition in enumerate(campaign.editions):
            edition.number = edition.year - first_year + 1 if first_year else None
            edition.previous = campaign.editions[index - 1] if index else None
            later = campaign.editions[index + 1 :]
            edition.next = later[0] if later else None
            edition.title = f"{campaign.title} {edition.year}: {edition.theme}"
            edition.breadcrumbs = (*campaign.breadcrumbs, Crumb(str(edition.year), edition.url))
            edition.day = day_in_year(*campaign.day, edition.year)
            edition.date = datetime.combine(edition.day, time(), campaign.zone)  # for feeds
            edition.news = [a for a in campaign.news if getattr(a, "edition", None) == edition.year]
            edition.occurrences = [
                o
                for o in occurrences
                if o.event.fields.get("campaign") is campaign and o.event.edition == edition.year
            ]
            edition.resource_list = describe(
                edition.resources, settings["PATH"], settings["DEFAULT_LANG"]
            )
            edition.resources_by_language = by_language(edition.resource_list)

    ordered = sorted(campaigns, key=lambda c: (c.next.date, c.title))
    context["campaigns"] = ordered
    context["next_campaign"] = ordered[0] if ordered else None
    context["campaigns_index_url"] = read(settings).index_url
    context["campaign_colours_url"] = COLOURS_SAVE_AS


def check_first_years(generator, store) -> None:
    """No edition before its campaign's first year."""
    for edition in store.all("edition"):
        campaign = edition.campaign
        if campaign.first_year and edition.year < campaign.first_year:
            generator.problem(
                edition.source_path,
                "year",
                f"{edition.year} is before the campaign's first year ({campaign.first_year})",
                f"use {campaign.first_year} or later, or correct First-year in the campaign",
            )
            store.skip("edition", edition.id)


def _years(editions: list) -> str:
    years = sorted(edition.year for edition in editions)
    if not years:
        return "it has no edition yet"
    if len(years) > 2:
        return f"its editions: {years[0]}–{years[-1]}"
    return "its editions: " + ", ".join(str(year) for year in years)


def check_editions_named(generator, store, editions: dict[str, list]) -> None:
    """An ``Edition`` on a news post or an event names a year of one of its campaigns."""
    named = [(a, a.campaign or []) for a in generator.pelican_content("articles")]
    events = store.all("event") if "event" in store.types else []
    for event in events + [t for e in events for t in store.translations(e)]:
        named.append((event, [event.campaign] if event.campaign else []))
    for item, referred in named:
        year = getattr(item, "edition", None)
        if year is None:
            continue
        campaigns = [c for c in referred if not isinstance(c, str)]
        if not campaigns and item.metadata.get("campaign"):
            continue  # it names a campaign left out for its own errors, already reported
        if not campaigns:
            generator.problem(
                item.source_path,
                "edition",
                "is given without a Campaign",
                "add a Campaign line naming the campaign of that edition",
            )
            item.edition = None
            continue
        if any(e.year == year for c in campaigns for e in editions.get(c.id, [])):
            continue
        if any(store.was_skipped("edition", f"{c.id}-{year}") for c in campaigns):
            continue  # the edition's file has errors of its own, already reported
        campaign = campaigns[0]
        generator.problem(
            item.source_path,
            "edition",
            f'{year} is not an edition of "{campaign.id}" '
            f"({_years(editions.get(campaign.id, []))})",
            f"correct the year, or add campaigns/{campaign.id}/{year}.md",
        )
        item.edition = None


def add_generator(pelican):
    return CampaignsGenerator if plugin_enabled(pelican.settings, "campaigns") else None


def register():
    records_signals.record_types.connect(declare)
    records_signals.records_ready.connect(derive)
    signals.get_generators.connect(add_generator)
