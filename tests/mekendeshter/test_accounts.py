import json
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

from diaspora.models import Profile
from forum.models import Proposal, ProposalSupport, Registration
from forum.tasks import send_registration_email
from mekendeshter import services
from mekendeshter import settings as site_settings
from news.models import Comment, Subscription
from tests.factories import ArticleFactory, DirectoryEntryFactory, ProposalFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def signed_in(client, user):
    client.force_login(user)
    return client


def sign_in(client, user):
    """Sign in through the form, as a person does (allauth records when the password was given)."""
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client


def reauthenticate(client):
    """Sensitive changes (two-factor setup, account deletion) ask for the password again."""
    response = client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client


# --- Email sign-up and sign-in --------------------------------------------------------------


def test_sign_up_by_email_needs_verification(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ru/accounts/signup/", {"email": "nurlan@example.org", "password1": PASSWORD, "password2": PASSWORD}
        )
    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/confirm-email/"
    user = get_user_model().objects.get(email="nurlan@example.org")
    assert Profile.objects.get(user=user).language == "ru"
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session
    message = mail.outbox[0]
    assert message.to == ["nurlan@example.org"]
    assert message.subject == "Пожалуйста, подтвердите Ваш адрес электронной почты"
    link_line = "Чтобы подтвердить, что это ваш адрес, откройте ссылку:\n\nhttp://testserver/ru/accounts/confirm-email/"
    assert link_line in message.body

    # Signing in before verifying only sends the link again.
    client.post("/ru/accounts/login/", {"login": "nurlan@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://testserver(/ru/accounts/confirm-email/[^\s]+)", message.body).group(1)
    page = client.get(link)
    assert page.status_code == 200 and "<form" in page.content.decode()  # confirmed by POST only
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_in_by_email_and_header_links(client):
    user = UserFactory()
    response = client.post("/ky/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/ky/me/"
    html = client.get("/ky/").content.decode()
    assert 'href="/ky/me/"' in html
    assert 'action="/ky/accounts/logout/"' in html
    assert "/admin/login/" not in html


def test_anonymous_header_links_to_allauth_sign_in(client):
    html = client.get("/ru/news/").content.decode()
    assert 'href="/ru/accounts/login/?next=/ru/news/"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/ky/accounts/login/", "Кирүү"),
        ("/ru/accounts/login/", "Войти"),
        ("/en/accounts/login/", "Sign in"),
        ("/ru/accounts/signup/", "Создать аккаунт"),
        ("/ru/accounts/password/reset/", "Сброс пароля"),
    ],
)
def test_allauth_pages_use_the_site_layout(client, path, text):
    html = client.get(path).content.decode()
    assert re.search(rf"<h1>\s*{text}\s*</h1>", html)
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'class="form"' in html
    assert "style=" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", html) is None


@pytest.mark.parametrize(
    "path", ["/ru/accounts/email/", "/ru/accounts/password/change/", "/ru/accounts/3rdparty/", "/ru/accounts/2fa/"]
)
def test_account_management_pages_use_the_site_layout(client, path):
    html = signed_in(client, UserFactory()).get(path).content.decode()
    assert 'class="site-header"' in html and 'href="/ru/me/"' in html
    assert '<nav class="subnav" aria-label="Мой аккаунт">' in html
    assert "style=" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", html) is None


def test_failed_sign_ins_are_rate_limited(client):
    user = UserFactory()
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": user.email, "password": "wrong"})
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert "Too many failed sign-ins from your connection" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_rate_limits_count_in_a_real_cache():
    for caches in (settings.CACHES, site_settings.CACHES):
        assert "DummyCache" not in caches["default"]["BACKEND"]


