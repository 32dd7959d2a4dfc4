"""The site as an app: manifest, service worker, offline page, which pages a phone may keep
(`Offline-Copy`), and signing out clearing what the browser keeps. The worker itself runs in
Chromium: tests/e2e/test_offline.py."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.utils import timezone
from PIL import Image

from forum import services
from mekendeshter.core.offline import owner_token
from tests.factories import EditionFactory, OpenEditionFactory, OutcomeDocumentFactory, UserFactory, VenueFactory
from tests.mekendeshter.test_accounts import reauthenticate, sign_in

pytestmark = pytest.mark.django_db

LANGUAGES = ("ky", "ru", "en")


@pytest.fixture
def editions():
    """A past edition and the current (upcoming) one, each with a venue and an outcome document."""
    today = timezone.localdate()
    past = EditionFactory(
        year=today.year - 4, start_date=today - datetime.timedelta(days=1500), end_date=None, venue=VenueFactory()
    )
    current = OpenEditionFactory(
        year=today.year + 1, start_date=today + datetime.timedelta(days=200), end_date=None, venue=VenueFactory()
    )
    for edition in (past, current):
        OutcomeDocumentFactory(edition=edition)
    return past, current


def ticket_of(user, edition):
    registration = services.registration_create(
        user=user,
        edition=edition,
        language="ky",
        first_name="Нурлан",
        last_name="Өмүрбеков",
        country="DE",
        city="Berlin",
        phone="+49301234567",
    )
    return registration.tickets.valid().get()


# --- Manifest and worker at the root -------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "language", "name"),
    [("", "ky", "«Мекендештер» форуму"), ("ru", "ru", "Форум «Мекендештер»"), ("en-GB,en", "en", "Mekendeshter Forum")],
)
def test_the_manifest_is_served_from_the_root_in_the_visitors_language(client, accept, language, name):
    response = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "Accept-Language" in response["Vary"]
    data = json.loads(response.content)
    assert data["name"] == name
    assert data["lang"] == language
    assert data["start_url"] == f"/{language}/"
    assert data["scope"] == "/"
    assert data["id"] == "/"
    assert data["display"] == "standalone"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon


def test_the_manifest_has_what_chromium_needs_to_install_the_site_as_an_app(client):
    """Chromium's installability checks (and Lighthouse's): a name and a short name, a start URL
    inside the scope, a standalone display, a theme colour matching the pages' own, and PNG icons
    of 192 and 512 pixels, for any use and maskable, each of the size it claims."""
    data = json.loads(client.get("/manifest.webmanifest").content)
    assert data["name"] and data["short_name"]
    assert len(data["short_name"]) <= 12  # what a home screen shows under the icon
    assert data["start_url"].startswith(data["scope"])
    assert data["display"] in ("standalone", "fullscreen", "minimal-ui")
    page = client.get("/ky/").content.decode()
    assert f'<meta name="theme-color" content="{data["theme_color"]}">' in page
    assert data["background_color"]
    pngs = {}
    for icon in data["icons"]:
        if icon["type"] != "image/png":
            continue
        with Image.open(finders.find(icon["src"].removeprefix("/static/"))) as image:
            assert icon["sizes"] == f"{image.width}x{image.height}", icon
            assert image.format == "PNG"
        pngs.setdefault(icon.get("purpose", "any"), set()).add(icon["sizes"])
    assert pngs == {"any": {"192x192", "512x512"}, "maskable": {"192x192", "512x512"}}


@pytest.mark.parametrize("size", [192, 512])
def test_the_maskable_icon_keeps_the_emblem_inside_the_safe_zone(size):
    """A maskable icon is cropped to any shape that keeps a central circle of 40% of its size: the
    emblem must lie within it, on a background that fills the whole square."""
    with Image.open(finders.find(f"img/icon-maskable-{size}.png")) as image:
        rgb = image.convert("RGB")
    background = rgb.getpixel((0, 0))
    centre, safe = size / 2, 0.4 * size
    outside = {
        rgb.getpixel((x, y))
        for x in range(0, size, 4)
        for y in range(0, size, 4)
        if (x - centre) ** 2 + (y - centre) ** 2 > safe**2
    }
    assert outside == {background}
    assert background == (200, 16, 46)  # the theme colour, #c8102e
    assert (255, 210, 0) in set(rgb.get_flattened_data())  # the emblem's gold, #ffd200


@pytest.mark.parametrize(
    ("language", "name", "short_name"),
    [("ky", "«Мекендештер» форуму", "Мекендештер"), ("ru", "Форум «Мекендештер»", "Мекендештер")],
)
def test_the_app_installed_from_a_page_speaks_the_pages_language(client, language, name, short_name):
    """A page links the manifest in its own language: the app installed from a Russian page is
    named in Russian and opens on the Russian home page, whatever the browser's language."""
    html = client.get(f"/{language}/offline/").content.decode()
    link = f"/manifest.webmanifest?lang={language}"
    assert f'<link rel="manifest" href="{link}">' in html
    response = client.get(link, HTTP_ACCEPT_LANGUAGE="en-GB,en")
    data = json.loads(response.content)
    assert (data["name"], data["short_name"], data["lang"]) == (name, short_name, language)
    assert data["start_url"] == f"/{language}/"
    assert data["id"] == "/"  # one app, whichever language it was installed in
    # A language the site does not have: chosen as without the parameter.
    assert json.loads(client.get("/manifest.webmanifest?lang=de", HTTP_ACCEPT_LANGUAGE="ru").content)["lang"] == "ru"


