"""The home page and the header on a 360-pixel phone, without JavaScript."""

from playwright.sync_api import expect

PHONE = {"viewport": {"width": 360, "height": 740}, "java_script_enabled": False}


def test_phone_header_is_one_line_and_register_is_above_the_fold(browser, site):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site + "/ky/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 72
    brand, button = page.locator(".brand").bounding_box(), page.locator(".menu-button").bounding_box()
    assert abs(brand["y"] - button["y"]) < brand["height"]  # side by side, one line
    register = page.get_by_role("link", name="Форумга катталуу")
    expect(register).to_be_in_viewport()
    box = register.bounding_box()
    assert box["y"] + box["height"] <= 740
    context.close()


def test_phone_menu_opens_without_javascript(browser, site):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site + "/ru/news/")
    news = page.get_by_role("navigation", name="Главное").get_by_role("link", name="Новости")
    expect(news).to_be_hidden()
    page.locator(".menu-button").click()
    expect(news).to_be_visible()
    expect(news).to_have_attribute("aria-current", "page")
    # The language choice is in the open menu.
    expect(page.get_by_role("link", name="Кыргызча", exact=True)).to_be_visible()
    page.get_by_role("navigation", name="Главное").get_by_role("link", name="Объединения").click()
    expect(page).to_have_url(site + "/ru/directory/")
    context.close()


def test_desktop_menu_is_always_open(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site + "/ky/")
    expect(page.locator(".menu-button")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Негизги").get_by_role("link", name="Жаңылыктар")).to_be_visible()
    context.close()
