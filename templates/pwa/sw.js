// The Mekendeshter service worker, served at /sw.js (mekendeshter.pwa) so that its scope is the
// whole site. It keeps the pages the server marks with `Offline-Copy` (the current edition's
// programme, venue and outcome document, the signed-in person's own ticket) and their static
// files, so that they open on a phone without a network at the venue:
// - pages: network first, the saved copy when the network fails (or hangs for a few seconds),
//   marked so that the page says it is a saved copy; every answer from the network replaces it;
// - `Offline-Copy: public` is kept for anyone; `personal; owner=...` (pages sent `private,
//   no-store` to a signed-in person) only in the personal cache, which belongs to one owner and is
//   emptied on sign-out, on a page for another owner, and on an anonymous copy of a kept page;
// - static files and images named by a kept page: from the cache first (their names are hashed);
// - any other page without a network: the offline page in its language.
"use strict";

const CONFIG = {{ config|safe }};
const SHELL = "mk-shell-v" + CONFIG.version;
const PAGES = "mk-pages-v" + CONFIG.version;
const PERSONAL = "mk-personal-v" + CONFIG.version;
const ASSETS = "mk-assets-v" + CONFIG.version;
const CACHES = [SHELL, PAGES, PERSONAL, ASSETS];
// Whose personal cache it is (stored in that cache, so that deleting it forgets the owner too).
const OWNER_KEY = "/offline-owner";
// How long a page waits for a slow network before its saved copy is shown instead.
const NETWORK_WAIT_MS = 5000;
const ASSET_PREFIXES = ["/static/", "/media/"];

// Changes to the kept pages run one at a time: two pages answered at once for a new owner must not
// each empty the personal cache after the other has stored its page.
let changes = Promise.resolve();
function oneAtATime(task) {
  const run = changes.then(task, task);
  changes = run.catch(() => undefined);
  return run;
}

self.addEventListener("install", (event) => {
  // The offline pages as an anonymous visitor sees them: nothing personal in the shell.
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) =>
        Promise.all(
          Object.values(CONFIG.offline).map((url) =>
            fetch(url, { credentials: "omit" }).then((response) => {
              if (!response.ok) {
                throw new Error("offline page " + url + ": " + response.status);
              }
              return cache.put(url, response);
            }),
          ),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => !CACHES.includes(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method !== "GET") {
    // Signing out (or deleting the account) ends the owner's claim to the personal cache, even
    // before the page after it loads.
    if (request.mode === "navigate" && CONFIG.signOut.includes(url.pathname)) {
      event.waitUntil(oneAtATime(forgetOwner));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (ASSET_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(asset(request));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "sign-out") {
    event.waitUntil(oneAtATime(forgetOwner));
  } else if (data.type === "visited" && typeof data.url === "string") {
    // A page loaded before this worker controlled it: fetch it again to keep it if it is marked.
    event.waitUntil(refresh(data.url));
  } else if (data.type === "online") {
    // The network is back: bring every saved copy up to date.
    event.waitUntil(refreshAll());
  }
});

function pageKey(address) {
  const url = new URL(address, self.location.origin);
  url.hash = "";
  return url.origin === self.location.origin ? url.href : null;
}

function languageOf(address) {
  const code = new URL(address).pathname.split("/")[1];
  return code in CONFIG.offline ? code : CONFIG.defaultLanguage;
}

async function navigate(event) {
  const request = event.request;
  const key = pageKey(request.url);
  let stored = Promise.resolve();
  const network = fetch(request).then((response) => {
    const copy = response.clone();
    stored = keep(key, copy);
    return response;
  });
  event.waitUntil(network.then(() => stored).catch(() => undefined));
  const saved = await savedCopy(key);
  if (!saved) {
    try {
      return await network;
    } catch (error) {
      return offlinePage(request.url);
    }
  }
  try {
    return await Promise.race([network, timeout(NETWORK_WAIT_MS)]);
  } catch (error) {
    return markedAsSaved(saved);
  }
}

function timeout(ms) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("the network is too slow")), ms);
  });
}

