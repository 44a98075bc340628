"""The events plugin: records, pages, iCalendar files, and every kind of bad input."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import vobject

from tests.conftest import FIXED_EPOCH, FIXTURES, ROOT, assert_one_issue

PLUGINS = ("records", "i18n", "events", "campaigns", "eventrefs")
PLUGIN_PATHS = [str(ROOT / "plugins"), str(FIXTURES / "events" / "plugins")]
NOW = datetime.fromtimestamp(int(FIXED_EPOCH), tz=UTC)

VIGIL = """
    Title: Vigil
    Start: 2026-02-08 09:00
    End: 2026-02-08 10:30
    Timezone: Europe/Rome
    Location: Parish hall, Via Roma 1, Rome
    Online: https://example.org/stream
    Campaign: day-of-prayer
    Organizers: talitha-kum
    Summary: We pray together.

    The programme.
"""


def files(**events):
    found = {
        "partners/talitha-kum.md": "Title: Talitha Kum\n",
        "campaigns/day-of-prayer/index.md": "Title: Day of Prayer\nDay: 02-08\n",
        "events/vigil.md": VIGIL,
    }
    found.update({f"events/{name}.md": text for name, text in events.items()})
    return {path: text for path, text in found.items() if text is not None}


@pytest.fixture
def events_site(site):
    def make(file_map, **overrides):
        overrides.setdefault("PLUGIN_PATHS", PLUGIN_PATHS)
        return site(file_map, plugins=PLUGINS, **overrides)

    return make


def ics_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.ics"))


def parse_both(path: Path):
    data = path.read_bytes()
    return icalendar.Calendar.from_ical(data), vobject.readOne(data.decode("utf-8"))


def google_dates(html: str) -> str:
    link = re.search(r'href="(https://calendar\.google\.com/[^"]+)"', html)[1]
    return parse_qs(urlsplit(link.replace("&amp;", "&")).query)["dates"][0]


# iCalendar files


@pytest.mark.parametrize("build_name", ["demo", "published"])
def test_every_ics_file_parses_with_icalendar_and_vobject(request, build_name):
    build = request.getfixturevalue(build_name)
    paths = ics_files(build.output)
    assert len(paths) >= 12
    for path in paths:
        calendar, parsed = parse_both(path)
        assert calendar.walk("VEVENT"), path
        assert parsed.vevent_list, path


@pytest.mark.parametrize("build_name", ["demo", "published"])
def test_every_ics_file_follows_the_rules(request, build_name):
    build = request.getfixturevalue(build_name)
    host = "example.org" if build_name == "published" else "localhost"
    paths = ics_files(build.output)
    assert len(paths) >= 12
    for path in paths:
        data = path.read_bytes()
        lines = data.split(b"\r\n")
        assert lines[-1] == b"", f"{path}: ends with CRLF"
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: every line ends with CRLF"
        assert all(len(line) <= 75 for line in lines), f"{path}: folded at 75 octets"
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar["VERSION"] == "2.0"
        assert "RENATE" in str(calendar["PRODID"])
        zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
        assert len(zones) == len(calendar.walk("VTIMEZONE")), "one VTIMEZONE per zone"
        for event in calendar.walk("VEVENT"):
            assert re.fullmatch(rf"[\w.-]+@{host}", str(event["UID"]))
            assert event.decoded("DTSTAMP") == NOW
            assert event["DTSTAMP"].to_ical().endswith(b"Z")
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            if isinstance(start, datetime):
                assert event["DTSTART"].params["TZID"] in zones
                assert event["DTEND"].params["TZID"] in zones
            else:
                assert event["DTSTART"].params["VALUE"] == "DATE"
            assert end >= start
            assert event["STATUS"] in {"CONFIRMED", "TENTATIVE", "CANCELLED"}
            assert "<" not in str(event.get("DESCRIPTION", "")), "plain text"
            if build_name == "published":  # the event's page, in the calendar's language
                assert re.match(r"https://example.org/campaigns/([a-z]{2}/)?events/", event["URL"])


def test_feed_has_every_event_with_rules_and_locations(demo):
    calendar = icalendar.Calendar.from_ical((demo.output / "events/events.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    pages = [p for p in (demo.output / "events").glob("*/*.ics") if p.stem == p.parent.name]
    assert len(events) == len(pages)
    rule = events["day-of-prayer"]["RRULE"]
    assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["YEARLY"], [2], [8])
    assert events["example-cancelled-vigil"]["STATUS"] == "CANCELLED"
    assert "Fátima" in str(events["2022-renate-assembly-fatima"]["LOCATION"])
    assert str(events["2022-renate-assembly-fatima"].decoded("DTEND")) == "2022-11-20"


def test_uid_stays_the_same_when_the_time_changes(events_site):
    first = events_site(files())
    ics = "events/vigil/vigil.ics"
    uid = icalendar.Calendar.from_ical(first.page(ics)).walk("VEVENT")[0]["UID"]
    moved = events_site(files(vigil=VIGIL.replace("09:00", "18:00").replace("10:30", "19:30")))
    event = icalendar.Calendar.from_ical(moved.page(ics)).walk("VEVENT")[0]
    assert event["UID"] == uid
    assert event.decoded("DTSTART").hour == 18


ROME_SUMMER_WINTER = {
    "summer": "Title: Summer\nStart: 2026-07-08 09:00\nTimezone: Europe/Rome\n",
    "winter": "Title: Winter\nStart: 2026-12-09 09:00\nTimezone: Europe/Rome\n",
}


@pytest.mark.parametrize(("name", "utc"), [("summer", "070000Z"), ("winter", "080000Z")])
def test_rome_nine_oclock_in_utc_in_google_link(events_site, name, utc):
    build = events_site(files(**ROME_SUMMER_WINTER))
    dates = google_dates(build.page(f"events/{name}/index.html"))
    assert dates.startswith(f"{'20260708' if name == 'summer' else '20261209'}T{utc}/")


@pytest.mark.parametrize(("name", "hour"), [("summer", 7), ("winter", 8)])
def test_rome_nine_oclock_in_utc_through_the_feeds_vtimezone(events_site, name, hour):
    build = events_site(files(**ROME_SUMMER_WINTER))
    parsed = vobject.readOne(build.page("events/events.ics"))
    # vobject builds the zone from the file's own VTIMEZONE, not from the system's zoneinfo
    event = next(e for e in parsed.vevent_list if e.summary.value == name.title())
    assert event.dtstart.value.astimezone(UTC).hour == hour
    calendar = icalendar.Calendar.from_ical(build.page("events/events.ics"))
    (rome,) = [tz for tz in calendar.walk("VTIMEZONE") if tz["TZID"] == "Europe/Rome"]
    offsets = {sub.name: str(sub["TZOFFSETTO"].to_ical()) for sub in rome.subcomponents}
    assert offsets == {"STANDARD": "+0100", "DAYLIGHT": "+0200"}


def test_all_day_event_is_a_date_with_exclusive_end(events_site):
    build = events_site(files(days="Title: Days\nStart: 2026-11-13\nEnd: 2026-11-19\n"))
    event = icalendar.Calendar.from_ical(build.page("events/days/days.ics")).walk("VEVENT")[0]
    assert event["DTSTART"].to_ical() == b"20261113"
    assert event["DTEND"].to_ical() == b"20261120"
    assert google_dates(build.page("events/days/index.html")) == "20261113/20261120"


# Pages


def test_event_page_shows_zone_offset_status_links_and_structured_data(events_site):
    build = events_site(
        files(vigil=VIGIL.replace("    Summary:", "    Status: cancelled\n    Summary:"))
    )
    page = build.page("events/vigil/index.html")
    assert "Rome time (Europe/Rome, UTC+01:00)" in page
    assert 'class="event-status event-status-cancelled"' in page
    assert '<a href="../../partners/talitha-kum/">Talitha Kum</a>' in page
    assert '<a href="../../campaigns/day-of-prayer/">Day of Prayer</a>' in page
    assert 'href="../../events/vigil/vigil.ics"' in page
    assert "startdt=2026-02-08T08%3A00%3A00Z" in page  # Outlook, in UTC
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page)[1])
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-02-08T09:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]
    assert data["organizer"][0]["name"] == "Talitha Kum"


def test_online_event_has_a_table_of_times(events_site):
    build = events_site(files())
    page = build.page("events/vigil/index.html")
    table = page[page.index('class="event-times"') :]
    assert '<th scope="row">Sydney <span class="event-offset">UTC+11:00</span></th>' in table
    assert 'datetime="2026-02-08T19:00:00+11:00"' in table
    assert 'datetime="2026-02-08T03:00:00-05:00"' in table  # New York


def test_published_event_page_offers_webcal_subscription(published):
    page = published.page("events/2026-day-of-prayer-online-gathering/index.html")
    assert 'href="webcal://example.org/campaigns/events/events.ics"' in page


def test_month_page_is_an_accessible_table(demo):
    page = demo.page("events/calendar/2026-01/index.html")
    assert '<caption id="month-caption">January 2026</caption>' in page
    assert page.count('<th scope="col">') == 7
    today = re.search(r'<td [^>]*aria-current="date">\s*<span class="event-day-number">(\d+)', page)
    assert today[1] == "20"
    link = re.search(r'<a href="[^"]*example-monthly-meeting/">(.*?)</a>', page, re.S)[1]
    assert "Monday, 5 January 2026" in link  # the date is part of the link's name
    assert 'rel="prev"' in page
    assert 'href="../../../events/calendar/2026-02/" rel="next"' in page


def test_month_page_has_an_agenda_of_its_days_for_small_screens(demo):
    page = demo.page("events/calendar/2026-02/index.html")
    agenda = page[page.index('<div class="event-agenda">') :]
    days = re.findall(r"<h2>(.*?)</h2>", agenda)
    assert days[:3] == [
        "Monday, 2 February 2026",
        "Friday, 6 February 2026",
        "Sunday, 8 February 2026",
    ]
    assert "11:00</time>–<time" in agenda  # the agenda gives the end time too


def test_every_time_names_its_zone_and_its_utc_instant(demo):
    card = '<time datetime="2026-02-06T10:00Z">Friday, 6 February 2026, 11:00</time>'
    card += '–<time datetime="2026-02-06T13:00Z">14:00</time> CET'
    for path in ("index.html", "events/index.html", "campaigns/day-of-prayer/index.html"):
        assert card in demo.page(path), path
    month = demo.page("events/calendar/2026-02/index.html")
    assert '<time datetime="2026-02-06T10:00Z">11:00</time> CET</span>' in month
    assert 'data-zone="Europe/Rome"' in month
    french = demo.page("fr/events/index.html")
    assert "vendredi 6 février 2026, 11:00</time>" in french
    assert "14:00</time> UTC+1" in french  # French has no abbreviation for the zone


def test_reader_zone_script_only_on_pages_with_times(demo):
    script = "theme/js/localtime.js"
    assert demo.page("events/calendar/2026-02/index.html").count(script) == 1
    assert script not in demo.page("events/calendar/2022-11/index.html")  # whole days only
    assert script not in demo.page("events/day-of-prayer/index.html")
    tag = re.search(r"<script [^>]*localtime\.js[^>]*>", demo.page("fr/events/index.html"))[0]
    assert 'data-locale="fr"' in tag
    assert "defer" in tag
    assert 'data-label="(chez vous\u00a0: {time})"' in tag


MONTHLY = """
    Title: Monthly
    Start: 2026-01-05 17:00
    End: 2026-01-05 18:00
    Timezone: Europe/Brussels
    Recurrence: FREQ=MONTHLY;BYDAY=1MO
    Location: Online
    Campaign: day-of-prayer
