"""Registering for the next forum from the home page, for a person with no account."""

import re

from django.core import mail
from playwright.sync_api import expect

from forum.models import Edition, Registration


def test_register_for_the_next_forum_in_three_steps(page, site):
    edition = Edition.objects.get(number=4)
    steps = 0
    page.goto(site + "/ky/")
    page.get_by_role("link", name="Форумга катталуу").first.click()
    steps += 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Форумга катталуу")
    expect(page.locator("legend", has_text="Аккаунт ачуу")).to_be_visible()

    # One page: the account (email, one password) and the registration.
    page.locator("#id_email").fill("aigul@example.org")
    page.locator("#id_password1").fill("Ala-Too 2027 Osh")
    page.locator("#id_first_name").fill("Айгүл")
    page.locator("#id_last_name").fill("Асанова")
    page.locator("#id_country").select_option("RU")
    page.locator("#id_city").fill("Москва")
    page.locator("#id_phone").fill("+7 916 123 45 67")
    page.locator("#id_privacy_consent").check()
    page.get_by_role("button", name="Форумга катталуу").click()
    steps += 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Почтаңызды текшериңиз")
    assert Registration.objects.get().status == Registration.Status.UNCONFIRMED

    # Opening the letter's link is reading mail, not a step on the site.
    message = next(m for m in mail.outbox if m.to == ["aigul@example.org"])
    page.goto(re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0))
    page.get_by_role("button", name="Ырастоо").click()
    steps += 1

    expect(page).to_have_url(f"{site}/ky/forum/{edition.year}/register/")
    expect(page.locator("#registration-status")).to_contain_text("Форумдагы ордуңуз ырасталды.")
    expect(page.get_by_role("link", name="Менин аккаунтум")).to_be_visible()
    assert steps == 3
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_transfer_and_hotel_fields_appear_when_asked_for_without_javascript(browser, site):
    edition = Edition.objects.get(number=4)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/ru/forum/{edition.year}/register/")
    expect(page.locator("#id_arrival_date")).to_be_hidden()
    expect(page.locator("#id_check_in")).to_be_hidden()
    page.get_by_label("Нужен трансфер").check()
    expect(page.locator("#id_arrival_date")).to_be_visible()
    expect(page.locator("#id_check_in")).to_be_hidden()
    context.close()
