"""Wires the events plugin into the records core and Pelican. No state lives here."""

from datetime import datetime, time

from pelican import signals

from records import (
    Crumb,
    changes_at,
    current_language,
    plugin_enabled,
    section,
    site_zone,
    trail,
    ui_text,
)
from records import signals as records_signals

from .agenda import Agenda
from .filters import build_filters
from .pages import EventsGenerator
from .schema import EVENT
from .settings import read


def declare(settings):
    return [EVENT]


def derive(generator, store):
    """Once every record is resolved: expand, split and group the events for the templates."""
    settings = generator.settings
    conf = read(settings)
    now = generator.context["now"]
    zone = site_zone(settings)
    today = datetime.combine(now.astimezone(zone).date(), time(), zone)
    locale = current_language(settings).locale
    agenda = Agenda(store, now, today, conf, locale=locale, text=ui_text(settings))
    if agenda.next_change is not None:
        changes_at(generator.context, agenda.next_change)
    for event, error in agenda.refused:
        generator.problem(event.source_path, "recurrence", error.message, error.fix)
        store.skip("event", event.id)
    report_reserved_slugs(generator, store)
    events = section(settings, "Events", conf.url("INDEX"))
    for event in store.all("event"):
        event.breadcrumbs = trail(settings, events, Crumb.of(event))
    filters = build_filters(
        agenda, locale, ui_text(settings), lambda crumb: trail(settings, events, crumb)
    )
    generator.context.update(
        events_agenda=agenda,
        upcoming_events=agenda.upcoming,
        past_events=agenda.past,
        events_by_campaign=agenda.campaigns,
        event_filters=filters,
        events_by_country=filters.by_country,
        event_months=agenda.months,
        events_urls=conf.urls,
        events_feed=agenda.feed,
        events_feed_webcal=agenda.feed_webcal,
        events_locale=locale,
        events_today=today.date(),
    )


# Names the default URLs give the events section's own pages (events/past/, events/online/,
# events/page/2/…).
RESERVED_IDS = frozenset(
    {"past", "calendar", "campaigns", "country", "online", "in-person", "page"}
)


def report_reserved_slugs(generator, store) -> None:
    """An event whose id is the name of a list page would clash with it: say so."""
    for event in store.all("event"):
        if event.id in RESERVED_IDS:
            generator.problem(
                event.source_path,
                "slug",
                f'"{event.id}" is the name of a page of the events section',
                "rename the file or give it its own Slug line",
            )


def add_generator(pelican):
    return EventsGenerator if plugin_enabled(pelican.settings, "events") else None


def register():
    records_signals.record_types.connect(declare)
    records_signals.records_ready.connect(derive)
    signals.get_generators.connect(add_generator)
