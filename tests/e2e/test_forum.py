import re

from playwright.sync_api import expect

from forum.models import Venue


def test_recommendation_link_survives_a_language_switch(page, site):
    page.goto(site + "/ky/")
    page.get_by_role("link", name="Жыйынтык документ").first.click()
    expect(page).to_have_url(site + "/ky/forum/2016/outcome/")

    item = page.locator("#recommendation-12")
    expect(item).to_contain_text("Чогулуп акча топтоонун")
    item.get_by_role("link", name=re.compile("12")).click()
    expect(page).to_have_url(site + "/ky/forum/2016/outcome/#recommendation-12")

    page.get_by_role("link", name="Русский", exact=True).click()
    expect(page).to_have_url(site + "/ru/forum/2016/outcome/#recommendation-12")
    item = page.locator("#recommendation-12")
    expect(item).to_be_in_viewport()
    expect(item).to_contain_text("механизм")
    assert page.evaluate("document.querySelector(':target').id") == "recommendation-12"


def test_venue_map_and_plain_link(page, site):
    page.goto(site + "/en/forum/2016/venue/")
    expect(page.get_by_text("Osh State University").first).to_be_visible()
    expect(page.get_by_role("link", name="Open the map on OpenStreetMap")).to_have_attribute(
        "href", re.compile(r"^https://www\.openstreetmap\.org/\?mlat=40\.52")
    )
    # The script turns the placeholder into a Leaflet map with a marker at the venue.
    expect(page.locator(".map.leaflet-container")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    # The marker is the image the page names (hashed in production), and it loads.
    icon = page.locator(".leaflet-marker-icon")
    assert icon.get_attribute("src") in {
        page.locator("[data-map]").get_attribute(name) for name in ("data-icon", "data-icon-2x")
    }
    page.wait_for_function("document.querySelector('.leaflet-marker-icon').naturalWidth > 0")


def test_venue_name_is_shown_as_text_in_the_map_popup(page, site):
    Venue.objects.update(name_en='<b id="inj">Osh State University</b>')
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(site + "/en/forum/2016/venue/")
    page.locator(".leaflet-marker-icon").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_have_text('<b id="inj">Osh State University</b>')
    expect(page.locator("#inj")).to_have_count(0)


def test_venue_page_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/ky/forum/2016/venue/")
    expect(page.locator(".map")).to_be_hidden()
    expect(page.get_by_role("link", name=re.compile("OpenStreetMap"))).to_be_visible()
    context.close()


def test_contact_request_journey(page, site):
    page.goto(site + "/ru/")
    page.get_by_role("link", name="Контакты").first.click()
    page.get_by_label("Ваше имя").fill("Нурлан")
    page.get_by_label("Ваша электронная почта").fill("not-an-email")
    page.get_by_label("Сообщение").fill("Хочу узнать о следующем форуме.")
    page.get_by_role("button", name="Отправить").click()
    expect(page.get_by_role("alert")).to_contain_text("Исправьте")
    page.get_by_label("Ваша электронная почта").fill("nurlan@example.org")
    page.get_by_role("button", name="Отправить").click()
    expect(page).to_have_url(site + "/ru/contact/thanks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Спасибо!")
