"""Wires the campaigns plugin into the records core and Pelican. No state lives here."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel import Locale
from pelican import signals

from records import (
    Crumb,
    changes_at,
    current_language,
    in_default_language,
    plugin_enabled,
    section,
    site_zone,
    trail,
)
from records import signals as records_signals
from records.links import link_to

from .days import NextDay, day_in_year, next_day
from .pages import COLOURS_SAVE_AS, CampaignsGenerator
from .resources import by_language, describe
from .schema import CAMPAIGN, EDITION
from .settings import read
from .view import Action, CampaignView, EditionView, group_by_country, pending


def declare(settings):
    return [CAMPAIGN, EDITION]


def _mentions(article, campaign) -> bool:
    return campaign in (getattr(article, "campaign", None) or [])


def add_event_action(value: str | None, context: dict) -> Action | None:
    """Where readers add an event (CAMPAIGNS_ADD_EVENT): a full address as it is, else the
    page with that slug in the language being derived (None when it has none)."""
    if not value:
        return None
    if value.startswith(("https://", "http://", "mailto:")):
        return Action("add", url=value, external=True)
    pages = context.get("pages", []) + context.get("hidden_pages", [])
    page = next((p for p in pages if p.slug == value), None)
    return Action("add", url=page.url) if page is not None else None


def derive(generator, store):
    """Link campaigns, editions, news and events, and compute each campaign's next day: the
    records' ``view`` (see :mod:`campaigns.view`).

    Sent once per language, with that language's view of the records; the checks that do
    not depend on a language run in the first.
    """
    context, settings = generator.context, generator.settings
    conf = read(settings)
    if in_default_language(settings):
        check_first_years(generator, store)
    editions: dict[str, list] = {}
    for edition in store.all("edition"):
        editions.setdefault(edition.campaign.id, []).append(edition)
    if in_default_language(settings):
        check_editions_named(generator, store, editions)
    campaigns = store.all("campaign")
    page = PageFacts(
        now=context["now"],
        zone=site_zone(settings),
        locale=current_language(settings).locale,
        articles=context.get("articles", []),
        occurrences=getattr(context.get("events_agenda"), "occurrences", []),
        events=context.get("events_by_campaign", {}),
        add_event=add_event_action(conf.add_event, context),
        share=str(settings.get("SITEURL") or "").startswith(("https://", "http://")),
        content_path=settings["PATH"],
        default_lang=settings["DEFAULT_LANG"],
    )
    listed_in = section(settings, "Campaigns", conf.index_url)
    for campaign in campaigns:
        campaign.breadcrumbs = trail(settings, listed_in, Crumb.of(campaign))
        years = sorted(editions.get(campaign.id, []), key=lambda e: e.year)
        for edition in years:
            edition.breadcrumbs = (*campaign.breadcrumbs, Crumb(str(edition.year), edition.url))
        campaign.view = campaign_view(campaign, years, page, conf)
        # Its countdown and coming edition move on when the day turns where it is kept.
        zone = campaign.timezone or page.zone
        today = page.now.astimezone(zone).date()
        changes_at(context, datetime.combine(today + timedelta(days=1), time(), zone))

    ordered = sorted(campaigns, key=lambda c: (c.view.next_day.date, c.title))
    context["campaigns"] = ordered
    context["next_campaign"] = ordered[0] if ordered else None
    context["campaigns_index_url"] = conf.index_url
    context["campaign_colours_url"] = COLOURS_SAVE_AS


@dataclass(frozen=True)
class PageFacts:
    """What every campaign page of the language being derived shares."""

    now: datetime
    zone: ZoneInfo  # the site's
    locale: Locale
    articles: list
    occurrences: list  # every event's, in date order
    events: dict  # the events plugin's lists, by campaign id
    add_event: Action | None
    share: bool  # pages have share links
    content_path: str  # where the Resources are
    default_lang: str  # of a resource whose name gives none


def campaign_view(campaign, editions: list, page: PageFacts, conf) -> CampaignView:
    """The campaign's view, after giving each of its ``editions`` (oldest first) its own."""
    zone = campaign.timezone or page.zone
    next_ = next_day(*campaign.day, zone, page.now)
    news = [a for a in page.articles if _mentions(a, campaign)]
    first_year = campaign.first_year or (editions[0].year if editions else None)
    today = page.now.astimezone(zone).date()
    for index, edition in enumerate(editions):
        edition.view = edition_view(
            edition,
            number=edition.year - first_year + 1 if first_year else None,
            day=day_in_year(*campaign.day, edition.year),
            today=today,
            neighbours=(
                editions[index - 1] if index else None,
                editions[index + 1] if index + 1 < len(editions) else None,
            ),
            news=[a for a in news if getattr(a, "edition", None) == edition.year],
            page=page,
            campaign=campaign,
        )
    latest = next((e for e in reversed(editions) if e.year <= next_.year), None)
    current = latest if latest is not None and latest.year == next_.year else None
    events = page.events.get(campaign.id)
    online = current.view.online_event if current is not None else None
    # The online gathering has a section of its own: the events by country are the others.
    others = [o for o in events.upcoming if o.event is not online] if events else []
    upcoming = others[: conf.events_shown]
    steps = [Action("join", url=online.url)] if online is not None else []
    if any(_can_attend(o, page.now) for o in upcoming):
        steps.append(Action("events", anchor="events"))
    if latest is not None and latest.view.resources:
        steps.append(Action("resources", anchor="resources"))
    steps += _last_steps(page, add=True)
    return CampaignView(
        campaign=campaign,
        zone=zone,
        next_day=next_,
        editions=editions,
        latest_edition=latest,
        current_edition=current,
        earlier_editions=[e for e in reversed(editions) if e.year < next_.year],
        news=news,
        latest_news=news[: conf.latest_news],
        events=events,
        events_by_country=group_by_country(upcoming, page.locale),
        online_event=online,
        organizers=[link_to(o) for o in campaign.organizers or []],
        feed_url=conf.feed_atom.format(id=campaign.id) if conf.feed_atom else None,
        add_event=page.add_event,
        steps=steps,
    )


