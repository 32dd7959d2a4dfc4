"""No query string or form field makes a page fail: a NUL byte (which PostgreSQL refuses in any
text) in every query parameter and every field of every form of the public pages."""

import contextlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from forum.models import Edition
from news.models import Article
from tests.factories import DirectoryEntryFactory

pytestmark = pytest.mark.django_db

NUL = "a\x00b"
# Query parameters the views read, besides those of the forms on their pages.
QUERY_PARAMETERS = ["q", "page", "people", "country", "category", "edition", "target", "next", "action"]


class FormCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action"), "names": set()})
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            self.forms[-1]["names"].add(attrs["name"])


def names_without_arguments(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from names_without_arguments(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def public_pages():
    """Every page reversible without arguments, and the pages of the editions, an article and a
    directory entry, plus paths whose own arguments carry the NUL byte."""
    edition_names = ["edition", "programme", "venue", "photos", "outcome", "register", "registration_stats"]
    edition_names += ["propose", "calendar"]
    pages = set()
    for language in ("ky", "ru"):
        with translation.override(language):
            for name in set(names_without_arguments(get_resolver().url_patterns)):
                with contextlib.suppress(NoReverseMatch):  # the names that need arguments
                    pages.add(reverse(name))
            for edition in Edition.objects.all():
                for name in edition_names:
                    pages.add(reverse(f"forum:{name}", kwargs={"year": edition.year}))
            pages.add(Article.objects.first().get_absolute_url())
            pages.add(reverse("diaspora:entry", kwargs={"slug": DirectoryEntryFactory().slug}))
            pages.add(reverse("subscribe:confirm", kwargs={"token": "a%00b"}))
            pages.add(reverse("subscribe:unsubscribe", kwargs={"token": "a%00b"}))
    return sorted(pages)


def sweep(client, user=None):
    for url in public_pages():
        if user is not None:
            client.force_login(user)  # a form may have signed the member out
        response = client.get(url, dict.fromkeys(QUERY_PARAMETERS, NUL))
        assert response.status_code < 500, url
        page = client.get(url)
        assert page.status_code < 500, url
        if "html" not in page.get("Content-Type", ""):
            continue
        collector = FormCollector()
        collector.feed(page.content.decode())
        for form in collector.forms:
            target = urlsplit(form["action"]).path if form["action"] else url
            if target.endswith("/accounts/logout/"):
                continue
            data = dict.fromkeys(form["names"] - {"csrfmiddlewaretoken"}, NUL)
            send = client.post if form["method"] == "post" else client.get
            response = send(target, data)
            assert response.status_code < 500, (url, target, sorted(data))


def test_nul_bytes_never_make_a_page_fail_for_a_visitor(client, demo):
    sweep(client)


def test_nul_bytes_never_make_a_page_fail_for_a_member(client, demo, verified_user):
    sweep(client, verified_user)
