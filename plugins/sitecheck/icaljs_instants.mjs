// The UTC instants that Mozilla's ical.js (the calendar library of Thunderbird and Nextcloud)
// reads in .ics files, for plugins/sitecheck/calendars.py to compare with Python's readers.
//
//   node icaljs_instants.mjs COUNT FILE.ics...
//
// Prints one JSON object: for each file, a list of its events, each
// {"uid", "start", "end", "occurrences"}. A time is a UTC instant ("2026-07-08T07:00:00Z"), a
// whole day a date ("2026-11-13"); "occurrences" holds the first COUNT starts of a recurring
// event, [] for a single one. Zones are those of each file's own VTIMEZONE components, which
// ical.js finds through the event's parent calendar: no zone data is loaded from elsewhere.

import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function instant(time) {
  if (time.isDate) {
    return time.toString();
  }
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

function occurrences(event, count) {
  if (!event.isRecurring()) {
    return [];
  }
  const starts = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) {
    starts.push(instant(next));
  }
  return starts;
}

function events(path, count) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: instant(event.startDate),
      end: instant(event.endDate),
      occurrences: occurrences(event, count),
    };
  });
}

const [count, ...paths] = process.argv.slice(2);
const found = Object.fromEntries(paths.map((path) => [path, events(path, Number(count))]));
process.stdout.write(JSON.stringify(found));
