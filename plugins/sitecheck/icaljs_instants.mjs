// The UTC instants that Mozilla's ical.js (the calendar library of Thunderbird and Nextcloud)
// reads in .ics files, for plugins/sitecheck/calendars.py to compare with Python's readers.
//
//   node icaljs_instants.mjs COUNT YEARS LIMIT FILE.ics...
//
// Prints one JSON object: for each file, a list of its events, each
// {"uid", "start", "end", "occurrences", "later"}. A time is a UTC instant
// ("2026-07-08T07:00:00Z"), a whole day a date ("2026-11-13"); "occurrences" holds the first
// COUNT starts of a recurring event, [] for a single one; "later" a [day, start] pair for each
// 1 January and 1 July of the YEARS (such as "1,5,10,25") after the year of its start: the
// first start on or after that day, among the first LIMIT starts. Zones are those of each file's own VTIMEZONE components, which
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

function later(event, years, limit) {
  if (!event.isRecurring()) {
    return [];
  }
  const first = event.startDate.year;
  const days = years.flatMap((n) => [1, 7].map((month) => [first + n, month]));
  const found = [];
  const iterator = event.iterator();
  let next = iterator.next();
  for (let n = 0; next && days.length && n < limit; n++, next = iterator.next()) {
    // on or after the first of the month of days[0]
    while (days.length && next.year * 12 + next.month >= days[0][0] * 12 + days[0][1]) {
      const [year, month] = days.shift();
      found.push([`${year}-${String(month).padStart(2, "0")}-01`, instant(next)]);
    }
  }
  return found;
}

function events(path, count, years, limit) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: instant(event.startDate),
      end: instant(event.endDate),
      occurrences: occurrences(event, count),
      later: later(event, years, limit),
    };
  });
}

const [count, years, limit, ...paths] = process.argv.slice(2);
const after = years ? years.split(",").map(Number) : [];
const found = Object.fromEntries(
  paths.map((path) => [path, events(path, Number(count), after, Number(limit))]),
);
process.stdout.write(JSON.stringify(found));
