"""An anonymous visitor never receives a member-only or hidden contact, on any page."""

import datetime
import json

import pytest

from diaspora import services
from diaspora.models import Visibility
from forum.models import Registration
from tests.factories import ArticleFactory, DirectoryEntryFactory, EditionFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRETS = {
    "email": "members-only-7f3a@example.org",
    "phone": "+996555000111",
    "telegram": "secret_tg_members",
    "whatsapp": "+996700999888",
}
HIDDEN = {
    "email": "hidden-9c1e@example.org",
    "phone": "+996555000222",
    "telegram": "secret_tg_hidden",
    "whatsapp": "+996700999777",
}


def contacts(values, visibility):
    return {
        **values,
        **{f"{field}_visibility": visibility for field in values},
    }


@pytest.fixture
def entries(db):
    members = DirectoryEntryFactory(
        display_name="Бакыт Members",
        city="Бишкек",
        is_expert=True,
        expertise="law",
        **contacts(SECRETS, Visibility.MEMBERS),
    )
    hidden = DirectoryEntryFactory(
        display_name="Жылдыз Hidden", city="Бишкек", is_expert=True, expertise="law", **contacts(HIDDEN, "hidden")
    )
    public = DirectoryEntryFactory(
        display_name="Public Person", email="public-contact@example.org", email_visibility=Visibility.PUBLIC
    )
    return {"members": members, "hidden": hidden, "public": public}


def anonymous_urls(entries):
    urls = []
    for lang in ("ky", "ru", "en"):
        urls += [
            f"/{lang}/directory/",
            f"/{lang}/directory/?q=Bishkek",
            f"/{lang}/directory/?country=RU&people=1",
            f"/{lang}/directory/experts/",
            f"/{lang}/directory/stats/",
            f"/{lang}/directory/me/",
            f"/{lang}/directory/no-such-person/",
            f"/{lang}/search/?q=Бакыт",
            f"/{lang}/search/?q=Bishkek",
            f"/{lang}/me/export/",
            f"/{lang}/news/feed/",
            f"/{lang}/news/feed/atom/",
        ]
        urls += [f"/{lang}/directory/{entry.slug}/" for entry in entries.values()]
    return urls + ["/sitemap.xml", "/robots.txt", "/directory/"]


def test_anonymous_never_receives_members_only_or_hidden_contacts(client, entries):
    ArticleFactory()
    seen_entry = False
    for url in anonymous_urls(entries):
        response = client.get(url, follow=True)
        body = response.content.decode()
        for value in [*SECRETS.values(), *HIDDEN.values()]:
            assert value not in body, (url, value)
            assert value.lstrip("+") not in body, (url, value)
        seen_entry |= "Бакыт Members" in body
    assert seen_entry
    # The public contact is shown to everyone.
    assert "public-contact@example.org" in client.get(entries["public"].get_absolute_url()).content.decode()


def member():
    """Someone who took part in a forum: a confirmed registration for an edition that has begun."""
    registration = RegistrationFactory(edition=EditionFactory(start_date=datetime.date(2016, 8, 1)))
    return registration.user


def test_signed_in_members_see_members_only_contacts_but_not_hidden(client, entries):
    client.force_login(member())
    response = client.get(entries["members"].get_absolute_url())
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    body = response.content.decode()
    for value in SECRETS.values():
        assert value in body
    body = client.get(entries["hidden"].get_absolute_url()).content.decode()
    for value in HIDDEN.values():
        assert value not in body


def test_signing_up_is_not_enough_to_see_members_only_contacts(client, entries):
    client.force_login(UserFactory())  # any email, verified: a minute's work for a scraper
    response = client.get(entries["members"].get_absolute_url().replace("/ky/", "/ru/", 1))
    body = response.content.decode()
    for value in SECRETS.values():
        assert value not in body
    assert "подтверждена" in body  # says who members are


@pytest.mark.parametrize(
    "who, sees",
    [
        ("a registrant for a forum still to come", False),
        ("a registrant whose place was cancelled", False),
        ("a participant of a past forum", True),
        ("a person approved by the organizing committee", True),
        ("staff", True),
    ],
)
def test_who_is_a_member(client, entries, who, sees):
    past = EditionFactory(start_date=datetime.date(2016, 8, 1))
    if who == "a registrant for a forum still to come":
        user = RegistrationFactory().user
    elif who == "a registrant whose place was cancelled":
        user = RegistrationFactory(edition=past, status=Registration.Status.CANCELLED).user
    elif who == "a participant of a past forum":
        user = RegistrationFactory(edition=past).user
    elif who == "a person approved by the organizing committee":
        user = DirectoryEntryFactory().user
        services.entry_approve_member(entries=[user.directory_entry])
    else:
        user = UserFactory(is_staff=True)
    client.force_login(user)
    body = client.get(entries["members"].get_absolute_url()).content.decode()
    assert (SECRETS["phone"] in body) is sees


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ky", "катышкан"),
        ("ru", "приняли участие"),
        ("en", "took part in a Mekendeshter Forum"),
    ],
)
def test_the_entry_form_says_who_members_are(client, lang, text):
    client.force_login(UserFactory())
    html = client.get(f"/{lang}/directory/me/").content.decode()
    assert text in html


def test_the_owner_sees_their_hidden_contacts(client, entries):
    client.force_login(entries["hidden"].user)
    body = client.get(entries["hidden"].get_absolute_url().replace("/ky/", "/en/", 1)).content.decode()
    assert HIDDEN["email"] in body and "only you see this" in body


def test_export_of_another_person_holds_none_of_their_contacts(client, entries):
    client.force_login(UserFactory())
    response = client.get("/en/me/export/")
    data = json.loads(response.content)
    assert data["directory_entry"] is None
    for value in [*SECRETS.values(), *HIDDEN.values()]:
        assert value not in response.content.decode()


@pytest.mark.parametrize("state", ["hidden by the person", "hidden by staff", "no consent"])
def test_unlisted_entries_appear_nowhere(client, state):
    kwargs = {
        "hidden by the person": {"is_hidden": True},
        "hidden by staff": {"hidden_by_staff": True},
        "no consent": {"consent_at": None, "consent_text": ""},
    }[state]
    entry = DirectoryEntryFactory(display_name="Unlisted Person", is_expert=True, expertise="law", **kwargs)
    DirectoryEntryFactory(display_name="Listed Person")
    client.force_login(UserFactory())
    for url in ["/en/directory/", "/en/directory/experts/", "/en/search/?q=Unlisted", "/en/directory/?q=Unlisted"]:
        assert "Unlisted Person" not in client.get(url).content.decode(), url
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert "Listed Person" in client.get("/en/directory/").content.decode()


def test_sitemap_lists_no_person(client, entries):
    body = client.get("/sitemap.xml").content.decode()
    assert "/directory/experts/" in body
    for entry in entries.values():
        assert entry.slug not in body
