"""The site as an app on a phone: the service worker keeps the current edition's pages and the owner's
ticket for reading offline, says so on the page, and keeps nothing personal for anyone else.
(The whole journey with the check-in desk is tests/e2e/test_venue.py.)"""

import re

from playwright.sync_api import expect

from forum import services
from forum.models import Edition
from tests.e2e.test_venue import sign_in
from tests.e2e.worker import kept_in, wait_for_worker, wait_until_kept
from tests.factories import SessionFactory, UserFactory


def register(user, edition, first_name):
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


def test_an_anonymous_visitor_reads_the_programme_offline_in_russian(browser, site):
    edition = Edition.objects.get(number=4)
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    programme_url = site + f"/ru/forum/{edition.year}/programme/"
    venue_url = site + f"/ru/forum/{edition.year}/venue/"
    # The first page registers the worker, which then fetches that page once more to keep it.
    page.goto(programme_url)
    wait_for_worker(page)
    wait_until_kept(page, programme_url, "mk-pages-")
    page.goto(venue_url)
    wait_until_kept(page, venue_url, "mk-pages-")
    # A past edition's programme is not worth the phone's storage.
    past_url = site + "/ru/forum/2016/programme/"
    page.goto(past_url)

    context.set_offline(True)
    page.goto(programme_url)
    expect(page.get_by_role("heading", name="Программа", exact=True)).to_be_visible()
    notice = page.locator("#saved-copy")
    expect(notice).to_contain_text("Нет сети: это копия страницы, сохранённая на этом устройстве")
    expect(notice.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d"))
    # The page's own stylesheet came from the phone too.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    page.goto(venue_url)
    expect(page.get_by_role("heading", name="Место проведения, трансфер и проживание")).to_be_visible()
    expect(notice).to_be_visible()
    page.goto(past_url)
    expect(page.get_by_role("heading", name="Нет подключения")).to_be_visible()
    expect(page.locator("#saved-pages")).to_contain_text("Программа")

    # The programme changes meanwhile; when the network is back the kept copies are brought up to
    # date, and a saved copy on screen offers the current version.
    SessionFactory(edition=edition, title_ru="Круглый стол о возвращении")
    page.goto(programme_url)
    expect(notice).to_be_visible()
    context.set_offline(False)
    expect(notice).to_contain_text("Сеть снова доступна.")
    expect(notice.get_by_role("link", name="Открыть актуальную версию")).to_have_attribute("href", programme_url)
    page.wait_for_function(
        "async (url) => (await (await caches.match(url)).text()).includes('Круглый стол о возвращении')",
        arg=programme_url,
        polling=100,
    )
    context.close()


def test_the_app_is_installable(browser, site):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(site + "/en/")
    wait_for_worker(page)
    session = context.new_cdp_session(page)
    errors = [error["errorId"] for error in session.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    # Playwright's contexts are incognito profiles, where Chromium installs nothing; any problem of
    # the manifest, its icons or the worker would be listed besides.
    assert errors == ["in-incognito"]
    manifest = session.send("Page.getAppManifest")
    assert manifest["url"] == site + "/manifest.webmanifest?lang=en"
    assert manifest["errors"] == []
    context.close()


def test_the_ticket_stays_for_its_owner_only_and_leaves_on_sign_out(browser, site):
    edition = Edition.objects.get(number=4)
    owner = UserFactory(email="aigul@example.org")
    register(owner, edition, "Aigul")
    context = browser.new_context(locale="en-GB")
    sign_in(context, site, owner)
    page = context.new_page()
    ticket_url = site + f"/en/me/tickets/{edition.year}/"
    programme_url = site + f"/en/forum/{edition.year}/programme/"
    page.goto(ticket_url)
    wait_for_worker(page)
    wait_until_kept(page, ticket_url, "mk-personal-")
    page.goto(programme_url)
    wait_until_kept(page, programme_url, "mk-personal-")
    assert kept_in(page, ticket_url) == "mk-personal-v1"

    # Offline: the ticket opens from the phone and says so; a page never saved says that instead.
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


def test_another_person_on_the_same_phone_never_sees_the_first_ones_ticket(browser, site):
    edition = Edition.objects.get(number=4)
    first, second = UserFactory(), UserFactory()
    registration = register(first, edition, "Aigul")
    context = browser.new_context(locale="en-GB")
    sign_in(context, site, first)
    page = context.new_page()
    ticket_url = site + f"/en/me/tickets/{edition.year}/"
    programme_url = site + f"/en/forum/{edition.year}/programme/"
    page.goto(ticket_url)
    wait_for_worker(page)
    wait_until_kept(page, ticket_url, "mk-personal-")

    # The first person's session ends without signing out; someone else signs in on that phone.
    context.clear_cookies()
    sign_in(context, site, second)
    page.goto(programme_url)
    wait_until_kept(page, programme_url, "mk-personal-")
    assert kept_in(page, ticket_url) is None
    context.set_offline(True)
    page.goto(ticket_url)
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    context.set_offline(False)

    # An anonymous visit to a kept page: nobody is signed in, nothing personal stays.
    context.clear_cookies()
    page.goto(programme_url)
    wait_until_kept(page, programme_url, "mk-pages-")
    assert not any(name.startswith("mk-personal-") for name in page.evaluate("caches.keys()"))

    # A cancelled registration: the next visit with a network drops the kept ticket.
    sign_in(context, site, first)
    page.goto(ticket_url)
    wait_until_kept(page, ticket_url, "mk-personal-")
    services.registration_cancel(registration=registration, notify=False)
    page.goto(ticket_url)
    page.wait_for_function("async (url) => !(await caches.match(url))", arg=ticket_url, polling=100)
    context.close()