"""


def test_a_monthly_event_is_listed_once_with_its_rule_in_words(events_site):
    # 2 February, then the vigil on 8 February, then 2 March: one card for the event
    build = events_site(files(monthly=MONTHLY))
    home = build.page("index.html")
    campaign_events = build.page("events/campaigns/day-of-prayer/index.html")
    lists = {
        "home": home[home.index('id="upcoming-events"') :],
        "events": build.page("events/index.html"),
        "campaign's events": campaign_events.split('id="campaign-past"')[0],
        "campaign": build.page("campaigns/day-of-prayer/index.html"),
    }
    for name, page in lists.items():
        assert len(re.findall(r'href="[^"]*events/monthly/"', page)) == 1, name
        assert "Every month on the first Monday, 17:00 CET" in page, name
        assert re.search(r"Next date: <span [^>]*><time datetime=\"2026-02-02T16:00Z\">", page), (
            name
        )


def test_month_links_to_each_coming_date_on_the_events_page(demo):
    march = demo.page("events/calendar/2026-03/index.html")
    assert 'href="../../../events/example-monthly-meeting/#2026-03-02"' in march
    event = demo.page("events/example-monthly-meeting/index.html")
    assert '<li id="2026-03-02">' in event
    assert "Every month on the first Monday, 17:00 CET" in event
    january = demo.page("events/calendar/2026-01/index.html")  # 5 January is past: no anchor
    assert 'href="../../../events/example-monthly-meeting/"' in january
    assert '<li id="2026-01-05">' not in event


def test_month_index_lists_every_month_with_events(demo):
    page = demo.page("events/calendar/index.html")
    assert 'href="../../events/calendar/2022-11/">November 2022</a>' in page
    assert 'href="../../events/calendar/2026-02/"' in page


def test_multi_day_event_appears_on_every_day(demo):
    page = demo.page("events/calendar/2022-11/index.html")
    grid, agenda = page.split('<div class="event-agenda">')
    assert grid.count("events/2022-renate-assembly-fatima/") == 7
    assert agenda.count("events/2022-renate-assembly-fatima/") == 7


def test_upcoming_and_past_lists_are_paginated(events_site):
    many = {f"e{n:02d}": f"Title: Event {n}\nStart: 2026-03-{n + 1:02d}\n" for n in range(12)}
    build = events_site(files(**many))
    first = build.page("events/index.html")
    assert first.index("Vigil") < first.index("Event 0")
    assert 'href="../events/page/2/"' in first
    assert "Event 11" in build.page("events/page/2/index.html")


def test_campaign_list_and_feed(demo):
    page = demo.page("events/campaigns/day-of-prayer/index.html")
    assert "Online prayer 2026: peace begins with dignity" in page
    calendar = icalendar.Calendar.from_ical(
        (demo.output / "events/campaigns/day-of-prayer/events.ics").read_bytes()
    )
    assert all("eu-anti" not in str(e["UID"]) for e in calendar.walk("VEVENT")), (
        "only the campaign's events"
    )


def test_context_has_upcoming_events_for_every_template(demo):
    page = demo.page("events/index.html")
    # 20 January 2026: the 2026 online gathering is next-but-one after the monthly meeting
    assert page.index("Online prayer 2026") < page.index("Example: evening vigil")


def test_source_date_epoch_moves_the_upcoming_past_split(events_site, monkeypatch):
    before = events_site(files())
    assert "Vigil" in before.page("events/index.html")
    assert "Vigil" not in before.page("events/past/index.html")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 3, 1, tzinfo=UTC).timestamp())))
    after = events_site(files())
    assert "Vigil" not in after.page("events/index.html")
    assert "Vigil" in after.page("events/past/index.html")


def test_recurring_event_is_expanded_inside_the_window(events_site):
    yearly = "Title: Yearly\nStart: 2015-02-08\nRecurrence: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=8\n"
    build = events_site(files(yearly=yearly), EVENTS_WINDOW_YEARS=1)
    months = sorted(p.parent.name for p in (build.output / "events/calendar").glob("*/index.html"))
    assert months == ["2025-02", "2026-02"]  # 20 January 2026, one year either side


def test_demo_events_have_no_issues(demo):
    assert [line for line in demo.issues if line.startswith("events/")] == []


# Bad input: one line each, naming the file and the field

BAD_INPUT = [
    ("unparsable date", VIGIL.replace("2026-02-08 09:00", "8 Feb 2026"), "start"),
    ("unknown time zone", VIGIL.replace("Europe/Rome", "Europe/Roma"), "timezone"),
    ("end before start", VIGIL.replace("10:30", "08:00"), "end"),
    ("skipped hour", VIGIL.replace("2026-02-08 09:00", "2026-03-29 02:30"), "start"),
    ("repeated hour", VIGIL.replace("2026-02-08 09:00", "2026-10-25 02:30"), "start"),
    ("invalid rule", VIGIL, "recurrence"),
    ("rule without freq", VIGIL, "recurrence"),
    ("rule off start", VIGIL, "recurrence"),
    ("unknown organizer", VIGIL.replace("talitha-kum", "talitha-kun"), "organizers"),
    (
        "unknown campaign",
        VIGIL.replace("Campaign: day-of-prayer", "Campaign: day-of-prayers"),
        "campaign",
    ),
    ("missing title", VIGIL.replace("Title: Vigil\n", ""), "title"),
    (
        "unknown status",
        VIGIL.replace("    Summary:", "    Status: canceled\n    Summary:"),
        "status",
    ),
]
RULES = {
    "invalid rule": "FREQ=YEARLI;BYMONTH=2",
    "rule without freq": "BYMONTH=2;BYMONTHDAY=8",
    "rule off start": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=9",
}


@pytest.mark.parametrize(("case", "text", "field"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_gives_one_line(events_site, case, text, field):
    if case in RULES:
        text = VIGIL.replace("    Summary:", f"    Recurrence: {RULES[case]}\n    Summary:")
    build = events_site(files(vigil=text))
    assert len(build.issues) == 1, build.issues
    assert build.issues[0].startswith(f"events/vigil.md: {field}: ")
    assert " — " in build.issues[0]
    assert not (build.output / "events/vigil/index.html").exists()


def test_vobject_and_zoneinfo_agree_on_every_timed_event(demo):
    for path in ics_files(demo.output):
        calendar, parsed = parse_both(path)
        starts = {str(e["UID"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
        for event in parsed.vevent_list:
            start = event.dtstart.value
            if isinstance(start, datetime):
                assert start.utcoffset() == starts[event.uid.value].utcoffset(), path


# Bounds: no one event file can make the build slow or large


def with_rule(rule: str, text: str = VIGIL) -> str:
    return text.replace("    Summary:", f"    Recurrence: {rule}\n    Summary:")


REFUSED_RULES = [
    ("FREQ=HOURLY", "repeats within a day"),
    ("FREQ=DAILY;BYHOUR=9,18", '"BYHOUR" sets times within a day'),
    ("FREQ=DAILY;INTERVAL=0", '"INTERVAL=0" is below 1'),
    ("FREQ=MONTHLY;BYDAY=9SU", "there is no such weekday of the month"),
    ("FREQ=WEEKLY;BYDAY=SU;BYSETPOS=1,1,1,1,1,1,1,1", '"BYSETPOS" has 8 values'),
    ("FREQ=YEARLY;BYEASTER=0", '"BYEASTER" is not a part of an RFC 5545 rule'),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=" + "8," * 100, "a rule has at most 200"),
    ("FREQ=DAILY;COUNT=1000000000000", "is not a valid recurrence rule"),
]


@pytest.mark.parametrize(("rule", "message"), REFUSED_RULES, ids=[r[1] for r in REFUSED_RULES])
def test_rules_finer_than_daily_or_costly_are_refused(events_site, rule, message):
    build = events_site(files(vigil=with_rule(rule)), RECORDS_STRICT=True)
    assert_one_issue(build, "events/vigil.md", "recurrence", message)


@pytest.mark.parametrize(
    "rule", ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31"]
)
def test_a_rule_that_never_gives_a_date_is_refused(events_site, rule):
    # dateutil alone walks such a rule day by day (or year by year) to the year 9999
    build = events_site(files(vigil=with_rule(rule)), RECORDS_STRICT=True)
    assert_one_issue(build, "events/vigil.md", "recurrence", "gives no date in the 100 years")


def test_a_rule_off_start_names_its_first_date(events_site):
    build = events_site(files(vigil=with_rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=9")))
    assert "its first date is 2026-02-09" in build.issues[0]


def test_too_many_dates_in_the_window_are_an_error_not_a_cut(events_site):
    build = events_site(files(vigil=with_rule("FREQ=DAILY")), RECORDS_STRICT=True)
    assert_one_issue(
        build,
        "events/vigil.md",
        "recurrence",
        "gives more than 500 dates between 2024-01-19 and 2028-01-22",
    )


def test_twice_a_week_through_the_window_and_far_ends_are_fine(events_site):
    twice = with_rule("FREQ=WEEKLY;BYDAY=SU,WE;COUNT=2147483647")
    until = with_rule("FREQ=YEARLY;UNTIL=21991231T235959Z", VIGIL.replace("Vigil", "Yearly"))
    build = events_site(files(vigil=twice, yearly=until), RECORDS_STRICT=True)
    assert build.error is None, build.issues
    march = build.page("events/calendar/2026-03/index.html")
    assert march.count("events/vigil/") >= 9  # five Sundays and four Wednesdays


YEAR_LONG = VIGIL.replace("2026-02-08 10:30", "2027-03-14 10:30")  # 400 days


def test_an_event_over_the_span_limit_is_refused(events_site):
    build = events_site(files(vigil=YEAR_LONG), RECORDS_STRICT=True)
    assert_one_issue(build, "events/vigil.md", "end", "makes the event 400 days long")


def test_the_span_limit_is_a_setting(events_site):
    build = events_site(files(vigil=YEAR_LONG), RECORDS_STRICT=True, EVENTS_MAX_DAYS=400)
    assert build.error is None, build.issues
    assert "events/vigil/" in build.page("events/calendar/2027-03/index.html")


def test_a_year_out_of_range_is_refused(events_site):
    build = events_site(files(vigil=VIGIL.replace("2026-02-08 09:00", "0001-02-08 09:00")))
    assert build.issues[0].startswith("events/vigil.md: start: 1 is not a year the site can show")
