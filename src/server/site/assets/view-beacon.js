/* global document, navigator */
// Terpopuler behind a CDN (WARTA_VIEW_COUNTING=beacon): the page may come from the CDN's cache, so
// the origin hears of the read from this beacon. No cookie, no identifier: just the story's id.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-view-beacon");
  if (url && navigator.sendBeacon) navigator.sendBeacon(url);
})();
