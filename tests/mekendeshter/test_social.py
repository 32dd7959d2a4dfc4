"""Each social provider's sign-in with its HTTP endpoints faked (as allauth's own tests do): a new
user, a returning user, and a provider email that matches a local account without being verified
by the provider, which must never sign in to that account."""

import base64
import hashlib
import hmac
import json
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = {"access_token": "fake-access-token", "token_type": "Bearer", "expires_in": 3600}
OIDC_SERVER = "https://id.example.org"


def app(**extra):
    return {"APPS": [{"client_id": "client-id", "secret": "client-secret", **extra}]}


SETTINGS = {
    "google": app() | {"EMAIL_AUTHENTICATION": True},
    "facebook": app() | {"METHOD": "oauth2"},
    "vk": app(),
    "odnoklassniki": {"APPS": [{"client_id": "client-id", "secret": "client-secret", "key": "public-key"}]},
    "mailru": app(),
    "telegram": {"APPS": [{"client_id": "123456", "secret": "bot-token"}]},
    "openid_connect": {
        "EMAIL_AUTHENTICATION": True,
        "APPS": [
            {
                "provider_id": "oidc",
                "name": "Example ID",
                "client_id": "client-id",
                "secret": "client-secret",
                "settings": {"server_url": OIDC_SERVER},
            }
        ],
    },
}


def google(uid, email, verified):
    profile = {"id": uid, "email": email, "verified_email": verified, "given_name": "Aigul", "family_name": "A"}
    return [("oauth2.googleapis.com/token", TOKEN), ("googleapis.com/oauth2/v2/userinfo", profile)]


def facebook(uid, email, verified):
    profile = {"id": uid, "email": email, "first_name": "Aigul", "last_name": "A", "name": "Aigul A"}
    return [("/oauth/access_token", TOKEN), ("graph.facebook.com", profile)]


def vk(uid, email, verified):
    profile = {"user": {"user_id": uid, "email": email, "first_name": "Айгүл", "last_name": "А"}}
    return [("id.vk.ru/oauth2/auth", TOKEN | {"user_id": uid}), ("id.vk.ru/oauth2/user_info", profile)]


def odnoklassniki(uid, email, verified):
    profile = {"uid": uid, "email": email, "first_name": "Айгүл", "last_name": "А"}
    return [("api.odnoklassniki.ru/oauth/token.do", TOKEN), ("api.odnoklassniki.ru/fb.do", profile)]


def mailru(uid, email, verified):
    profile = [{"uid": uid, "email": email, "first_name": "Айгүл", "last_name": "А"}]
    return [("connect.mail.ru/oauth/token", TOKEN | {"x_mailru_vid": uid}), ("appsmail.ru/platform/api", profile)]


def openid_connect(uid, email, verified):
    configuration = {
        "issuer": OIDC_SERVER,
        "authorization_endpoint": f"{OIDC_SERVER}/authorize",
        "token_endpoint": f"{OIDC_SERVER}/token",
        "userinfo_endpoint": f"{OIDC_SERVER}/userinfo",
        "jwks_uri": f"{OIDC_SERVER}/jwks",
    }
    userinfo = {"sub": uid, "email": email, "email_verified": verified, "given_name": "Aigul"}
    return [
        ("/.well-known/openid-configuration", configuration),
        (f"{OIDC_SERVER}/token", TOKEN),
        (f"{OIDC_SERVER}/userinfo", userinfo),
    ]


OAUTH2 = {
    "google": (google, "/en/accounts/google/login/"),
    "facebook": (facebook, "/en/accounts/facebook/login/"),
    "vk": (vk, "/en/accounts/vk/login/"),
    "odnoklassniki": (odnoklassniki, "/en/accounts/odnoklassniki/login/"),
    "mailru": (mailru, "/en/accounts/mailru/login/"),
    "openid_connect": (openid_connect, "/en/accounts/oidc/oidc/login/"),
}
# Providers whose userinfo says whether the email address is verified.
VERIFYING = {"google", "openid_connect"}


@pytest.fixture
def fake_http(monkeypatch):
    """Answer the providers' HTTP endpoints; any other request fails the test (no internet)."""
    routes = []

    def request(self, method, url, *args, **kwargs):
        for fragment, payload in routes:
            if fragment in url:
                response = requests.Response()
                response.status_code = 200
                response._content = json.dumps(payload).encode()
                response.headers["Content-Type"] = "application/json"
                response.url = url
                return response
        raise AssertionError(f"Unexpected HTTP request: {method} {url}")

    monkeypatch.setattr(requests.Session, "request", request)
    return routes


@pytest.fixture(autouse=True)
def _providers(settings):
    settings.SOCIALACCOUNT_PROVIDERS = SETTINGS


def oauth2_sign_in(client, fake_http, provider, *, uid, email, verified):
    make_routes, login_url = OAUTH2[provider]
    fake_http[:] = make_routes(uid, email, verified)
    # The provider's sign-in starts with a POST only: a GET shows a page with a button.
    page = client.get(login_url)
    assert page.status_code == 200 and "<form" in page.content.decode()
    response = client.post(login_url)
    assert response.status_code == 302, response.content.decode()[:500]
    state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
    # Letters are queued once the sign-up is committed (the test's transaction never is).
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.get(login_url + "callback/", {"code": "fake-code", "state": state})


