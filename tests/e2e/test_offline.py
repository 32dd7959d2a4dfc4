"""The site as an app on a phone: the service worker keeps the current edition's pages and the owner's
ticket for reading offline, says so on the page, and forgets the personal copies on sign-out."""

from playwright.sync_api import expect

from forum import services
from forum.models import Edition
from tests.e2e.test_venue import sign_in
from tests.factories import UserFactory

# The worker's caches (templates/pwa/sw.js).
CACHE_NAMES = "caches.keys()"
KEPT = """async (url) => {
    for (const name of await caches.keys()) {
        if (/^mk-(pages|personal)-/.test(name) && await (await caches.open(name)).match(url)) return name;
    }
    return null;
}"""


def kept_in(page, url):
    """The worker's cache holding `url` ("mk-pages-v1", "mk-personal-v1") or None."""
    return page.evaluate(KEPT, url)


def wait_until_kept(page, url, cache):
    page.wait_for_function(
        "async ([url, cache]) => { for (const name of await caches.keys()) {"
        " if (name.startsWith(cache) && await (await caches.open(name)).match(url)) return true; } return false; }",
        arg=[url, cache],
        polling=100,
    )


def open_with_worker(page, url):
    """Open `url` once the worker controls the page (a first visit loads before it does)."""
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def registration_for(user, edition, first_name):
    return services.registration_create(
        user=user,
        edition=edition,
        language="en",
        first_name=first_name,
        last_name="Asanova",
        country="DE",
        city="Berlin",
        phone="+49 30 1234567",
    )


def test_the_ticket_stays_for_its_owner_only_and_leaves_on_sign_out(browser, site):
    edition = Edition.objects.get(number=4)
    owner = UserFactory(email="aigul@example.org")
    registration_for(owner, edition, "Aigul")
    context = browser.new_context(locale="en-GB")
    sign_in(context, site, owner)
    page = context.new_page()
    ticket_url = site + f"/en/me/tickets/{edition.year}/"
    programme_url = site + f"/en/forum/{edition.year}/programme/"
    open_with_worker(page, ticket_url)
    wait_until_kept(page, ticket_url, "mk-personal-")
    page.goto(programme_url)
    wait_until_kept(page, programme_url, "mk-personal-")

    # Offline: both open from the device and say so.
    context.set_offline(True)
    page.goto(ticket_url)
    expect(page.locator(".ticket__name")).to_have_text("Aigul Asanova")
    expect(page.locator("#saved-copy")).to_contain_text(
        "You are offline: this is a copy of the page saved on this device"
    )
    page.goto(site + "/en/news/")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    expect(page.locator("#saved-pages")).to_contain_text("My ticket")
    context.set_offline(False)

    # Signing out empties the personal cache: the ticket is no longer on the device.
    page.goto(site + "/en/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert kept_in(page, ticket_url) is None
    assert kept_in(page, programme_url) is None
    context.set_offline(True)
    page.goto(ticket_url)
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    expect(page.locator(".ticket__name")).to_have_count(0)
    context.close()
