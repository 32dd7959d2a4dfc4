"""mekendeshter.services: a person's account across the apps."""

import pytest

from diaspora.models import DirectoryEntry
from mekendeshter import services
from mekendeshter.core.models import FailedLetter
from tests.factories import DirectoryEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_deleting_my_account_deletes_my_directory_entry():
    entry = DirectoryEntryFactory()
    other = DirectoryEntryFactory()
    services.account_delete(user=entry.user)
    assert list(DirectoryEntry.objects.all()) == [other]


def test_deleting_my_account_deletes_failed_letters_to_me():
    me = UserFactory(email="aida@example.org")
    FailedLetter.objects.create(recipients="Aida@example.org", subject="S", error="E", attempts=1, letter={})
    kept = FailedLetter.objects.create(recipients="mekendeshter@roza.kg", subject="S", error="E", attempts=1, letter={})
    services.account_delete(user=me)
    assert list(FailedLetter.objects.all()) == [kept]
