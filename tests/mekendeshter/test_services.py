"""mekendeshter.services: a person's account across the apps."""

import pytest

pytestmark = pytest.mark.django_db


def test_deleting_my_account_deletes_my_directory_entry():
    from diaspora.models import DirectoryEntry
    from mekendeshter import services
    from tests.factories import DirectoryEntryFactory

    entry = DirectoryEntryFactory()
    other = DirectoryEntryFactory()
    services.account_delete(user=entry.user)
    assert list(DirectoryEntry.objects.all()) == [other]
