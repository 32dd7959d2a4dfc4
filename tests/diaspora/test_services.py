import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from diaspora import selectors, services
from diaspora.models import DirectoryEntry, Visibility
from tests.factories import DirectoryEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_entry_save_needs_consent():
    with pytest.raises(ValueError):
        services.entry_save(user=UserFactory(), consent_text="", display_name="A", country="RU")
    assert not DirectoryEntry.objects.exists()


def test_entry_save_records_consent_once_and_again_when_the_text_changes():
    user = UserFactory()
    entry = services.entry_save(user=user, consent_text="Text 1", display_name="Асан Үсөн", country="KG")
    first = entry.consent_at
    entry = services.entry_save(user=user, consent_text="Text 1", display_name="Асан", country="KG")
    assert entry.consent_at == first and DirectoryEntry.objects.count() == 1
    entry = services.entry_save(user=user, consent_text="Text 2", display_name="Асан", country="KG")
    assert entry.consent_at > first and entry.consent_text == "Text 2"


def test_slugs_are_latin_and_unique():
    first = services.entry_save(user=UserFactory(), consent_text="T", display_name="Асан Үсөнов", country="KG")
    second = services.entry_save(user=UserFactory(), consent_text="T", display_name="Асан Үсөнов", country="KG")
    odd = services.entry_save(user=UserFactory(), consent_text="T", display_name="★★★", country="KG")
    assert first.slug == "asan-usonov"
    assert second.slug.startswith("asan-usonov-") and second.slug != first.slug
    assert odd.slug == "member"


def test_entry_save_validates():
    with pytest.raises(ValidationError):
        services.entry_save(
            user=UserFactory(), consent_text="T", display_name="A", country="KG", email_visibility="everyone"
        )


def test_consent_at_needs_text_in_the_database():
    with pytest.raises(IntegrityError):
        DirectoryEntryFactory(consent_text="")


def test_staff_hide_and_show():
    entry = DirectoryEntryFactory()
    services.entry_hide_by_staff(entries=[entry])
    assert not DirectoryEntry.objects.listed().exists()
    services.entry_show_by_staff(entries=DirectoryEntry.objects.all())
    assert DirectoryEntry.objects.listed().get() == entry


def test_contacts_for_each_kind_of_viewer():
    entry = DirectoryEntryFactory(
        email="pub@example.org",
        email_visibility=Visibility.PUBLIC,
        phone="+996555000111",
        phone_visibility=Visibility.MEMBERS,
        telegram="hidden_name",
        telegram_visibility=Visibility.HIDDEN,
    )

    def fields(viewer, member=False):
        return [c["field"] for c in entry.contacts_for(viewer, viewer_is_member=member)]

    assert fields(AnonymousUser()) == ["email"]
    assert fields(None) == ["email"]
    assert fields(UserFactory()) == ["email"]
    assert fields(UserFactory(), member=True) == ["email", "phone"]
    assert fields(entry.user) == ["email", "phone", "telegram"]


def test_stats_group_small_countries():
    DirectoryEntryFactory.create_batch(5, country="RU", is_expert=True, expertise="law")
    DirectoryEntryFactory.create_batch(3, country="TR")
    DirectoryEntryFactory(country="US", is_hidden=True)
    stats = selectors.entry_stats()
    assert [row["count"] for row in stats["rows"]] == [5]
    assert stats["other"] == 3 and stats["total"] == 8 and stats["experts"] == 5
