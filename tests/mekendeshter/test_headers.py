"""Caching and security headers that every response must carry."""

import pytest
from django.test import Client

from news.models import Comment
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    DirectoryEntryFactory,
    ProposalFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def private_pages(user):
    """Every kind of page that shows a signed-in person's own data."""
    registration = RegistrationFactory(user=user)
    entry = DirectoryEntryFactory(user=user, email="me@example.org")
    article = ArticleFactory()
    CommentFactory(article=article, author=user, status=Comment.Status.PENDING)
    proposal = ProposalFactory(author=user)
    other = DirectoryEntryFactory(email="other@example.org")  # members-only contacts
    return [
        "/ky/me/",
        "/ru/me/export/",
        f"/ru/forum/{registration.edition.year}/register/",
        "/en/directory/me/",
        f"/ky/directory/{entry.slug}/",
        f"/ru/directory/{other.slug}/",
        f"/ru/news/{article.slug}/",
        proposal.get_absolute_url(),
        "/ru/accounts/email/",
        "/ru/accounts/password/change/",
        "/ky/accounts/2fa/",
        "/ky/",  # the header names the person
    ]


def test_pages_with_personal_data_are_never_cached(client):
    user = UserFactory()
    pages = private_pages(user)
    client.force_login(user)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, url
        assert "public" not in directives, url


def test_anonymous_pages_stay_cacheable(client):
    RegistrationFactory()  # an edition for the home page, with its registrations
    ArticleFactory()
    for url in ("/ky/", "/ru/news/", "/robots.txt"):
        response = client.get(url)
        assert "no-store" not in response.get("Cache-Control", ""), url


SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_security_headers(response):
    for header, value in SECURITY_HEADERS.items():
        assert response.get(header) == value, header
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]


def test_static_files_carry_the_security_headers(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/js/map.js")  # a new client loads WhiteNoise with these settings
    assert response.status_code == 200
    assert response.streaming  # served by WhiteNoise, not by a view
    assert_security_headers(response)


def test_bad_host_answer_carries_the_security_headers(client):
    response = client.get("/ky/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_security_headers(response)


def test_root_redirect_carries_the_security_headers(client):
    response = client.get("/")
    assert response.status_code == 302
    assert_security_headers(response)
