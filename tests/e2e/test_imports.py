"""Staff import a past edition's participant list in the admin: upload → preview → confirm."""

import re
from pathlib import Path

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from forum.models import Edition, Registration

PARTICIPANTS = Path(__file__).parent.parent / "forum" / "data" / "participants_2016.csv"


def test_staff_import_a_participant_list_in_kyrgyz(browser, site):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    TOTP.activate(user, generate_totp_secret())  # staff need two-factor authentication for the admin
    client = Client()
    client.force_login(user)
    # The admin in the language the browser asks for: Kyrgyz.
    context = browser.new_context(locale="ky-KG")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    page = context.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    before = Registration.objects.count()

    page.goto(site + "/admin/forum/registration/")
    page.get_by_role("link", name="Импорттоо").click()
    expect(page).to_have_url(re.compile(r"/admin/forum/registration/import/$"))
    page.get_by_label("Форум").select_option(str(Edition.objects.get(year=2016).pk))
    page.get_by_label("Импорттолчу файл").set_input_files(PARTICIPANTS)
    # import-export's script picks the format from the file name.
    expect(page.get_by_label("Формат")).to_have_value("0")
    page.get_by_role("button", name="Жөнөтүү").click()

    # The preview: counts per category and every row with its reason; nothing written yet.
    summary = page.locator("table.import-summary")
    expect(summary.locator('[data-category="new"]')).to_have_text("4")
    expect(summary.locator('[data-category="duplicate"]')).to_have_text("2")
    expect(summary.locator('[data-category="invalid"]')).to_have_text("3")
    expect(page.locator("table.import-preview tbody tr")).to_have_count(9)
    expect(page.locator('tr[data-category="duplicate"]').first).to_contain_text("Бул файлдын 3-сабы менен бирдей.")
    expect(page.locator('tr[data-category="invalid"]').filter(has_text="Нарния")).to_contain_text("Белгисиз өлкө")
    assert Registration.objects.count() == before

    page.get_by_role("button", name="Импортту ырастоо").click()
    expect(page).to_have_url(re.compile(r"/admin/forum/registration/$"))
    expect(page.locator(".messagelist")).to_contain_text("жаңы — 4")
    expect(page.locator("#result_list")).to_contain_text("Токтогулова")
    assert Registration.objects.count() == before + 4
    assert violations == []
    context.close()
