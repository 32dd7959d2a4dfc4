import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from diaspora.models import Association, DirectoryEntry
from news.models import Article
from tests.factories import (
    ArticleFactory,
    AssociationFactory,
    DirectoryEntryFactory,
    EditionFactory,
    KeyFigureFactory,
    PartnershipFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def test_generate_bulk_adds_and_clears_only_its_own_rows():
    """Rows that are not its own (here from factories) survive both a re-run and --clear."""
    own = [ArticleFactory(), AssociationFactory(), DirectoryEntryFactory()]
    users = get_user_model().objects.count()
    call_command("generate_bulk", articles=30, associations=50, people=40, stdout=io.StringIO())
    call_command("generate_bulk", articles=30, associations=50, people=40, stdout=io.StringIO())  # replaces
    assert Article.objects.published().count() == 1 + 30
    assert Association.objects.count() == 1 + 50
    assert DirectoryEntry.objects.listed().count() == 1 + 40
    assert get_user_model().objects.count() == users + 40
    call_command("generate_bulk", clear=True, stdout=io.StringIO())
    assert [*Article.objects.all(), *Association.objects.all(), *DirectoryEntry.objects.all()] == own
    assert get_user_model().objects.count() == users


def test_list_pages_stay_fast_in_queries_with_bulk_data(client, django_assert_max_num_queries):
    edition = EditionFactory(venue=VenueFactory())  # the home page shows it with its figures and partners
    KeyFigureFactory.create_batch(3, edition=edition)
    PartnershipFactory.create_batch(3, edition=edition)
    call_command("generate_bulk", articles=60, associations=200, people=200, stdout=io.StringIO())
    urls = ("/ky/news/?page=3", "/ru/directory/?page=5", "/ru/directory/?people=5", "/ky/directory/experts/", "/en/")
    for url in urls:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
