import io
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from playwright.sync_api import expect

from forum import services
from forum.models import Album, Edition, Section, Session


@pytest.fixture
def album(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = Edition.objects.get(year=2016)
    album = Album.objects.create(edition=edition, title_ky="Ачылыш", title_ru="Открытие", title_en="Opening")
    for n, colour in enumerate(("red", "green", "blue")):
        buffer = io.BytesIO()
        Image.new("RGB", (900, 600), colour).save(buffer, "PNG")
        upload = SimpleUploadedFile(f"{n}.png", buffer.getvalue())
        services.photo_create(
            album=album, upload=upload, caption={"ky": f"Сүрөт {n}", "ru": f"Фото {n}", "en": f"Photo {n}"}
        )
    return album


def test_photo_viewer_works_with_the_keyboard(page, site, album):
    page.goto(site + "/en/forum/2016/photos/")
    page.get_by_role("link", name="Photo 0").click()
    expect(page.get_by_role("img", name="Photo 0")).to_be_visible()
    for key, shown in (("ArrowRight", "Photo 1"), ("ArrowRight", "Photo 2"), ("ArrowLeft", "Photo 1")):
        # Each photo is a new page: press only once the deferred viewer.js has attached its handler.
        expect(page.locator("html[data-photo-viewer=ready]")).to_have_count(1)
        page.keyboard.press(key)
        expect(page.get_by_role("img", name=shown)).to_be_visible()
    page.get_by_role("link", name=re.compile("All photos")).click()
    expect(page).to_have_url(re.compile(r"/en/forum/2016/photos/#album-\d+$"))


def staff_page(browser, site):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    TOTP.activate(user, generate_totp_secret())  # staff need two-factor authentication for the admin
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    return context, context.new_page()


def test_staff_reorder_sessions_by_drag_and_drop(browser, site):
    context, page = staff_page(browser, site)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(site + "/admin/forum/session/")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(7)
    first_title = Session.objects.order_by("order").first().title_ky
    with page.expect_response(re.compile(r"adminsortable2_update/$")) as update:
        rows.nth(0).locator(".drag").drag_to(rows.nth(3))
    assert update.value.ok
    expect(page.locator("#result_list tbody tr").nth(0)).not_to_contain_text(first_title)
    assert Session.objects.order_by("order").first().title_ky != first_title
    assert violations == []
    context.close()


@pytest.mark.parametrize("path", ["/ky/", "/ru/forum/2016/outcome/", "/en/forum/2016/venue/", "/ky/contact/"])
def test_pages_break_no_content_security_rule(page, site, path):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    # No internet here: map tiles fail at once instead of hanging.
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(site + path, wait_until="networkidle")
    assert violations == []


def test_staff_reorder_recommendations_by_drag_and_drop(browser, site):
    context, page = staff_page(browser, site)
    section = Section.objects.get(slug="recommendation", document__edition__year=2016)
    before = dict(section.items.values_list("number", "text_en"))
    page.goto(f"{site}/admin/forum/section/{section.pk}/change/")
    rows = page.locator("#items-group tbody tr.has_original")
    expect(rows).to_have_count(18)
    rows.nth(0).locator(".move-end").click()
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    numbers = dict(section.items.values_list("number", "text_en"))
    assert sorted(numbers) == list(range(1, 19))
    assert numbers[18] == before[1]
    assert [numbers[n] for n in range(1, 18)] == [before[n] for n in range(2, 19)]
    context.close()