def test_the_manifest_follows_the_language_cookie(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    data = json.loads(client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="en").content)
    assert data["start_url"] == "/ru/"


def test_every_page_links_the_manifest_and_the_script_that_registers_the_worker(client, editions):
    html = client.get(f"/en/forum/{editions[1].year}/programme/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=en">' in html
    assert 'src="/static/js/pwa.js"' in html


def test_the_worker_is_served_from_the_root_as_javascript_and_never_kept_long(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # A phone checks for a new worker at every visit; the scope is the folder of /sw.js: all of it.
    assert response["Cache-Control"] == "no-cache"
    assert "Service-Worker-Allowed" not in response
    # The worker runs under the site's Content Security Policy (no eval, same-origin fetches).
    assert "connect-src 'self'" in response["Content-Security-Policy"]
    body = response.content.decode()
    config = json.loads(body.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert config["offline"] == {code: f"/{code}/offline/" for code in LANGUAGES}
    assert "/ru/accounts/logout/" in config["signOut"]
    assert "{{" not in body
    assert "{%" not in body


def test_the_worker_and_manifest_answer_only_reads(client):
    assert client.post("/sw.js").status_code == 405
    assert client.post("/manifest.webmanifest").status_code == 405


@pytest.mark.parametrize(
    ("language", "heading", "saved"),
    [
        ("ky", "Байланыш жок", "Ушул түзмөктө сакталгандар"),
        ("ru", "Нет подключения", "Сохранено на этом устройстве"),
        ("en", "No connection", "Saved on this device"),
    ],
)
def test_the_offline_page_in_each_language(client, language, heading, saved):
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert saved in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ky", "Тармак жок: бул барактын ушул түзмөктө сакталган көчүрмөсү (сакталган убактысы: {date})."),
        ("ru", "Нет сети: это копия страницы, сохранённая на этом устройстве {date}."),
        ("en", "You are offline: this is a copy of the page saved on this device on {date}."),
    ],
)
def test_pages_carry_the_saved_copy_notice_hidden_in_their_language(client, editions, language, text):
    html = client.get(f"/{language}/forum/{editions[1].year}/programme/").content.decode()
    notice = html.split('id="saved-copy"', 1)[1].split("</div>", 1)[0]
    assert "hidden" in notice.split(">", 1)[0]
    assert text in notice


# --- Which pages a phone keeps ---------------------------------------------------------------


@pytest.mark.parametrize("page", ["programme", "venue", "outcome"])
def test_the_current_editions_pages_are_kept_offline_and_past_ones_are_not(client, editions, page):
    past, current = editions
    for language in LANGUAGES:
        response = client.get(f"/{language}/forum/{current.year}/{page}/")
        assert response.status_code == 200
        assert response["Offline-Copy"] == "public"
        assert "private" not in response.get("Cache-Control", "")
    assert "Offline-Copy" not in client.get(f"/en/forum/{past.year}/{page}/")


def test_other_pages_are_not_kept(client, editions):
    for url in ("/en/", "/en/news/", f"/en/forum/{editions[1].year}/", "/en/offline/", "/en/directory/"):
        assert "Offline-Copy" not in client.get(url), url


def test_a_signed_in_persons_copy_is_personal_and_names_its_owner(client, editions):
    current = editions[1]
    user, other = UserFactory(), UserFactory()
    client.force_login(user)
    response = client.get(f"/en/forum/{current.year}/programme/")
    assert response["Offline-Copy"] == f"personal; owner={owner_token(user)}"
    assert "no-store" in response["Cache-Control"]
    # Two people's tokens differ, and a token does not contain the user's id in clear.
    assert owner_token(user) != owner_token(other)
    assert len(owner_token(user)) == 32
    assert owner_token(user) == owner_token(user)


def test_the_ticket_is_kept_only_for_its_owner(client, editions):
    current = editions[1]
    owner, other = UserFactory(), UserFactory()
    ticket_of(owner, current)
    url = f"/ky/me/tickets/{current.year}/"

    # Anonymous: sent to sign in, nothing to keep.
    response = client.get(url)
    assert response.status_code == 302
    assert "Offline-Copy" not in response

    # Another person: 404, nothing to keep.
    client.force_login(other)
    response = client.get(url)
    assert response.status_code == 404
    assert "Offline-Copy" not in response

    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Offline-Copy"] == f"personal; owner={owner_token(owner)}"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_cancelled_ticket_is_no_longer_kept(client, editions):
    current = editions[1]
    owner = UserFactory()
    ticket = ticket_of(owner, current)
    services.registration_cancel(registration=ticket.registration)
    client.force_login(owner)
    response = client.get(f"/en/me/tickets/{current.year}/")
    # The worker drops its copy on this answer (tests/e2e/test_offline.py).
    assert response.status_code == 404
    assert "Offline-Copy" not in response


# --- Signing out -----------------------------------------------------------------------------


def test_signing_out_tells_the_browser_to_clear_its_cache(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'
    assert "_auth_user_id" not in client.session
    # The sign-out page itself (a GET) clears nothing yet.
    client.force_login(user)
    response = client.get("/en/accounts/logout/")
    assert response.status_code == 200
    assert "Clear-Site-Data" not in response


def test_deleting_the_account_clears_the_browsers_cache_too(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    reauthenticate(sign_in(client, user))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/me/delete/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'
    assert not get_user_model().objects.filter(pk=user.pk).exists()
