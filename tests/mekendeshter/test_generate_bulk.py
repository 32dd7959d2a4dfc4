import io

import pytest
from django.core.management import call_command

from diaspora.models import Association, DirectoryEntry
from news.models import Article

pytestmark = pytest.mark.django_db


def test_generate_bulk_adds_and_clears_only_its_own_rows(demo):
    before, associations = Article.objects.count(), Association.objects.count()
    call_command("generate_bulk", articles=30, associations=50, people=40, stdout=io.StringIO())
    call_command("generate_bulk", articles=30, associations=50, people=40, stdout=io.StringIO())  # replaces
    assert Article.objects.published().count() == before + 30
    assert Association.objects.count() == associations + 50
    assert DirectoryEntry.objects.listed().count() == 40
    call_command("generate_bulk", clear=True, stdout=io.StringIO())
    assert Article.objects.count() == before
    assert Association.objects.count() == associations == 9  # the demo's own stay
    assert not DirectoryEntry.objects.exists()


def test_list_pages_stay_fast_in_queries_with_bulk_data(client, demo, django_assert_max_num_queries):
    call_command("generate_bulk", articles=60, associations=200, people=200, stdout=io.StringIO())
    urls = ("/ky/news/?page=3", "/ru/directory/?page=5", "/ru/directory/?people=5", "/ky/directory/experts/", "/en/")
    for url in urls:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
