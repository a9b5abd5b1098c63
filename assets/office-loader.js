/*
 * Loads Office.js: Microsoft's CDN when it answers, else the copy webpack puts in office-js/ (the
 * whole @microsoft/office-js/dist folder; office.js fetches its host- and locale-files from there).
 * Every page that runs inside Office (taskpane.html, commands.html, result.html) includes it in
 * <head>, before its bundle. Not for preview.html.
 *
 * Why not a plain <script src=CDN onerror=fallback>: on intranets the CDN often does not refuse but
 * hangs (a proxy that drops packets), and then onerror never fires and the page waits for minutes.
 * A timer cannot cancel a script element once inserted, so waiting on the script and then adding
 * the local copy could end with both running. Instead a HEAD request asks whether the CDN answers
 * within WAIT_MS, and exactly one Office.js script is inserted: the CDN's if it answered (its
 * onerror still falls back, an errored script never runs), the local one otherwise.
 *
 * The script is inserted dynamically, so it may still be loading when a bundle starts: bundles wait
 * with officeReady() (src/office-ready.ts) instead of touching Office at the top level.
 * ES5 on purpose: it runs before anything else, also in old webviews (see legacy-guard.js).
 */
(function () {
  'use strict';
  var CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  var LOCAL = 'office-js/office.js';
  // Long enough for a slow but working line (the HEAD is one round trip), short enough that the
  // pane is up within 10 s when the CDN hangs: the local copy needs well under a second.
  var WAIT_MS = 4000;
  var chosen = false;

  function insert(src, onerror) {
    var s = document.createElement('script');
    s.src = src;
    if (onerror) {
      s.onerror = function () {
        // office.js finds the folder of its other files from the first office.js <script> in the
        // page: a failed CDN tag left in place would send the local copy to the CDN for them.
        if (s.parentNode) s.parentNode.removeChild(s);
        onerror();
      };
    }
    (document.head || document.documentElement).appendChild(s);
  }

  function loadLocal() {
    window.budgetCheckOfficeJs = LOCAL;
    insert(LOCAL);
  }

  function loadCdn() {
    window.budgetCheckOfficeJs = CDN;
    insert(CDN, loadLocal);
  }

  function choose(load) {
    if (chosen) return;
    chosen = true;
    load();
  }

  if (typeof fetch !== 'function' || typeof AbortController !== 'function') {
    // Old webviews (Internet Explorer 11): no way to probe; the CDN tag falls back when it errors.
    loadCdn();
    return;
  }
  var controller = new AbortController();
  var timer = setTimeout(function () {
    controller.abort();
    choose(loadLocal);
  }, WAIT_MS);
  // no-cors: the CDN sends no CORS headers; an opaque answer (any status) still proves it answers,
  // and a 4xx/5xx then makes the script's onerror fall back. no-store: nothing to cache from a HEAD.
  fetch(CDN, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', signal: controller.signal }).then(
    function () {
      clearTimeout(timer);
      choose(loadCdn);
    },
    function () {
      clearTimeout(timer);
      choose(loadLocal);
    },
  );
})();