def test_sensitive_changes_ask_for_the_password_again(client):
    # A session without a recent password entry (here: a forced login) must authenticate again.
    signed_in(client, UserFactory())
    for path, data in (
        ("/en/accounts/2fa/totp/activate/", {}),
        ("/en/accounts/email/", {"action_add": "", "email": "new@example.org"}),
    ):
        response = client.post(path, data)
        assert response.status_code == 302 and "/accounts/reauthenticate/" in response["Location"], path
    response = client.post("/en/me/delete/")
    assert response.status_code == 302 and "/accounts/reauthenticate/" in response["Location"]


# --- Two-factor authentication and the admin ------------------------------------------------


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_staff_must_set_up_two_factor_before_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    sign_in(client, staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")
    TOTP.activate(staff, generate_totp_secret())
    assert client.get("/admin/").status_code == 200


def test_signing_in_with_two_factor_asks_for_the_code(client):
    user = UserFactory()
    TOTP.activate(user, generate_totp_secret())
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and "/accounts/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_two_factor_setup_page_renders_for_everyone(client):
    reauthenticate(sign_in(client, UserFactory()))
    html = client.get("/en/accounts/2fa/totp/activate/").content.decode()
    assert "data:image/svg+xml" in html and 'class="site-header"' in html


# --- Providers from the environment ---------------------------------------------------------


def test_providers_come_from_the_environment(monkeypatch):
    for name in ("GOOGLE", "FACEBOOK", "VK", "ODNOKLASSNIKI", "MAILRU", "TELEGRAM"):
        monkeypatch.delenv(f"SOCIAL_{name}_CLIENT_ID", raising=False)
    monkeypatch.delenv("SOCIAL_OIDC_SERVER_URL", raising=False)
    assert site_settings._social_providers() == {}
    monkeypatch.setenv("SOCIAL_GOOGLE_CLIENT_ID", "google-id")
    monkeypatch.setenv("SOCIAL_GOOGLE_SECRET", "google-secret")
    monkeypatch.setenv("SOCIAL_ODNOKLASSNIKI_CLIENT_ID", "ok-id")
    monkeypatch.setenv("SOCIAL_ODNOKLASSNIKI_SECRET", "ok-secret")
    monkeypatch.setenv("SOCIAL_ODNOKLASSNIKI_KEY", "ok-public")
    monkeypatch.setenv("SOCIAL_VK_CLIENT_ID", "vk-id")  # no secret: not configured
    monkeypatch.setenv("SOCIAL_OIDC_SERVER_URL", "https://id.example.org")
    monkeypatch.setenv("SOCIAL_OIDC_CLIENT_ID", "oidc-id")
    monkeypatch.setenv("SOCIAL_OIDC_SECRET", "oidc-secret")
    monkeypatch.setenv("SOCIAL_OIDC_NAME", "Example ID")
    providers = site_settings._social_providers()
    assert set(providers) == {"google", "odnoklassniki", "openid_connect"}
    assert providers["odnoklassniki"]["APPS"][0]["key"] == "ok-public"
    assert providers["openid_connect"]["APPS"][0]["name"] == "Example ID"
    # Email authentication only for providers that verify email addresses.
    assert providers["google"]["EMAIL_AUTHENTICATION"] and providers["openid_connect"]["EMAIL_AUTHENTICATION"]
    assert "EMAIL_AUTHENTICATION" not in providers["odnoklassniki"]


def test_sign_in_page_offers_exactly_the_configured_providers(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert "/accounts/google/login/" not in html
    providers = {
        "google": {"APPS": [{"client_id": "g", "secret": "s"}]},
        "vk": {"APPS": [{"client_id": "v", "secret": "s"}]},
    }
    with override_settings(SOCIALACCOUNT_PROVIDERS=providers):
        html = client.get("/en/accounts/login/").content.decode()
    assert "/en/accounts/google/login/" in html and "/en/accounts/vk/login/" in html
    for other in ("facebook", "odnoklassniki", "mailru", "telegram", "oidc"):
        assert f"/accounts/{other}/" not in html


# --- My account -----------------------------------------------------------------------------


def test_my_account_lists_my_things_only(client):
    me = UserFactory()
    mine = RegistrationFactory(user=me)
    RegistrationFactory(edition=mine.edition, city="Чужой город")
    my_proposal = ProposalFactory(author=me, text="Менин сунушум: жаштар кеңешин түзүү.")
    ProposalFactory(text="Башка адамдын сунушу.")
    html = signed_in(client, me).get("/ky/me/").content.decode()
    assert me.email in html
    assert mine.edition.title_ky in html
    assert f"/ky/forum/{mine.edition.year}/register/" in html
    assert "Менин сунушум" in html and "Башка адамдын" not in html
    assert f"/outcome/proposals/{my_proposal.pk}/" in html
    assert "/ky/accounts/3rdparty/" in html and "/ky/me/export/" in html and "/ky/me/delete/" in html


@pytest.mark.parametrize("url", ["/ky/me/", "/en/me/export/"])
def test_my_account_and_my_data_query_counts_do_not_grow(client, url):
    me = UserFactory()
    signed_in(client, me)
    RegistrationFactory(user=me)
    ProposalFactory(author=me)
    few = count_queries(client, url)
    RegistrationFactory.create_batch(3, user=me)
    ProposalFactory.create_batch(3, author=me)
    assert count_queries(client, url) == few


def test_preferred_language_is_saved(client):
    me = UserFactory()
    response = signed_in(client, me).post("/ky/me/", {"language": "en"})
    assert response.status_code == 302
    assert Profile.objects.get(user=me).language == "en"


def test_preferred_language_carries_to_my_running_registrations(client):
    me = UserFactory()
    running = RegistrationFactory(user=me, language="ky")
    cancelled = RegistrationFactory(user=me, language="ky", status=Registration.Status.CANCELLED)
    someone_elses = RegistrationFactory(edition=running.edition, language="ky")
    signed_in(client, me).post("/ky/me/", {"language": "ru"})
    languages = dict(Registration.objects.values_list("pk", "language"))
    assert languages == {running.pk: "ru", cancelled.pk: "ky", someone_elses.pk: "ky"}
    send_registration_email(running.pk, "waitlisted")
    assert mail.outbox[-1].subject == f"Вы в листе ожидания: {running.edition.title_ru}"


def test_download_my_data(client):
    me = UserFactory()
    registration = RegistrationFactory(user=me, city="Новосибирск")
    proposal = ProposalFactory(author=me)
    ProposalSupport.objects.create(proposal=ProposalFactory(), user=me)
    RegistrationFactory(city="Someone else's city")
    response = signed_in(client, me).get("/en/me/export/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == me.email
    assert data["email_addresses"][0]["email"] == me.email
    assert [r["city"] for r in data["registrations"]] == ["Новосибирск"]
    assert data["registrations"][0]["edition"] == registration.edition.year
    assert [p["text"] for p in data["proposals"]] == [proposal.text]
    assert len(data["supported_proposals"]) == 1
    assert "Someone else" not in response.content.decode()


def test_delete_my_account_keeps_public_contributions_without_my_name(client, django_capture_on_commit_callbacks):
    me = UserFactory()
    registration = RegistrationFactory(user=me, edition__capacity=1)
    waiting = RegistrationFactory(edition=registration.edition, status=Registration.Status.WAITLISTED)
    proposal = ProposalFactory(author=me, status=Proposal.Status.ACCEPTED)
    support = ProposalSupport.objects.create(proposal=ProposalFactory(), user=me)
    reauthenticate(sign_in(client, me))
    assert "Delete my account" in client.get("/en/me/delete/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/me/delete/")
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=me.pk).exists()
    assert not EmailAddress.objects.filter(email=me.email).exists()
    assert not Registration.objects.filter(pk=registration.pk).exists()
    proposal.refresh_from_db()
    support.refresh_from_db()
    assert proposal.author is None and support.user is None
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED  # the freed place went to the waiting list
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]
    assert "_auth_user_id" not in client.session


# --- Access control -------------------------------------------------------------------------


def private_urls(owner):
    registration = RegistrationFactory(user=owner, city="Секретный город")
    proposal = ProposalFactory(author=owner, text="Секретное предложение на рассмотрении.")
    year = registration.edition.year
    proposal_year = proposal.document.edition.year
    return {
        "registration": f"/ru/forum/{year}/register/",
        "proposal": f"/ru/forum/{proposal_year}/outcome/proposals/{proposal.pk}/",
        "export": "/ru/me/export/",
        "account": "/ru/me/",
        "delete": "/ru/me/delete/",
    }


@pytest.mark.parametrize("visitor", ["anonymous", "other user"])
def test_nobody_else_reaches_my_private_pages(client, visitor):
    owner = UserFactory(email="owner@example.org")
    urls = private_urls(owner)
    if visitor == "other user":
        signed_in(client, UserFactory())
    for name, url in urls.items():
        response = client.get(url)
        body = response.content.decode()
        assert "Секретный город" not in body, name
        assert "Секретное предложение" not in body, name
        assert "owner@example.org" not in body, name
        if visitor == "anonymous" and name == "registration":
            # A person without an account gets an empty form that opens one.
            assert response.context["account_form"] is not None and not response.context["form"].initial
        elif visitor == "anonymous":
            assert response.status_code in (302, 404), name
            if response.status_code == 302:
                assert "/accounts/login/" in response["Location"], name
    # Writes aimed at the owner's things do nothing to them either.
    client.post(urls["registration"].replace("register/", "register/cancel/"))
    client.post(urls["delete"])
    assert Registration.objects.get(user=owner).status == Registration.Status.CONFIRMED
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_my_account_lists_my_subscriptions_and_deletion_removes_them(client, django_user_model):
    user = django_user_model.objects.create_user(username="nurlan", email="Nurlan@Example.org", password="x")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Subscription.objects.create(email="nurlan@example.org", status=Subscription.Status.CONFIRMED, language="ru")
    Subscription.objects.create(email="someone.else@example.org", status=Subscription.Status.CONFIRMED)
    comment = Comment.objects.create(article=ArticleFactory(), author=user, body="Жакшы жаңылык!")
    client.force_login(user)

    html = client.get("/en/me/").content.decode()
    assert "nurlan@example.org" in html
    assert "someone.else@example.org" not in html
    data = client.get("/en/me/export/").json()
    assert [s["email"] for s in data["subscriptions"]] == ["nurlan@example.org"]
    assert data["comments"][0]["body"] == "Жакшы жаңылык!"

    services.account_delete(user=user)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["someone.else@example.org"]
    comment.refresh_from_db()
    assert comment.author is None and str(comment.author_name) == "Former member"


# --- The directory entry --------------------------------------------------------------------


def test_my_account_links_to_my_directory_entry(client):
    me = UserFactory()
    html = signed_in(client, me).get("/en/me/").content.decode()
    assert 'id="my-directory-entry"' in html and "Create my directory entry" in html and "/en/directory/me/" in html
    DirectoryEntryFactory(user=me, display_name="Менин жазуум")
    html = client.get("/en/me/").content.decode()
    assert "Менин жазуум" in html and "Edit, hide or delete my directory entry" in html


def test_download_my_data_includes_my_directory_entry(client):
    me = UserFactory()
    DirectoryEntryFactory(user=me, phone="+996555123456", phone_visibility="hidden", country="DE")
    DirectoryEntryFactory(phone="+996555999999")
    response = signed_in(client, me).get("/en/me/export/")
    data = json.loads(response.content)
    entry = data["directory_entry"]
    assert entry["phone"] == "+996555123456" and entry["phone_visibility"] == "hidden"
    assert entry["country"] == "DE" and entry["consent_text"] and entry["consent_at"]
    assert "+996555999999" not in response.content.decode()
