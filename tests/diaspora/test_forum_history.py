"""The "took part in 2014, 2016" mark on a directory entry: only when the person chose to show it."""

import datetime

import pytest
from django.utils import timezone

from diaspora.models import DirectoryEntry
from forum.models import Registration
from tests.diaspora.test_my_entry import FORM
from tests.factories import DirectoryEntryFactory, EditionFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

MARKS = {
    "en": "took part in 2014, 2016",
    "ru": "Участие в форумах: 2014, 2016",
    "ky": "Катышкан форумдары: 2014, 2016",
}


@pytest.fixture
def entry():
    """A listed person who took part in 2014 and 2016; cancelled 2018, registered for the next one."""
    entry = DirectoryEntryFactory(display_name="Айгүл Асанова")
    editions = {
        year: EditionFactory(year=year, number=year, start_date=datetime.date(year, 7, 1), end_date=None)
        for year in (2014, 2016, 2018)
    }
    RegistrationFactory(user=entry.user, edition=editions[2014])
    RegistrationFactory(user=entry.user, edition=editions[2016])
    RegistrationFactory(user=entry.user, edition=editions[2018], status=Registration.Status.CANCELLED)
    RegistrationFactory(user=entry.user, edition=EditionFactory(year=timezone.localdate().year + 1, number=99))
    return entry


def viewers():
    member = UserFactory()
    RegistrationFactory(user=member, edition=EditionFactory(year=2012, number=2012))  # took part: a member
    staff = UserFactory(is_staff=True)
    return {"anonymous": None, "signed-in": UserFactory(), "member": member, "staff": staff}


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_the_mark_with_consent_for_everyone_who_sees_the_entry(client, entry, language):
    DirectoryEntry.objects.filter(pk=entry.pk).update(show_forum_history=True)
    for name, viewer in viewers().items():
        client.logout()
        if viewer:
            client.force_login(viewer)
        html = client.get(f"/{language}/directory/{entry.slug}/").content.decode()
        assert MARKS[language] in html, name


def test_no_mark_without_consent(client, entry):
    assert DirectoryEntry._meta.get_field("show_forum_history").default is False
    for name, viewer in viewers().items():
        client.logout()
        if viewer:
            client.force_login(viewer)
        html = client.get(f"/en/directory/{entry.slug}/").content.decode()
        assert "forum-history" not in html and "took part in 2014" not in html, name


def test_a_hidden_entry_shows_nothing(client, entry):
    DirectoryEntry.objects.filter(pk=entry.pk).update(show_forum_history=True, is_hidden=True)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/en/directory/{entry.slug}/").status_code == 404


def test_the_person_chooses_it_on_their_entry_form(client):
    me = UserFactory()
    RegistrationFactory(user=me, edition=EditionFactory(year=2016, number=2016))
    client.force_login(me)
    page = client.get("/ru/directory/me/").content.decode()
    assert "Показывать форумы, в которых я участвовал(а)" in page
    client.post("/en/directory/me/", FORM)
    entry = DirectoryEntry.objects.get(user=me)
    assert entry.show_forum_history is False  # off unless ticked
    assert "took part in 2016" not in client.get(f"/en/directory/{entry.slug}/").content.decode()
    client.post("/en/directory/me/", {**FORM, "show_forum_history": "on"})
    entry.refresh_from_db()
    assert entry.show_forum_history is True
    assert "took part in 2016" in client.get(f"/en/directory/{entry.slug}/").content.decode()


def test_the_entry_queries_do_not_grow_with_the_history(client, entry):
    DirectoryEntry.objects.filter(pk=entry.pk).update(show_forum_history=True)
    few = count_queries(client, f"/en/directory/{entry.slug}/")
    for year in (2020, 2022, 2024):
        RegistrationFactory(user=entry.user, edition=EditionFactory(year=year, number=year))
    assert count_queries(client, f"/en/directory/{entry.slug}/") == few