async function savedCopy(key) {
  return (
    (await caches.match(key, { cacheName: PERSONAL, ignoreVary: true })) ||
    (await caches.match(key, { cacheName: PAGES, ignoreVary: true }))
  );
}

async function offlinePage(address) {
  const page = await caches.match(CONFIG.offline[languageOf(address)], { cacheName: SHELL, ignoreVary: true });
  return page || Response.error();
}

// The saved copy with `data-saved-copy` on its <html> element: the page's script then shows the
// translated notice with the time it was saved.
async function markedAsSaved(response) {
  const savedAt = response.headers.get("Offline-Saved-At") || "";
  const html = (await response.text()).replace(/<html\b/i, '<html data-saved-copy="' + savedAt + '"');
  return new Response(html, { status: 200, headers: response.headers });
}

// The page's copy is updated in turn with other changes; its static files are fetched after.
async function keep(key, response) {
  const html = await oneAtATime(() => remember(key, response));
  if (html) {
    await keepAssets(key, html);
  }
}

// Keep, replace or drop the copy of the page at `key` after the server's answer; the page's HTML
// when it is kept.
async function remember(key, response) {
  const mark = response.headers.get("Offline-Copy");
  if (!mark || response.status !== 200 || response.type !== "basic") {
    // A server in trouble keeps the copy; anything else (gone, moved, signed out, no longer the
    // current edition) means the copy must not be shown any more.
    if (!(response.status >= 500)) {
      await forgetPage(key);
    }
    return;
  }
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  headers.set("Offline-Saved-At", new Date().toISOString());
  const copy = new Response(html, { status: 200, headers });
  if (mark === "public") {
    // The page as an anonymous visitor sees it: nobody is signed in here any more.
    await forgetOwner();
    await (await caches.open(PAGES)).put(key, copy);
  } else {
    const owner = (/owner=([0-9a-f]+)/.exec(mark) || [])[1];
    if (!owner) {
      return;
    }
    await (await personalCacheOf(owner)).put(key, copy);
  }
  return html;
}

async function personalCacheOf(owner) {
  let cache = await caches.open(PERSONAL);
  const current = await cache.match(OWNER_KEY);
  if (!current || (await current.text()) !== owner) {
    // Another person's copies never meet this one's.
    await caches.delete(PERSONAL);
    cache = await caches.open(PERSONAL);
    await cache.put(OWNER_KEY, new Response(owner));
  }
  return cache;
}

async function forgetOwner() {
  await caches.delete(PERSONAL);
}

async function forgetPage(key) {
  await Promise.all([PAGES, PERSONAL].map((name) => caches.open(name).then((cache) => cache.delete(key))));
}

// The static files and images a kept page names (our own markup: src, href and srcset).
async function keepAssets(key, html) {
  const found = new Set();
  const attribute = /\s(?:src|href|srcset)="([^"]+)"/g;
  let match;
  while ((match = attribute.exec(html)) !== null) {
    for (const candidate of match[1].split(",")) {
      const address = candidate.trim().split(/\s+/)[0].replace(/&amp;/g, "&");
      if (!address) {
        continue;
      }
      const url = new URL(address, key);
      if (url.origin === self.location.origin && ASSET_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
        found.add(url.href);
      }
    }
  }
  const cache = await caches.open(ASSETS);
  await Promise.all(
    Array.from(found).map(async (address) => {
      if (!(await cache.match(address))) {
        try {
          await cache.add(address);
        } catch (error) {
          // A missing image does not keep the page from being saved.
        }
      }
    }),
  );
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: ASSETS, ignoreVary: true });
  return cached || fetch(request);
}

async function refresh(address) {
  const key = pageKey(address);
  if (!key) {
    return;
  }
  let response;
  try {
    response = await fetch(key, { credentials: "include", redirect: "manual" });
  } catch (error) {
    return; // still offline: the copy stays
  }
  await keep(key, response);
}

async function refreshAll() {
  const keys = [];
  for (const name of [PAGES, PERSONAL]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname !== OWNER_KEY) {
        keys.push(request.url);
      }
    }
  }
  for (const key of new Set(keys)) {
    await refresh(key);
  }
}
