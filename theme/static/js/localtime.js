/* Writes the reader's own time beside each time of an event, where their time zone gives
   another time or day than the event's: "11:00–14:00 CET (your time: 18:00–21:00 GMT+8)".
   The page says the event's own time without this script. It reads [data-zone] elements
   (the event's zone) and the UTC instants of the <time> elements inside them; the words come
   from the page in its language (data-label, data-locale on this script's element). The added
   text is ordinary text, not aria-hidden: a blind reader in another zone needs it as much as
   anyone, and reads it right after the event's own time (it is there before the page is
   read, so it needs no live region). */
(function () {
  "use strict";
  var script = document.currentScript;
  var items = document.querySelectorAll("[data-zone]");
  if (!script || !items.length || !window.Intl) {
    return;
  }
  var locale = script.getAttribute("data-locale") || document.documentElement.lang || "en";
  var label = script.getAttribute("data-label") || "({time})";
  var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var exact = { year: "numeric", month: "numeric", day: "numeric" };
  var clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

  function format(options, zone, date) {
    return new Intl.DateTimeFormat(locale, Object.assign({ timeZone: zone }, options)).format(date);
  }

  function sameWallTime(zone, date) {
    return format(Object.assign({}, exact, clock), zone, date) ===
      format(Object.assign({}, exact, clock), reader, date);
  }

  Array.prototype.forEach.call(items, function (item) {
    var zone = item.getAttribute("data-zone");
    var times = Array.prototype.map.call(item.querySelectorAll("time[datetime]"), function (time) {
      return new Date(time.getAttribute("datetime"));
    });
    try {
      if (!times.length || isNaN(times[0]) || times.every(sameWallTime.bind(null, zone))) {
        return;
      }
      var start = times[0];
      var end = times[times.length - 1];
      // The day too, when the reader's day is not the one the page gives.
      var options = Object.assign({ timeZone: reader, timeZoneName: "short" }, clock);
      if (format(exact, zone, start) !== format(exact, reader, start) ||
          format(exact, reader, start) !== format(exact, reader, end)) {
        Object.assign(options, { weekday: "short", day: "numeric", month: "short" });
      }
      var local = new Intl.DateTimeFormat(locale, options);
      var text = end > start && local.formatRange ? local.formatRange(start, end) : local.format(start);
      var note = document.createElement("span");
      note.className = "event-local";
      note.textContent = " " + label.replace("{time}", text);
      item.parentNode.insertBefore(note, item.nextSibling);
    } catch (error) {
      // A zone this browser does not know: the event's own time stays, alone.
    }
  });
})();
