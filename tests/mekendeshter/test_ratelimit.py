"""Rate limits key on the client's address as our own proxies report it, never as the client does."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from forum.models import ContactRequest
from mekendeshter.core.ratelimit import client_ip
from tests.utils import rate_limit

pytestmark = pytest.mark.django_db

CONTACT_LIMIT = rate_limit("contact")

CONTACT = {"name": "Айгүл Асанова", "email": "aigul@example.org", "message": "Форумга катышууну каалайм, жазыңыздар."}
PROXY = "10.0.0.1"


def post_contact(client, **headers):
    return client.post("/ru/contact/", CONTACT, REMOTE_ADDR=PROXY, **headers).status_code


def test_without_proxies_a_forged_forwarded_for_changes_nothing(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(CONTACT_LIMIT):
        assert post_contact(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") == 302
    assert post_contact(client, HTTP_X_FORWARDED_FOR="198.51.100.200") == 429
    assert ContactRequest.objects.count() == CONTACT_LIMIT


def test_behind_one_proxy_two_clients_are_limited_separately(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(CONTACT_LIMIT):
        assert post_contact(client, HTTP_X_FORWARDED_FOR="203.0.113.5") == 302
    assert post_contact(client, HTTP_X_FORWARDED_FOR="203.0.113.5") == 429
    assert post_contact(client, HTTP_X_FORWARDED_FOR="203.0.113.6") == 302


def test_a_client_prepending_fake_addresses_cannot_escape(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(CONTACT_LIMIT):
        # The client sent "X-Forwarded-For: 192.0.2.<n>"; the proxy appended the address it saw.
        assert post_contact(client, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.5") == 302
    assert post_contact(client, HTTP_X_FORWARDED_FOR="192.0.2.99, 10.1.1.1, 203.0.113.5") == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", PROXY),
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),
        (2, "192.0.2.1, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        # Fewer entries than proxies: the request did not come through them all.
        (2, "203.0.113.5", PROXY),
        (1, "not-an-address", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(settings, proxies, forwarded_for, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected
    # allauth's own rate limits (sign-in, sign-up, password reset) key on the same address.
    assert get_adapter(request).get_client_ip(request) == expected
