"""Failed sign-ins are limited per account and address, and account-wide, so that an attacker
cannot keep a person out; a mailed reset link is the way in nobody can block."""

import re

import pytest
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
HOME = "203.0.113.7"  # the person's own connection


def sign_in(client, email, password, address):
    return client.post("/ru/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address)


def attack(client, email, count):
    """Wrong passwords from `count` different addresses."""
    for n in range(count):
        sign_in(client, email, f"guess-{n}", f"198.51.100.{n + 1}")
    client.logout()


@pytest.mark.parametrize("staff", [False, True])
def test_wrong_passwords_from_many_addresses_do_not_lock_the_person_out(client, staff):
    user = UserFactory(is_staff=staff)
    attack(client, user.email, 14)
    response = sign_in(client, user.email, PASSWORD, HOME)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_one_address_is_stopped_after_five_failures_others_are_not(client):
    user = UserFactory()
    for _ in range(5):
        sign_in(client, user.email, "wrong", "198.51.100.1")
    response = sign_in(client, user.email, PASSWORD, "198.51.100.1")
    assert "Слишком много неудачных попыток входа с вашего подключения" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert sign_in(client, user.email, PASSWORD, HOME).status_code == 302


def test_an_account_wide_attack_is_stopped_and_the_person_gets_in_by_reset(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    attack(client, user.email, 30)
    # Password sign-in to this account is stopped for everyone, the person included…
    response = sign_in(client, user.email, PASSWORD, HOME)
    assert "Слишком много неудачных попыток входа в этот аккаунт" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # …and the mailed reset link signs them in.
    with django_capture_on_commit_callbacks(execute=True):  # the letter leaves once the request commits
        client.post("/ru/accounts/password/reset/", {"email": user.email}, REMOTE_ADDR=HOME)
    link = re.search(r"https?://testserver(/ru/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    form_url = client.get(link, REMOTE_ADDR=HOME)["Location"]
    new_password = "a brand new long passphrase"
    response = client.post(form_url, {"password1": new_password, "password2": new_password}, REMOTE_ADDR=HOME)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    # The count is cleared: the new password works at once.
    client.logout()
    assert sign_in(client, user.email, new_password, HOME).status_code == 302


def test_the_attacker_cannot_block_the_reset(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/ru/accounts/password/reset/", {"email": user.email}, REMOTE_ADDR=f"198.51.100.{n + 1}")
    # Every request the attacker's limit let through mailed a working link to the person.
    assert mail.outbox and {tuple(message.to) for message in mail.outbox} == {(user.email,)}
    assert "/password/reset/key/" in mail.outbox[0].body
