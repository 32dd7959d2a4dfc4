"""Looking into the service worker's caches from a page (templates/pwa/sw.js names them)."""

KEPT_IN = """async (url) => {
    for (const name of await caches.keys()) {
        if (/^mk-(pages|personal)-/.test(name) && await (await caches.open(name)).match(url)) return name;
    }
    return null;
}"""

KEPT = """async ([url, prefix]) => {
    for (const name of await caches.keys()) {
        if (name.startsWith(prefix) && await (await caches.open(name)).match(url)) return true;
    }
    return false;
}"""


def kept_in(page, url):
    """The name of the worker's cache holding the page at `url` ("mk-personal-v1"...), or None."""
    return page.evaluate(KEPT_IN, url)


def wait_until_kept(page, url, prefix):
    """Wait until the worker has stored `url` in its cache named `prefix...` (it stores after the
    page is shown)."""
    page.wait_for_function(KEPT, arg=[url, prefix], polling=100)


def wait_for_worker(page):
    """The worker is active (it registers on the first page; it keeps that page once it is)."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
