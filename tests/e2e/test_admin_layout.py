"""The admin's dashboard and registrations list, measured in a browser at the widths staff use."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.test import Client

from forum.models import Registration
from tests.factories import EditionFactory, OpenEditionFactory, RegistrationFactory


@pytest.fixture
def registrations(transactional_db):
    """Registrations of three editions, with the longest values the demo has: a city in two words,
    every status, a transfer and a hotel."""
    editions = [OpenEditionFactory(year=2027, capacity=300), EditionFactory(year=2016), EditionFactory(year=2014)]
    for edition in editions:
        for status in Registration.Status.values:
            RegistrationFactory(
                edition=edition,
                status=status,
                last_name="Бейшеналиева",
                first_name="Айгерим",
                country="GB",
                city="Санкт-Петербург",
                needs_transfer=True,
                needs_accommodation=True,
            )


# Per header cell: its widest word and its height in lines, measured in a hidden copy of its font,
# against the cell's content box. A word broken across lines (one letter a line at worst) is wider
# than the box that holds it.
MEASURE_CELLS = """cells => cells.map(cell => {
    const style = getComputedStyle(cell);
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;font:" + style.font
        + ";text-transform:" + style.textTransform + ";letter-spacing:" + style.letterSpacing;
    document.body.append(probe);
    const width = word => { probe.textContent = word; return probe.getBoundingClientRect().width; };
    const widest = Math.max(...cell.innerText.split(/\\s+/).filter(Boolean).map(width));
    const line = probe.getBoundingClientRect().height;
    probe.remove();
    const box = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const height = cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return {text: cell.innerText, widest, box, lines: Math.round(height / line)};
})"""


def staff_page(browser, live_server, language, width):
    user = get_user_model().objects.create_superuser("organizer", "organizer@example.org", "x")
    TOTP.activate(user, generate_totp_secret())  # staff need two-factor authentication for the admin
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url},
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )
    return context, context.new_page()


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_dashboard_headers_read_whole_words(browser, live_server, registrations, language, width):
    context, page = staff_page(browser, live_server, language, width)
    page.goto(live_server.url + "/admin/")
    cells = page.eval_on_selector_all("#dashboard th", MEASURE_CELLS)
    # The arrivals at the current edition (2027: its confirmed registrant), below the dashboard.
    arrivals = page.eval_on_selector_all(".attendance th", MEASURE_CELLS)
    assert arrivals
    for cell in arrivals:
        assert cell["widest"] <= cell["box"] + 1, cell
        assert cell["lines"] <= 3, cell
    assert len(cells) == 1 + 3 + len(Registration.Status.values) + 1  # corner, years, statuses, places
    for cell in cells:
        assert cell["widest"] <= cell["box"] + 1, cell
        assert cell["lines"] <= 3, cell
    # The page itself never scrolls sideways; the whole table shows at both widths.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(
        "(() => { const box = document.querySelector('#dashboard .dashboard__table');"
        " return box.scrollWidth <= box.clientWidth; })()"
    )
    context.close()


@pytest.mark.parametrize("language", ["ru", "ky"])
def test_registrations_list_fits_1280_pixels(browser, live_server, registrations, language):
    context, page = staff_page(browser, live_server, language, 1280)
    page.goto(live_server.url + "/admin/forum/registration/")
    results = page.locator("#changelist .results")
    table = page.locator("#result_list")
    assert table.evaluate("table => table.scrollWidth") <= results.evaluate("box => box.clientWidth")
    right = results.evaluate("box => box.getBoundingClientRect().right")
    for column in ("status", "country_and_city", "edition_year", "needs"):
        header = page.locator(f"#result_list th.column-{column}")
        assert header.evaluate("cell => cell.getBoundingClientRect().right") <= right
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    context.close()


FITTING_LISTS = [
    "/admin/forum/progressupdate/",
    "/admin/forum/outcomedocument/",
    "/admin/forum/section/",
    "/admin/forum/album/",
    "/admin/diaspora/association/",
    "/admin/auth/user/",
]


@pytest.mark.parametrize("language", ["ru", "ky"])
def test_the_lists_staff_use_fit_1280_pixels_with_the_demo_content(browser, live_server, site, language):
    """Editions as years, short dates, headers that wrap between words: no column of these lists
    hides behind a sideways scroll beside the menu and the filters."""
    context, page = staff_page(browser, live_server, language, 1280)
    for path in FITTING_LISTS:
        page.goto(live_server.url + path)
        assert page.locator("#result_list").count() == 1, path
        widths = page.evaluate(
            "(() => { const table = document.querySelector('#result_list');"
            " return [table.scrollWidth, table.closest('.results').clientWidth]; })()"
        )
        assert widths[0] <= widths[1], (path, widths)
    context.close()
