"""An anonymous visitor never receives a member-only or hidden contact, on any page."""

import json

import pytest

from diaspora.models import Visibility
from tests.factories import ArticleFactory, DirectoryEntryFactory, UserFactory

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


def test_signed_in_members_see_members_only_contacts_but_not_hidden(client, entries):
    client.force_login(UserFactory())
    response = client.get(entries["members"].get_absolute_url())
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    body = response.content.decode()
    for value in SECRETS.values():
        assert value in body
    body = client.get(entries["hidden"].get_absolute_url()).content.decode()
    for value in HIDDEN.values():
        assert value not in body


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
