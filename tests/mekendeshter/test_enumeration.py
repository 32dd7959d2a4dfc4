"""Sign-up, sign-in, password reset and subscription do the same work and give the same answer
for an address that has an account (or a subscription) as for one that has none.

The slow part of these requests is password hashing: counting the hasher's calls compares the
two paths without timing anything."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase

from tests.factories import SubscriptionFactory, UserFactory
from tests.hashers import CountingHasher

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
KNOWN, UNKNOWN = "known@example.org", "unknown@example.org"


@pytest.fixture(autouse=True)
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.hashers.CountingHasher"]
    UserFactory(email=KNOWN)  # its password hashed by the counting hasher
    SubscriptionFactory(email=KNOWN)


def work_and_answer(client, method, url, data):
    """(hashes computed, status, redirect target, letters sent) for one request."""
    mail.outbox.clear()
    CountingHasher.calls = 0
    # Letters leave once the request commits (mekendeshter.core.letters): run those callbacks.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = getattr(client, method)(url, data)
    client.logout()
    return CountingHasher.calls, response.status_code, response.get("Location"), len(mail.outbox)


def compare(client, url, data_for):
    known = work_and_answer(client, "post", url, data_for(KNOWN))
    unknown = work_and_answer(client, "post", url, data_for(UNKNOWN))
    assert known == unknown
    return known


def test_sign_up(client):
    hashes, status, location, letters = compare(
        client,
        "/ru/accounts/signup/",
        lambda email: {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert hashes >= 1 and status == 302 and location == "/ru/accounts/confirm-email/" and letters == 1
    assert get_user_model().objects.filter(email=KNOWN).count() == 1


def test_sign_in_with_a_wrong_password(client):
    hashes, status, _location, _letters = compare(
        client, "/ru/accounts/login/", lambda email: {"login": email, "password": "wrong password"}
    )
    assert hashes == 1 and status == 200


def test_password_reset(client):
    hashes, status, location, letters = compare(client, "/ru/accounts/password/reset/", lambda email: {"email": email})
    assert status == 302 and location == "/ru/accounts/password/reset/done/" and letters == 1


def test_subscription(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        hashes, status, location, letters = compare(
            client, "/ru/subscribe/", lambda email: {"email": email, "language": "ru", "news": "on"}
        )
    assert status == 302 and location == "/ru/subscribe/sent/"
