"""Pages of the tour at 360 pixels: what a phone shows, measured in Chromium."""

from playwright.sync_api import expect

from tests.utils import contrast_ratio

PHONE = {"viewport": {"width": 360, "height": 740}}


def test_every_field_of_the_registration_form_has_a_visible_edge(browser, site):
    # The password, date and number fields were edged in the light line grey (1.35:1 on white): the
    # password was hard to find. WCAG asks 3:1 of a field's boundary.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site + "/ky/forum/2027/register/")
    fields = page.locator(".form input:not([type=checkbox]):not([type=hidden]):not([tabindex='-1']), .form select")
    assert fields.count() > 8
    kinds = set()
    for field in fields.all():
        if not field.is_visible():
            continue
        style = field.evaluate(
            "f => ({kind: f.type, edge: getComputedStyle(f).borderTopColor,"
            " ground: getComputedStyle(f).backgroundColor})"
        )
        kinds.add(style["kind"])
        assert contrast_ratio(style["edge"], style["ground"]) >= 3, style
    assert {"email", "password", "text", "number", "select-one"} <= kinds
    context.close()


def test_the_outcome_documents_status_keeps_to_one_line(browser, site):
    # "Акыркы редакция" broke inside its pill next to the date at 360 pixels.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for language, status in (("ky", "Акыркы редакция"), ("ru", "Окончательная редакция")):
        page.goto(site + f"/{language}/forum/2016/outcome/")
        badge = page.locator(".document__meta .badge")
        expect(badge).to_have_text(status)
        assert badge.evaluate("b => b.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(b).lineHeight)")
        assert page.evaluate("document.documentElement.scrollWidth") == 360
    context.close()
