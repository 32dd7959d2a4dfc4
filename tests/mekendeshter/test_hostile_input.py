"""Hostile input everywhere: every URL of the URLconf, every query parameter and every form its
pages offer, in ky, ru and en, signed out and signed in. Nothing may answer 500.

Nothing is listed by hand: the URLs come from walking the URLconf, the query parameters and forms
from the pages themselves (their <form> fields and the query strings of their links), so a new
page, form or filter is swept without touching this file.
"""

import logging
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from django.core.cache import cache
from django.urls import URLResolver, get_resolver
from django.utils import translation

from forum.models import Edition, Item, OutcomeDocument, Photo
from news import services as news_services
from news.models import Article
from tests.factories import (
    CommentFactory,
    DirectoryEntryFactory,
    ProposalFactory,
    RegistrationFactory,
    SubscriptionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("ky", "ru", "en")

# What people and scripts send: NUL bytes, a megabyte, text in other scripts and directions,
# numbers far out of range, dates that do not exist, markup, lookalike addresses.
HOSTILE = [
    "a\x00b",
    "x" * 1_000_000,
    "😀 \u202eمرحبا\u202c שלום ‏",
    "99999999999999999999999999",
    "-1",
    "1e309",
    "2031-02-30",
    "31/31/31",
    "<script>alert(1)</script>",
    "аdmin@exаmple.org",  # Cyrillic "а"s
    "",
]
# In query strings a megabyte is refused before any view runs; 10 KB reaches the views.
HOSTILE_QUERY = [("x" * 10_000 if len(value) > 10_000 else value) for value in HOSTILE]
# Raw bytes that are not UTF-8, for query strings and form bodies.
INVALID_UTF8 = "%FF%FE%C0%AF"
# Values for the variable parts of paths.
HOSTILE_PATH_ARGS = ["0", "99999999999999999999", "-1", "ы" * 300, "%F0%9F%98%80", "%00", "x" * 3000, "%FF"]

SKIPPED_PREFIXES = ("admin/", "^media/")


def url_templates():
    """Every route outside the admin, as a string with <converter:name> or (?P<name>…) parts, for
    the language active when called (i18n_patterns add its prefix)."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return [route for route in walk(get_resolver().url_patterns) if not route.startswith(SKIPPED_PREFIXES)]


ARG = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def fill(route, values):
    """The path of `route` with each variable part replaced by values[name]."""
    path = route.replace("^", "").replace("$", "")
    return "/" + ARG.sub(lambda match: str(values[match.group(1) or match.group(2)]), path)


def arg_names(route):
    return [a or b for a, b in ARG.findall(route)]


class FormParser(HTMLParser):
    """The forms of a page (method, action, fields with their default values) and the names of
    the query parameters its links use."""

    def __init__(self):
        super().__init__()
        self.forms, self.link_params, self._form, self._select = [], set(), None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "fields": {}}
            self.forms.append(self._form)
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.link_params |= {name for name, _value in parse_qsl(urlsplit(attrs["href"]).query)}
        elif self._form is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            name, kind = attrs["name"], attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                self._form["fields"].setdefault(name, "")
            elif kind not in ("submit", "file"):
                self._form["fields"][name] = attrs.get("value") or ""
            if tag == "select":
                self._select = name
        elif (
            tag == "option"
            and self._select
            and self._form is not None
            and not self._form["fields"].get(self._select)
            and attrs.get("value")
        ):
            self._form["fields"][self._select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


@pytest.fixture(autouse=True)
def _quiet_request_log():
    # Thousands of expected 404s and 400s would flood the output; a 500 fails the test anyway.
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


@pytest.fixture
def world(demo, settings, tmp_path):
    """The demo plus one of everything the URLs point at, and a signed-in member with a registration,
    a directory entry, a proposal and a comment of their own."""
    settings.MEDIA_ROOT = tmp_path
    member = UserFactory(email="member@example.org")
    upcoming = Edition.objects.get(number=4)
    RegistrationFactory(user=member, edition=upcoming)
    entry = DirectoryEntryFactory(user=member)
    article = Article.objects.published().first()
    comment = CommentFactory(article=article, author=member)
    item = Item.objects.filter(section__document__status=OutcomeDocument.Status.OPEN).first()
    proposal = ProposalFactory(item=item, section=item.section, document=item.section.document, author=member)
    subscription = SubscriptionFactory()
    token = news_services.subscription_confirm_token(
        email="new@example.org", language="ky", news=True, announcements=True
    )
    values = {
        "year": [upcoming.year, 2016],
        "pk": sorted({*Photo.objects.values_list("pk", flat=True)[:1], proposal.pk, comment.pk}),
        "slug": [article.slug, entry.slug],
        "token": [token, subscription.token],
    }
    return {"member": member, "values": values}


def concrete_paths(route, values):
    """The route with every combination of known values (the caller keeps those that answer 200)."""
    paths = [route]
    for name in arg_names(route):
        paths = [
            re.sub(ARG, lambda m, v=v, n=name: str(v) if (m.group(1) or m.group(2)) == n else m.group(0), path, count=1)
            for path in paths
            for v in values.get(name, [])
        ]
    return ["/" + path.replace("^", "").replace("$", "") for path in paths]


class Sweep:
    def __init__(self, client, member):
        self.client, self.member, self.failures, self.requests = client, member, [], 0

    def request(self, signed_in, method, path, **kwargs):
        cache.clear()  # rate limits would otherwise turn the sweep into a series of 429s
        signed_in_now = self.client.session.get("_auth_user_id") == str(self.member.pk)
        if signed_in and not signed_in_now:
            self.client.force_login(self.member)  # again, after a sign-out form was swept
        elif not signed_in and signed_in_now:
            self.client.logout()
        self.requests += 1
        try:
            if method == "raw_post":
                response = self.client.generic("POST", path, **kwargs)
            else:
                response = getattr(self.client, method)(path, **kwargs)
        except Exception as error:  # noqa: BLE001 - every exception is a failure to report
            self.failures.append((method, path[:200], repr(error)[:300]))
            return None
        if response.status_code >= 500:
            self.failures.append((method, path[:200], response.status_code))
        return response


@pytest.mark.parametrize("signed_in", [False, True], ids=["signed-out", "signed-in"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_url_form_and_query_parameter_survives_hostile_input(client, world, lang, signed_in):
    sweep = Sweep(client, world["member"])
    with translation.override(lang):
        routes = url_templates()
    for route in routes:
        names = arg_names(route)
        # Hostile values in every variable part of the path.
        for value in HOSTILE_PATH_ARGS if names else ():
            sweep.request(signed_in, "get", fill(route, dict.fromkeys(names, value)))
        for path in concrete_paths(route, world["values"]):
            response = sweep.request(signed_in, "get", path)
            if response is None or response.status_code != 200:
                continue
            if not response.get("Content-Type", "").startswith("text/html"):
                continue
            parser = FormParser()
            parser.feed(response.content.decode())
            sweep_page(sweep, signed_in, path, parser, lang)
    print(f"{lang} signed_in={signed_in}: {sweep.requests} requests")
    assert sweep.failures == [], "\n".join(map(str, sweep.failures))
    assert sweep.requests > 800  # the sweep reached every page, not just the first


def sweep_page(sweep, signed_in, path, parser, lang):
    params = set(parser.link_params)
    for form in parser.forms:
        if form["method"] == "get":
            params |= set(form["fields"])
    # Each language takes a third of the values (and the NUL byte), so that the three together
    # cover them all without tripling the run.
    offset = LANGUAGES.index(lang)
    values = [HOSTILE_QUERY[0], *HOSTILE_QUERY[1 + offset :: len(LANGUAGES)]]
    for param in sorted(params):
        for value in values:
            sweep.request(signed_in, "get", f"{path}?{urlencode({param: value})}")
        sweep.request(signed_in, "get", f"{path}?{quote(param)}={INVALID_UTF8}")
    for form in parser.forms:
        if form["method"] != "post":
            continue
        action = form["action"] or path
        if urlsplit(action).netloc or not action.startswith("/"):
            continue  # a provider's site, or a relative action we do not guess
        fields = {name: value for name, value in form["fields"].items() if name != "csrfmiddlewaretoken"}
        # The form as the page fills it in, twice (a duplicate submission).
        for _ in range(2):
            sweep.request(signed_in, "post", action, data=fields)
        for value in HOSTILE:
            hostile = {name: (default if name == "action" else value) for name, default in fields.items()}
            sweep.request(signed_in, "post", action, data=hostile)
        body = "&".join(f"{quote(name)}={INVALID_UTF8}" for name in fields)
        sweep.request(signed_in, "raw_post", action, data=body, content_type="application/x-www-form-urlencoded")
