/* global document, EventSource */
// Live blog progressive enhancement: the page is complete without this file (entries newest first,
// a "Perbarui" link). With it, new entries arrive over Server-Sent Events and are shown in place.
// The server sends each entry already rendered (the same view as the page), keyed by its id.
(function () {
  "use strict";
  var list = document.querySelector("[data-live-stream]");
  if (!list || typeof EventSource !== "function") return;
  var status = document.querySelector("[data-live-status]");
  var source = new EventSource(list.getAttribute("data-live-stream"));

  function fragment(markup) {
    var template = document.createElement("template");
    template.innerHTML = markup;
    return template.content;
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  var pinned = document.querySelector("[data-live-pinned]");

  source.addEventListener("entry", function (event) {
    var data = JSON.parse(event.data);
    var existing = document.getElementById(data.anchor);
    var empty = document.querySelector("[data-live-empty]");
    if (empty) empty.remove();
    if (data.pinned && pinned) {
      // The Ringkasan: its box holds the one pinned entry.
      if (existing) existing.remove();
      pinned.replaceChildren(fragment(data.html));
      return;
    }
    if (existing && pinned && pinned.contains(existing)) {
      pinned.replaceChildren();
      existing = null;
    }
    var node = fragment(data.html);
    if (existing) existing.replaceWith(node);
    else list.insertBefore(node, list.firstElementChild);
    say(list.getAttribute("data-live-new") || "");
  });

  source.addEventListener("removed", function (event) {
    var data = JSON.parse(event.data);
    var existing = document.getElementById(data.anchor);
    if (existing) existing.remove();
  });

  source.addEventListener("closed", function (event) {
    var data = JSON.parse(event.data);
    var notice = document.querySelector("[data-live-notice]");
    if (notice) notice.replaceWith(fragment(data.html));
    source.close();
  });
})();
