import re

import pytest
from playwright.sync_api import expect


def test_root_lands_on_kyrgyz_and_switches_language_in_place(page, site):
    page.goto(site + "/")
    expect(page).to_have_url(site + "/ky/")
    expect(page.locator("html")).to_have_attribute("lang", "ky")

    page.get_by_role("link", name="Жаңылыктар", exact=True).first.click()
    expect(page).to_have_url(site + "/ky/news/")

    page.get_by_role("button", name="Русский").click()
    expect(page).to_have_url(site + "/ru/news/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Новости и события")

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(site + "/en/news/")
    expect(page.get_by_role("heading", level=1)).to_have_text("News and events")

    # The choice is remembered: the root now leads to English.
    page.goto(site + "/")
    expect(page).to_have_url(site + "/en/")


def test_root_follows_the_browser_language(browser, site):
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    page.goto(site + "/")
    expect(page).to_have_url(site + "/ru/")
    context.close()


@pytest.mark.parametrize(
    ("language", "theme", "figure"),
    [
        ("ky", "«Жаңы мүмкүнчүлүктөр»", "катышуучу"),
        ("ru", "«Новые возможности»", "участников"),
        ("en", "“New Opportunities”", "participants"),
    ],
)
def test_home_shows_the_seed_content(page, site, language, theme, figure):
    page.goto(f"{site}/{language}/")
    expect(page.get_by_text(theme)).to_be_visible()
    expect(page.locator(".figures__item").first).to_contain_text("500+")
    expect(page.locator(".figures__item").first).to_contain_text(figure)
    expect(page.locator(".partners__item")).to_have_count(5)


@pytest.mark.parametrize(
    "path",
    [
        "/ky/",
        "/ru/forum/2016/outcome/",
        "/ky/news/",
        "/ky/news/2016-08-28-condolences/",
        "/en/forum/",
        "/ky/forum/2016/programme/",
        "/ru/forum/2016/venue/",
        "/ky/contact/",
        "/ky/subscribe/",
        "/ky/accounts/login/",
        "/ru/accounts/signup/",
        "/ky/directory/",
    ],
)
def test_pages_fit_a_360_pixel_phone(page, site, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_skip_link_is_the_first_stop(page, site):
    page.goto(site + "/ky/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_search_in_latin_finds_a_kyrgyz_page(page, site):
    page.goto(site + "/ky/")
    page.get_by_role("link", name="Издөө").click()
    page.get_by_role("searchbox").fill("Bishkek")
    page.get_by_role("button", name="Издөө").click()
    expect(page).to_have_url(site + "/ky/search/?q=Bishkek")
    page.get_by_role("link", name="Биринчи «Мекендештер – 2012» форуму").click()
    expect(page).to_have_url(site + "/ky/forum/2012/")
