"""One mailbox, one identity: every spelling of an address is stored the same way."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError

from diaspora.models import DirectoryEntry
from forum.models import ContactRequest
from mekendeshter.core.emails import normalise_email
from news.models import Subscription

SPELLINGS = ['"grace"@example.org', "Grace@Example.ORG", " grace@example.org ", "GRACE@example.org"]
IDN_SPELLINGS = ["grace@bücher.example", "grace@xn--bcher-kva.example", "Grace@BÜCHER.example"]
PASSWORD = "correct horse battery staple"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_spellings_of_one_mailbox_are_one_address(spelling):
    assert normalise_email(spelling) == "grace@example.org"


@pytest.mark.parametrize("spelling", IDN_SPELLINGS)
def test_internationalised_domain_and_its_punycode_are_one_address(spelling):
    assert normalise_email(spelling) == "grace@bücher.example"


@pytest.mark.parametrize("value", ["grace", "grace@", "@example.org", "grace@@example.org", "a" * 300 + "@x.org"])
def test_not_an_address(value):
    with pytest.raises(ValidationError):
        normalise_email(value)


@pytest.mark.django_db
def test_one_mailbox_holds_one_account(client):
    for spelling in ("grace@example.org", '"grace"@example.org', "Grace@EXAMPLE.org"):
        client.post("/ru/accounts/signup/", {"email": spelling, "password1": PASSWORD, "password2": PASSWORD})
        client.logout()
    assert get_user_model().objects.count() == 1
    assert list(EmailAddress.objects.values_list("email", flat=True)) == ["grace@example.org"]


@pytest.mark.django_db
def test_sign_in_with_another_spelling_of_the_address(client):
    user = get_user_model().objects.create_user(username="grace", email="grace@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    response = client.post("/en/accounts/login/", {"login": '"Grace"@Example.org', "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_one_mailbox_gets_one_subscription(client, django_capture_on_commit_callbacks):
    for spelling in ('"grace"@example.org', "Grace@Example.ORG", "grace@example.org"):
        cache.clear()  # the resend interval would hold the next letter back
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/ru/subscribe/", {"email": spelling, "language": "ru", "news": "on"})
    assert {tuple(message.to) for message in mail.outbox} == {("grace@example.org",)}
    for message in mail.outbox:
        link = re.search(r"https?://[^/\s]+(/\S+/subscribe/confirm/\S+/)", message.body).group(1)
        client.post(link)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["grace@example.org"]


@pytest.mark.django_db
def test_contact_request_stores_the_normalised_address(client):
    client.post(
        "/ru/contact/",
        {"name": "Grace", "email": '"Grace"@Bücher.example', "message": "A question about the forum."},
    )
    assert ContactRequest.objects.get().email == "grace@bücher.example"


@pytest.mark.django_db
def test_directory_entry_stores_the_normalised_address(client):
    user = get_user_model().objects.create_user(username="grace", email="grace@example.org")
    client.force_login(user)
    client.post(
        "/ru/directory/me/",
        {
            "display_name": "Grace",
            "country": "DE",
            "email": "Grace@Example.ORG",
            "email_visibility": "members",
            "phone_visibility": "members",
            "telegram_visibility": "members",
            "whatsapp_visibility": "members",
            "consent": "on",
        },
    )
    assert DirectoryEntry.objects.get(user=user).email == "grace@example.org"


@pytest.mark.django_db
def test_a_bad_address_gets_a_translated_message(client):
    response = client.post("/ru/subscribe/", {"email": "grace@@example.org", "language": "ru", "news": "on"})
    assert response.status_code == 200
    assert "Введите правильный адрес электронной почты." in response.content.decode()
