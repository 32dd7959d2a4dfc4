import re

from django.test import Client
from playwright.sync_api import expect

from diaspora.models import DirectoryEntry
from tests.factories import AssociationFactory, UserFactory

PHONE = "+996 555 12 34 56"


def member_context(browser, site):
    """A signed-in, verified member: the session cookie of a test client, copied into the browser."""
    user = UserFactory(email="aigul@example.org")
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    return user, context


def test_create_my_entry_then_an_anonymous_visitor_sees_it_without_the_phone(browser, site):
    user, context = member_context(browser, site)
    page = context.new_page()
    page.goto(site + "/en/directory/me/")
    page.get_by_role("textbox", name="Name").fill("Aigul Asanova")
    page.get_by_role("combobox", name="Country of residence").select_option("TR")
    page.get_by_role("textbox", name="City").fill("Istanbul")
    page.get_by_role("textbox", name="Occupation").fill("Doctor")
    page.get_by_role("textbox", name="Phone").fill(PHONE)
    page.locator("#id_phone_visibility").select_option("members")
    page.get_by_label(re.compile("I agree to be listed")).check()
    page.get_by_role("button", name="Save my entry").click()
    expect(page.get_by_text("Your directory entry has been saved.")).to_be_visible()
    entry = DirectoryEntry.objects.get(user=user)
    assert entry.consent_at is not None and entry.phone == "+996555123456"

    page.goto(site + "/en/directory/?q=Istanbul")
    page.get_by_role("link", name="Aigul Asanova").click()
    expect(page.get_by_role("heading", name="Aigul Asanova")).to_be_visible()
    expect(page.get_by_role("link", name="+996555123456")).to_be_visible()  # a member sees it
    context.close()

    anonymous = browser.new_context(locale="en-GB")
    visitor = anonymous.new_page()
    visitor.goto(site + "/en/directory/")
    visitor.get_by_role("link", name="Aigul Asanova").click()
    expect(visitor.get_by_role("heading", name="Aigul Asanova")).to_be_visible()
    expect(visitor.get_by_text("Istanbul")).to_be_visible()
    assert "+996555123456" not in visitor.content() and "555" not in visitor.content()
    anonymous.close()


def test_directory_map_draws_the_associations_within_the_security_policy(page, site):
    AssociationFactory(name_en="Compatriots in Moscow", latitude="55.750000", longitude="37.620000")
    AssociationFactory(name_en="Compatriots in Istanbul", country="TR", latitude="41.010000", longitude="28.970000")
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(site + "/en/directory/", wait_until="networkidle")
    expect(page.locator("[data-directory-map]")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(11)  # the demo's nine and these two
    assert violations == []
