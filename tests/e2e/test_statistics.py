import io

from django.core.management import call_command
from playwright.sync_api import expect


def test_the_editions_compared_in_a_browser(page, site):
    call_command("load_demo", "--participants", verbosity=0, stdout=io.StringIO())
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(site + "/en/forum/")
    page.get_by_role("link", name="The editions compared: participants by country").click()
    expect(page).to_have_url(site + "/en/forum/statistics/")

    totals = page.get_by_role("img", name="Participants at each edition")
    expect(totals).to_be_visible()
    by_country = page.get_by_role("img", name="Participants by country at each edition")
    expect(by_country).to_be_visible()
    figures = page.get_by_role("table", name="Each edition in figures")
    expect(figures.get_by_role("row", name="2016")).to_contain_text("502")
    # Every country's name fits in the drawing: none starts left of the chart's edge.
    left = by_country.bounding_box()["x"]
    labels = by_country.locator(".chart__label")
    expect(labels.filter(has_text="United States of America")).to_have_count(1)
    assert min(labels.nth(index).bounding_box()["x"] for index in range(labels.count())) >= left
    assert violations == []


def test_the_statistics_page_does_not_scroll_sideways_on_a_phone(browser, site):
    # The tables scroll inside their own box; their visually hidden texts ("not known") escaped it
    # and made the whole page 443 pixels wide.
    call_command("load_demo", "--participants", verbosity=0, stdout=io.StringIO())
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for language in ("ky", "ru"):
        page.goto(site + f"/{language}/forum/statistics/")
        assert page.evaluate("document.documentElement.scrollWidth") == 360, language
        caption = {"ky": "Ар бир форум сандарда", "ru": "Каждый форум в цифрах"}[language]
        scroll = page.get_by_role("region", name=caption)  # named by its table's caption, not the section's heading
        assert scroll.evaluate("box => box.scrollWidth > box.clientWidth")  # the wide table scrolls in its box
    context.close()


# The rendered size of a chart's text: its font size, times the scale of an SVG drawing around it.
RENDERED_FONT_SIZE = """texts => texts.map(text => {
    const size = parseFloat(getComputedStyle(text).fontSize);
    return size * (text.getScreenCTM ? text.getScreenCTM().a : 1);
})"""


def test_the_charts_read_on_a_phone_and_on_a_wide_screen(browser, site):
    # The charts were SVG drawings 640 units wide scaled to the column: at 360 pixels their labels
    # and numbers were 6 pixels tall. Now they keep the page's size, a long country name above its
    # bars on a phone and beside them on a wide screen, within the page in both.
    call_command("load_demo", "--participants", verbosity=0, stdout=io.StringIO())
    emirates = {"ky": "Бириккен Араб Эмирликтери", "ru": "Объединённые Арабские Эмираты"}
    violations = []

    def record(message):
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.on("console", record)
        for language in ("ky", "ru"):
            page.goto(site + f"/{language}/forum/statistics/")
            texts = page.locator(".chart__label, .chart__value, .chart__series")
            assert texts.count() > 60
            sizes = texts.evaluate_all(RENDERED_FONT_SIZE)
            assert min(sizes) >= 12, (width, language, min(sizes))
            assert page.evaluate("document.documentElement.scrollWidth") == width
            label = page.locator(".chart__label", has_text=emirates[language])
            expect(label).to_have_count(1)
            bars = label.locator("xpath=following-sibling::*[1]").bounding_box()
            name = label.bounding_box()
            if width == 360:
                assert name["y"] + name["height"] <= bars["y"], language  # above its bars
            else:
                assert name["x"] + name["width"] <= bars["x"], language  # beside them
                assert name["y"] < bars["y"] + bars["height"] and bars["y"] < name["y"] + name["height"]
            # Whole: neither cut off by the chart's edges nor by its own box.
            chart = page.locator(".chart", has=label).bounding_box()
            assert chart["x"] <= name["x"] and name["x"] + name["width"] <= chart["x"] + chart["width"]
            assert label.evaluate("l => l.scrollWidth <= l.clientWidth")
        context.close()
    assert violations == []
