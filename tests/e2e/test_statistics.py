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
