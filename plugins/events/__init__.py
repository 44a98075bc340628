"""Events: dated records with calendar pages and iCalendar feeds, built on the records core.

Editors write ``content/events/**.md`` (keys: ``docs/editors.md``, "Events"). The plugin
declares the ``event`` record type, expands recurring events inside a bounded window,
and adds to every template ``upcoming_events`` (each event once, at its next date; a
recurring one says its rule in words: :mod:`events.words`), ``past_events``,
``events_by_campaign`` and ``event_months``. It writes the upcoming list and the past
archive (paginated), a month page per month with events and their index, a list per
campaign, and the iCalendar files: one per event, one for all events, one per campaign.
List it in PLUGINS after "records" and "i18n", which it builds on. Settings and their
defaults: :mod:`events.settings`.
"""

from .plugin import register

__all__ = ["register"]