def session_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize("provider", list(OAUTH2))
def test_new_user(client, fake_http, provider):
    response = oauth2_sign_in(client, fake_http, provider, uid="1001", email="new@example.org", verified=True)
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider=provider if provider != "openid_connect" else "oidc")
    user = account.user
    assert user.email == "new@example.org"
    if provider in VERIFYING:
        # Verified by the provider: signed in at once.
        assert response["Location"] == "/en/me/"
        assert session_user_id(client) == str(user.pk)
        assert EmailAddress.objects.get(user=user).verified
    else:
        # Not verified by the provider: our own verification mail first.
        assert response["Location"] == "/en/accounts/confirm-email/"
        assert session_user_id(client) is None
        assert not EmailAddress.objects.get(user=user).verified
        assert mail.outbox[0].to == ["new@example.org"]


@pytest.mark.parametrize("provider", list(OAUTH2))
def test_returning_user(client, fake_http, provider):
    user = UserFactory(email="back@example.org")
    SocialAccount.objects.create(user=user, provider=provider if provider != "openid_connect" else "oidc", uid="2002")
    response = oauth2_sign_in(client, fake_http, provider, uid="2002", email="back@example.org", verified=False)
    assert response.status_code == 302 and response["Location"] == "/en/me/"
    assert session_user_id(client) == str(user.pk)
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize("provider", list(OAUTH2))
def test_unverified_provider_email_never_signs_in_to_a_local_account(client, fake_http, provider):
    victim = UserFactory(email="victim@example.org")
    response = oauth2_sign_in(client, fake_http, provider, uid="3003", email="victim@example.org", verified=False)
    assert session_user_id(client) != str(victim.pk)
    assert not SocialAccount.objects.filter(user=victim).exists()
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("provider", sorted(VERIFYING))
def test_verified_provider_email_signs_in_and_connects(client, fake_http, provider):
    user = UserFactory(email="known@example.org")
    response = oauth2_sign_in(client, fake_http, provider, uid="4004", email="known@example.org", verified=True)
    assert response["Location"] == "/en/me/"
    assert session_user_id(client) == str(user.pk)
    assert SocialAccount.objects.filter(user=user).exists()


# --- Telegram: a signed widget result, no OAuth2 and no email -------------------------------


def telegram_result(uid, token="bot-token"):
    data = {"id": uid, "first_name": "Aigul", "auth_date": int(time.time())}
    payload = "\n".join(sorted(f"{key}={value}" for key, value in data.items()))
    secret = hashlib.sha256(token.encode()).digest()
    data["hash"] = hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()
    return base64.b64encode(json.dumps(data).encode()).decode()


def telegram_sign_in(client, uid, token="bot-token"):
    response = client.post("/en/accounts/telegram/login/")
    assert response.status_code == 302
    return_to = parse_qs(urlsplit(response["Location"]).query)["return_to"][0]
    state = parse_qs(urlsplit(return_to).query)["state"][0]
    return client.post(
        f"/en/accounts/telegram/login/callback/?state={state}", {"tgAuthResult": telegram_result(uid, token)}
    )


def test_telegram_new_user_is_asked_for_an_email(client):
    response = telegram_sign_in(client, 5005)
    assert response.status_code == 302 and response["Location"] == "/en/accounts/3rdparty/signup/"
    assert session_user_id(client) is None
    response = client.post("/en/accounts/3rdparty/signup/", {"email": "tg@example.org"})
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert SocialAccount.objects.get(provider="telegram").user.email == "tg@example.org"


def test_telegram_returning_user(client):
    user = UserFactory()
    SocialAccount.objects.create(user=user, provider="telegram", uid="6006")
    response = telegram_sign_in(client, 6006)
    assert response["Location"] == "/en/me/"
    assert session_user_id(client) == str(user.pk)


def test_telegram_forged_result_is_refused(client):
    user = UserFactory()
    SocialAccount.objects.create(user=user, provider="telegram", uid="7007")
    telegram_sign_in(client, 7007, token="not-the-bot-token")
    assert session_user_id(client) is None


@pytest.mark.parametrize("provider", ["google", "facebook", "vk", "odnoklassniki", "mailru", "telegram"])
@pytest.mark.parametrize("path", ["login/", "login/callback/"])
def test_unconfigured_provider_pages_do_not_exist(client, settings, provider, path):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    client.raise_request_exception = False
    # Telegram's callback page only hands the URL's fragment back to the site with a POST: it
    # needs no app, so it opens; what it posts to is checked like the rest.
    get_status = 200 if (provider, path) == ("telegram", "login/callback/") else 404
    for language in ("ky", "ru", "en"):
        url = f"/{language}/accounts/{provider}/{path}"
        assert client.get(url).status_code == get_status, url
        assert client.post(url).status_code == 404, url


def test_a_configured_provider_still_starts_its_sign_in(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"google": SETTINGS["google"]}
    response = client.post("/ky/accounts/google/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://accounts.google.com/")
