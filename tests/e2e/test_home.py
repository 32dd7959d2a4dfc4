"""The home page and the header on a 360-pixel phone, without JavaScript (but for the map)."""

from playwright.sync_api import expect

from tests.utils import contrast_ratio

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


def _overlap(first, second):
    return (
        first["x"] < second["x"] + second["width"]
        and second["x"] < first["x"] + first["width"]
        and first["y"] < second["y"] + second["height"]
        and second["y"] < first["y"] + first["height"]
    )


def test_phone_hero_facts_stack_instead_of_running_into_each_other(browser, site):
    # The dates do not wrap at their hyphen; in two columns of 9rem they ran over the next fact.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for language in ("ky", "ru"):
        page.goto(site + f"/{language}/")
        facts = page.locator(".next-forum__facts > div")
        assert facts.count() == 4
        boxes = [facts.nth(index).bounding_box() for index in range(4)]
        for index, box in enumerate(boxes):
            assert box["x"] + box["width"] <= 360
            for other in boxes[index + 1 :]:
                assert not _overlap(box, other), (language, box, other)
            # What each fact says (a date does not wrap) ends inside its own box.
            assert facts.nth(index).locator("dd").evaluate("dd => dd.scrollWidth <= dd.clientWidth"), language
            for date in facts.nth(index).locator("time").all():
                right = date.bounding_box()["x"] + date.bounding_box()["width"]
                assert right <= box["x"] + box["width"] + 0.5, (language, box)
        assert page.evaluate("document.documentElement.scrollWidth") == 360
    context.close()


def test_map_attribution_link_is_readable_and_underlined(browser, site):
    # Leaflet's own light blue link on a translucent strip measured 2.55:1 and was told from the text
    # by colour only (axe: colour-contrast, link-in-text-block).
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(site + "/ky/")
    link = page.locator(".leaflet-control-attribution a").first
    expect(link).to_be_visible()
    style = link.evaluate(
        """a => {
            const strip = getComputedStyle(a.closest('.leaflet-control-attribution'));
            const own = getComputedStyle(a);
            return {colour: own.color, decoration: own.textDecorationLine, background: strip.backgroundColor};
        }"""
    )
    assert style["background"] == "rgb(255, 255, 255)"  # opaque, whatever the tiles under it
    assert contrast_ratio(style["colour"], style["background"]) >= 4.5
    assert "underline" in style["decoration"]
    context.close()