def _can_attend(occurrence, now: datetime) -> bool:
    """An occurrence still to come of an event that is not cancelled: one to invite to."""
    return not occurrence.is_past(now) and occurrence.event.view.status != "cancelled"


def _last_steps(page: PageFacts, add: bool) -> list[Action]:
    """Adding one's own event (when ``add``) and sharing the page, where the site offers it."""
    found = [page.add_event] if add and page.add_event is not None else []
    return found + ([Action("share", anchor="share-heading")] if page.share else [])


def edition_view(edition, *, number, day, today, neighbours, news, page, campaign) -> EditionView:
    occurrences = [
        o
        for o in page.occurrences
        if o.event.fields.get("campaign") is campaign and o.event.edition == edition.year
    ]
    # The online gathering has a section of its own: the events by country are the others.
    others = [o for o in occurrences if o.event is not edition.online_event]
    resources = describe(edition.resources, page.content_path, page.default_lang)
    online = edition.online_event if pending(edition.online_event) else None
    coming = day >= today
    steps = [] if coming else [Action("next_day", url=campaign.url)]
    if online is not None:
        steps.append(Action("join", url=online.url))
    if coming and any(_can_attend(o, page.now) for o in others):
        steps.append(Action("events", anchor="events"))
    if resources:
        steps.append(Action("resources", anchor="resources"))
    steps += _last_steps(page, add=coming)
    return EditionView(
        edition=edition,
        number=number,
        day=day,
        countdown=NextDay(day, (day - today).days) if coming else None,
        previous_edition=neighbours[0],
        next_edition=neighbours[1],
        news=news,
        occurrences=occurrences,
        events_by_country=group_by_country(others, page.locale),
        resources=resources,
        resources_by_language=by_language(resources),
        online_event=online,
        add_event=page.add_event if coming else None,
        steps=steps,
    )


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
