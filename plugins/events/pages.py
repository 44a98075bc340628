"""The generator that writes the event lists, the month pages and the iCalendar files.

It only writes: the agenda is computed when the records are ready (see :mod:`events.plugin`)
and found in the context. Event pages themselves are written by the records core.
"""

from pelican.generators import Generator
from pelican.paginator import Paginator

from records import ui_text

from . import ical
from .agenda import written_in_language
from .months import weekday_names, weeks
from .settings import read


class EventsGenerator(Generator):
    per_language = True  # its pages exist in every language (records.passes)

    def generate_context(self):
        """Nothing to read: the events are records, read and checked by the records core.
        The calendars' time zones are shared by every language's files, and kept between
        builds in Pelican's cache."""
        self.zones = ical.Zones(self.settings["CACHE_PATH"])

    def generate_output(self, writer):
        agenda = self.context.get("events_agenda")
        if agenda is None:
            return
        self.conf = read(self.settings)
        self.writer = writer
        self.write_lists(agenda)
        self.write_months(agenda)
        self.write_filters(agenda)
        self.write_calendars(agenda)

    def write_page(self, save_as: str, template: str, url: str, **values) -> None:
        self.writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=url,
            events_page_url=url,
            **values,
        )

    def write_paginated(
        self, save_as: str, template: str, url: str, items: list, upcoming=None, **values
    ):
        """Pages of ``items`` as Pelican paginates news, so the theme's pagination fits.
        With ``upcoming`` (those of ``items`` still to come), each page also gets its
        items parted into ``events_upcoming`` and ``events_past``."""
        if not items:
            self.write_page(save_as, template, url, events_list=[], **values)
            return
        paginator = Paginator(save_as, url, items, self.settings, self.conf.per_page)
        for number in paginator.page_range:
            page = paginator.page(number)
            if upcoming is not None:
                coming = {id(o) for o in upcoming}
                values["events_upcoming"] = [o for o in page.object_list if id(o) in coming]
                values["events_past"] = [o for o in page.object_list if id(o) not in coming]
            self.write_page(
                page.save_as,
                template,
                page.url,
                events_list=page.object_list,
                # the names the theme's partials/pagination.html and page_number.html read
                articles_paginator=paginator,
                articles_page=page,
                articles_previous_page=paginator.page(number - 1) if number > 1 else None,
                articles_next_page=(
                    paginator.page(number + 1) if number < paginator.num_pages else None
                ),
                **values,
            )

    def write_lists(self, agenda) -> None:
        conf = self.conf
        self.write_paginated(
            conf.path("INDEX"), "events", conf.url("INDEX"), agenda.upcoming, events_view="upcoming"
        )
        self.write_paginated(
            conf.path("PAST"), "events", conf.url("PAST"), agenda.past, events_view="past"
        )

    def write_months(self, agenda) -> None:
        locale = self.context["events_locale"]
        first_weekday = locale.first_week_day
        names = weekday_names(locale, first_weekday)
        today = self.context["events_today"]
        self.write_page(
            self.conf.path("CALENDAR"),
            "events_months",
            self.conf.url("CALENDAR"),
            events_view="calendar",
        )
        for month in agenda.months:
            self.write_page(
                month.save_as,
                "events_month",
                month.url,
                month=month,
                month_weeks=weeks(month, agenda.by_day, today, first_weekday),
                weekday_names=names,
                events_view="calendar",
            )

    def write_filters(self, agenda) -> None:
        """A paginated list per filter; a campaign's keeps its own template (its feed, its
        page). Each page says which of its events are still to come and which are past."""
        for found in self.context["event_filters"]:
            campaign = agenda.campaigns.get(found.key) if found.kind == "campaign" else None
            self.write_paginated(
                found.save_as,
                "events_campaign" if campaign else "events_filter",
                found.url,
                found.occurrences,
                upcoming=found.upcoming,
                events_filter=found,
                events_campaign=campaign,
                events_view="filter",
                item=found,
            )

    def write_calendars(self, agenda) -> None:
        """One calendar per event (in the event's own language), and the feeds of all events
        and of each campaign with only the events written in the language being written: a
        subscriber's calendar never mixes languages. Each calendar is made only when it is
        really written (the writer calls it)."""
        conf, now, zones = self.conf, agenda.now, self.zones
        write = self.writer.write_bytes

        def calendar(views: list, name: str):
            return lambda: ical.calendar(views, conf, now, name, zones)

        for view in agenda.views:
            write(view.ics_url, calendar([view], view.event.title))
        if agenda.feed:
            name = f"{conf.sitename}: {ui_text(self.settings).gettext('Events')}"
            write(agenda.feed, calendar(written_in_language(agenda.views), name))
        for campaign in agenda.campaigns.values():
            if campaign.feed:
                name = f"{conf.sitename}: {campaign.link.title}"
                write(campaign.feed, calendar(written_in_language(campaign.views), name))
        zones.save()
