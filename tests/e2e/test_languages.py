import re

import pytest
from playwright.sync_api import expect


def test_root_lands_on_kyrgyz_and_switches_language_in_place(page, site):
    page.goto(site + "/")
    expect(page).to_have_url(site + "/ky/")
    expect(page.locator("html")).to_have_attribute("lang", "ky")

    page.get_by_role("link", name="Жаңылыктар", exact=True).first.click()
    expect(page).to_have_url(site + "/ky/news/")

    page.get_by_role("link", name="Русский", exact=True).click()
    expect(page).to_have_url(site + "/ru/news/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Новости и события")

    page.get_by_role("link", name="English", exact=True).click()
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


def test_a_russian_browser_switches_a_shared_kyrgyz_page_keeping_query_and_fragment(browser, site):
    # The bug this fixes: the switcher was a form posted to set_language, and a Russian browser on
    # a shared /ky/ link got the Kyrgyz page back on "Русский". The links now lead to the page itself.
    context = browser.new_context(locale="ru-RU", extra_http_headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    page = context.new_page()
    page.goto(site + "/ky/forum/2016/outcome/?from=telegram#recommendation-12")
    expect(page.locator("html")).to_have_attribute("lang", "ky")

    page.get_by_role("link", name="Русский", exact=True).click()
    expect(page).to_have_url(site + "/ru/forum/2016/outcome/?from=telegram#recommendation-12")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("#recommendation-12")).to_be_in_viewport()
    expect(page.locator("#recommendation-12")).to_contain_text("механизм")

    # Back to Kyrgyz, on a page with a filter: the choice beats the browser's language for `/`.
    page.goto(site + "/ru/news/?category=event")
    page.get_by_role("link", name="Кыргызча", exact=True).click()
    expect(page).to_have_url(site + "/ky/news/?category=event")
    expect(page.get_by_role("heading", level=1)).to_have_text("Жаңылыктар жана окуялар")
    page.goto(site + "/")
    expect(page).to_have_url(site + "/ky/")
    context.close()


def test_the_switcher_works_without_javascript_losing_only_the_fragment(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/en/news/?category=news#main")
    page.get_by_role("link", name="Русский", exact=True).click()
    expect(page).to_have_url(site + "/ru/news/?category=news")
    expect(page.get_by_role("heading", level=1)).to_have_text("Новости и события")
    context.close()
