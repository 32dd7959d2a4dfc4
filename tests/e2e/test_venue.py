"""At the venue: a registrant's e-ticket, and staff checking people in with it (online and offline)."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from forum import services
from forum.models import Arrival, Edition, Registration
from tests.e2e.worker import wait_for_worker, wait_until_kept
from tests.factories import UserFactory


def sign_in(context, site, user):
    """A browser context signed in as `user` (sign-in itself is covered by test_accounts)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


def test_ticket_then_check_in_by_code_twice_and_offline(browser, site):
    edition = Edition.objects.get(number=4)
    participant = browser.new_context(locale="en-GB")
    sign_in(participant, site, UserFactory(email="aigul@example.org"))
    page = participant.new_page()
    page.goto(site + f"/en/forum/{edition.year}/register/")
    page.get_by_label("First name").fill("Айгүл")
    page.get_by_label("Last name").fill("Асанова")
    page.get_by_label("Country of residence").select_option("DE")
    page.get_by_role("textbox", name="City").fill("Berlin")
    page.get_by_role("textbox", name="Phone").fill("+49 30 1234567")
    page.get_by_label("Dietary needs").fill("halal")
    page.get_by_label("I agree to the processing of my personal data").check()
    page.get_by_role("button", name="Register for the forum").click()
    expect(page.locator("#registration-status")).to_contain_text("confirmed")

    # The ticket, from "my account".
    page.goto(site + "/en/me/")
    page.locator("#my-registrations").get_by_role("link", name="My ticket").click()
    expect(page.get_by_role("heading", name="My ticket")).to_be_visible()
    expect(page.locator(".ticket__qr svg")).to_be_visible()
    code = page.locator(".ticket__code").inner_text()
    registration = Registration.objects.get(user__email="aigul@example.org")
    assert code.replace("-", "") == registration.tickets.valid().get().token

    # Staff at the door, on a phone, in Kyrgyz.
    staff_user = UserFactory(is_staff=True)
    staff_user.user_permissions.add(Permission.objects.get(codename="add_arrival"))
    door = browser.new_context(locale="ky-KG", viewport={"width": 360, "height": 740})
    sign_in(door, site, staff_user)
    desk = door.new_page()
    desk.goto(site + f"/ky/forum/{edition.year}/checkin/")
    expect(desk.get_by_role("heading", name="Келгендерди белгилөө")).to_be_visible()
    code_field = desk.get_by_label("Билеттин коду")
    code_field.fill(code)
    desk.get_by_role("button", name="Белгилөө", exact=True).click()
    result = desk.locator("#checkin-result")
    expect(result).to_contain_text("Белгиленди")
    expect(result).to_contain_text("Айгүл Асанова")
    expect(result).to_contain_text("halal")
    arrival = Arrival.objects.get(registration=registration)
    assert arrival.checked_in_by == staff_user

    # The second scan of the same ticket.
    code_field.fill(code)
    desk.get_by_role("button", name="Белгилөө", exact=True).click()
    time = arrival.arrived_at.astimezone(ZoneInfo(settings.TIME_ZONE)).strftime("%H:%M")
    expect(result).to_contain_text(f"Мурда эле белгиленген: саат {time}")
    assert Arrival.objects.filter(registration=registration).count() == 1

    # The participant's phone in a hall without network: the programme and the ticket, opened
    # once before, open from the phone and say that they are saved copies.
    programme_url = site + f"/en/forum/{edition.year}/programme/"
    ticket_url = site + f"/en/me/tickets/{edition.year}/"
    wait_for_worker(page)
    page.goto(programme_url)
    wait_until_kept(page, programme_url, "mk-personal-")
    page.goto(ticket_url)
    wait_until_kept(page, ticket_url, "mk-personal-")
    participant.set_offline(True)
    page.goto(programme_url)
    expect(page.get_by_role("heading", name="Programme", exact=True)).to_be_visible()
    saved = page.locator("#saved-copy")
    expect(saved).to_contain_text("You are offline: this is a copy of the page saved on this device on")
    page.goto(ticket_url)
    expect(page.locator(".ticket__code")).to_have_text(code)
    expect(page.locator(".ticket__qr svg")).to_be_visible()
    expect(saved).to_contain_text("You are offline: this is a copy of the page saved on this device on")
    participant.set_offline(False)
    page.goto(ticket_url)
    expect(saved).to_be_hidden()

    # The network drops: the next scan waits on the phone and is counted once when it returns.
    other = services.registration_create(
        user=UserFactory(),
        edition=edition,
        language="ru",
        first_name="Бакыт",
        last_name="Осмонов",
        country="RU",
        city="Москва",
        phone="+79161234567",
    )
    other_code = other.tickets.valid().get().token
    door.set_offline(True)
    code_field.fill(other_code)
    desk.get_by_role("button", name="Белгилөө", exact=True).click()
    expect(result).to_contain_text("Тармак жок")
    expect(desk.locator("#checkin-queue")).to_contain_text("1")
    assert not Arrival.objects.filter(registration=other).exists()
    door.set_offline(False)
    expect(result).to_contain_text("Ушул телефондо сакталган скандар жөнөтүлдү")
    expect(desk.locator("#checkin-queue")).to_be_hidden()
    assert Arrival.objects.filter(registration=other).count() == 1
    # Opening the page again sends nothing twice: the queue is empty.
    desk.reload()
    expect(desk.locator("#checkin-queue")).to_be_hidden()
    assert Arrival.objects.filter(registration=other).count() == 1
