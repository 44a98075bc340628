/* Sharing that needs a script (partials/share_links.html), each part shown only where it
   works: copying the page's address, the device's own share sheet (Web Share API), and
   Mastodon, whose server the reader names first. Nothing is sent anywhere until the reader
   chooses; without this script the plain share links are all there is. */
(function () {
  "use strict";
  var section = document.querySelector("[data-share-url]");
  if (!section) {
    return;
  }
  var url = section.getAttribute("data-share-url");
  var text = section.getAttribute("data-share-text");
  var status = section.querySelector("[data-share-status]");
  var tools = section.querySelector("[data-share-tools]");

  function say(name) {
    status.textContent = status.getAttribute("data-" + name);
  }

  function offer(button, action) {
    button.hidden = false;
    tools.hidden = false;
    button.addEventListener("click", action);
  }

  if (navigator.clipboard && window.isSecureContext) {
    offer(section.querySelector("[data-share-copy]"), function () {
      navigator.clipboard.writeText(url).then(
        function () { say("copied"); },
        function () { say("not-copied"); }
      );
    });
  }

  if (navigator.share) {
    offer(section.querySelector("[data-share-native]"), function () {
      navigator.share({ title: text, text: text, url: url }).catch(function () {
        /* the reader closed the share sheet: nothing to say */
      });
    });
  }

  var form = section.querySelector("[data-share-mastodon]");
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var server = form.elements.server.value.trim();
    server = server.replace(/^https?:\/\//i, "").replace(/\/.*$/, "");
    server = server.slice(server.lastIndexOf("@") + 1); /* @name@server.example */
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]+)?$/i.test(server)) {
      say("bad-server");
      form.elements.server.focus();
      return;
    }
    window.location.href =
      "https://" + server + "/share?text=" + encodeURIComponent(text + " " + url);
  });
})();
