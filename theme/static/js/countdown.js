/* Keeps "in 72 days" right between builds, in the reader's own date and language.
   The page says the same thing without this script, as of the day it was built. */
(function () {
  "use strict";
  var items = document.querySelectorAll("[data-countdown]");
  if (!items.length || !window.Intl || !Intl.RelativeTimeFormat) {
    return;
  }
  var format = new Intl.RelativeTimeFormat(document.documentElement.lang || "en", {
    numeric: "auto"
  });
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  Array.prototype.forEach.call(items, function (item) {
    var parts = item.getAttribute("data-countdown").split("-");
    var day = Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    item.textContent = format.format(Math.round((day - today) / 86400000), "day");
  });
})();
