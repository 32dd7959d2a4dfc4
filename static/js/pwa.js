// The site as an app: registers the service worker (/sw.js, templates/pwa/sw.js), says when the
// page is a copy saved on the device, tells the worker when someone signs out, and lists the saved
// pages on the offline page. Every page works without it.
(function () {
  "use strict";

  var root = document.documentElement;
  var notice = document.getElementById("saved-copy");

  function formatted(iso) {
    var date = new Date(iso);
    if (!iso || isNaN(date.getTime())) { return null; }
    try {
      return new Intl.DateTimeFormat(root.lang, { dateStyle: "long", timeStyle: "short" }).format(date);
    } catch (error) {
      return date.toLocaleString();
    }
  }

  // The worker marks a saved copy with data-saved-copy="<when it was saved>".
  function showSavedNotice() {
    if (!notice || !root.hasAttribute("data-saved-copy")) { return; }
    var iso = root.getAttribute("data-saved-copy");
    var parts = notice.dataset.text.split("{date}");
    var paragraph = document.createElement("p");
    paragraph.appendChild(document.createTextNode(parts[0]));
    var when = document.createElement("time");
    when.dateTime = iso;
    when.textContent = formatted(iso) || "—";
    paragraph.appendChild(when);
    paragraph.appendChild(document.createTextNode(parts.slice(1).join("{date}")));
    notice.replaceChildren(paragraph);
    notice.hidden = false;
  }

  function offerCurrentVersion() {
    if (!notice || notice.hidden) { return; }
    var paragraph = document.createElement("p");
    paragraph.appendChild(document.createTextNode(notice.dataset.online + " "));
    var link = document.createElement("a");
    link.href = window.location.href;
    link.textContent = notice.dataset.reload;
    paragraph.appendChild(link);
    notice.replaceChildren(paragraph);
  }

  // The offline page: links to what this device has kept (Cache Storage, read by the page).
  function listSavedPages() {
    var section = document.getElementById("saved-pages");
    if (!section || !window.caches) { return; }
    var list = section.querySelector("ul");
    caches.keys().then(function (names) {
      var kept = names.filter(function (name) { return /^mk-(pages|personal)-/.test(name); });
      return Promise.all(kept.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              return cache.match(request).then(function (response) {
                var type = response && response.headers.get("Content-Type");
                if (!type || type.indexOf("text/html") !== 0) { return null; }
                return response.text().then(function (html) {
                  var page = new DOMParser().parseFromString(html, "text/html");
                  return { url: request.url, title: page.title, lang: page.documentElement.lang };
                });
              });
            }));
          });
        });
      }));
    }).then(function (groups) {
      var seen = {};
      groups.forEach(function (pages) {
        pages.forEach(function (page) {
          if (!page || seen[page.url]) { return; }
          seen[page.url] = true;
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = page.url;
          link.textContent = page.title || page.url;
          if (page.lang && page.lang !== root.lang) { link.lang = page.lang; }
          item.appendChild(link);
          list.appendChild(item);
        });
      });
      section.hidden = list.children.length === 0;
    });
  }

  showSavedNotice();
  listSavedPages();

  if (!("serviceWorker" in navigator)) { return; }
  var workers = navigator.serviceWorker;
  var controlledAtLoad = Boolean(workers.controller);

  function tell(message) {
    if (workers.controller) {
      workers.controller.postMessage(message);
      return;
    }
    workers.ready.then(function (registration) {
      if (registration.active) { registration.active.postMessage(message); }
    });
  }

  function register() {
    workers.register("/sw.js", { scope: "/" }).then(function () {
      // This page loaded before the worker controlled it (the first visit): the worker fetches it
      // once more to keep it, if it is a page worth keeping.
      if (!controlledAtLoad) { tell({ type: "visited", url: window.location.href }); }
    }).catch(function () { /* an old or locked-down browser: the site works without it */ });
  }

  // Only once the page has loaded: on a first visit, installing the worker fetches the offline
  // pages and this page again, which must not compete with the page's own files on a slow
  // connection. (This script is deferred, so the page may already have loaded on a fast one.)
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }

  // Signing out (or deleting the account) empties the worker's personal cache at once; the
  // worker also does so when it sees the request, and the answer carries Clear-Site-Data.
  document.querySelectorAll("form[action]").forEach(function (form) {
    var path = new URL(form.action, window.location.href).pathname;
    if (/^\/[a-z]{2}\/(accounts\/logout|me\/delete)\/$/.test(path)) {
      form.addEventListener("submit", function () { tell({ type: "sign-out" }); });
    }
  });

  window.addEventListener("online", function () {
    tell({ type: "online" });
    offerCurrentVersion();
  });
})();
