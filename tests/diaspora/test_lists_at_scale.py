"""The directory's lists at scale: counts and countries from the cache that follow every change,
deep pages read through their indexes, in the same order as the first ones."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from diaspora import selectors, services
from diaspora.models import Association, DirectoryEntry
from mekendeshter.core.lists import DeepPages
from news.selectors import article_list
from tests.factories import AssociationFactory, DirectoryEntryFactory

pytestmark = pytest.mark.django_db


def test_counts_and_countries_follow_new_hidden_and_deleted_entries(client, settings):
    # The data cache under test (the page cache keeps the directory too: tests/mekendeshter/test_page_cache.py).
    settings.PAGE_CACHE_SECONDS = 0
    DirectoryEntryFactory.create_batch(2, country="RU")
    html = client.get("/ru/directory/").content.decode()
    assert '<option value="KZ">' not in html and "2" in client.get("/ru/directory/stats/").content.decode()
    kazakh = DirectoryEntryFactory(country="KZ", display_name="Бакыт Алматы")
    response = client.get("/ru/directory/")
    html = response.content.decode()
    assert '<option value="KZ">Казахстан</option>' in html and "Бакыт Алматы" in html
    # Rendered anew (its context is there): a new entry makes the kept lists stale.
    assert response.context["entries_page"].paginator.count == 3
    services.entry_hide_by_staff(entries=[kazakh])  # the admin's action: an update, no signal
    response = client.get("/ky/directory/")
    assert '<option value="KZ">' not in response.content.decode() and "Бакыт Алматы" not in response.content.decode()
    assert response.context["entries_page"].paginator.count == 2
    services.entry_delete(user=DirectoryEntry.objects.first().user)
    assert client.get("/ky/directory/?country=RU").context["entries_page"].paginator.count == 1


def test_deep_pages_of_people_hold_what_an_offset_would(client):
    DirectoryEntryFactory.create_batch(45, country="RU")
    DirectoryEntryFactory.create_batch(5, country="KZ")
    expected = list(selectors.entry_list())
    seen = []
    for number in (1, 2, 3):
        page = client.get(f"/en/directory/?people={number}").context["entries_page"]
        seen += list(page.object_list)
    assert seen == expected
    kazakh = client.get("/en/directory/?country=KZ&people=1").context["entries_page"]
    assert list(kazakh.object_list) == list(selectors.entry_list(country="KZ")) and kazakh.paginator.num_pages == 1


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_pages_of_associations_are_grouped_by_country_in_the_page_language(language):
    for country, count in (("RU", 7), ("KZ", 12), ("TR", 1), ("DE", 5), ("US", 9)):
        AssociationFactory.create_batch(count, country=country)
    AssociationFactory(country="KZ", is_published=False)
    with translation.override(language):
        countries = selectors.association_countries()
        expected = list(selectors.association_list(country_order=[row["code"] for row in countries]))
        pages = selectors.association_pages(association_countries=countries)
        assert pages.count() == len(expected) == 34
        # Slices that start and end inside a country's run and span several runs.
        for start, stop in ((0, 5), (5, 19), (18, 34), (3, 30), (33, 40)):
            assert pages[start:stop] == expected[start:stop]
        kazakh = selectors.association_pages(association_countries=countries, country="KZ")
        assert kazakh[0:30] == list(Association.objects.published().filter(country="KZ").order_by("name", "pk"))


def test_deep_pages_take_a_known_count_and_keep_the_order():
    DirectoryEntryFactory.create_batch(7)
    pages = DeepPages(selectors.entry_list(), count=99)
    assert pages.count() == 99 and pages.ordered
    assert pages[2:5] == list(selectors.entry_list()[2:5]) and pages[4] == selectors.entry_list()[4]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL")
@pytest.mark.django_db(transaction=True)  # VACUUM, as autovacuum leaves a live site, runs outside a transaction
def test_list_queries_use_their_indexes_at_bulk_size():
    call_command("generate_bulk", articles=3000, associations=20000, people=30000, stdout=io.StringIO())
    with connection.cursor() as cursor:
        for table in ("diaspora_directoryentry", "diaspora_association", "news_article"):
            cursor.execute(f"VACUUM ANALYZE {table}")

    def plan(queryset):
        return queryset.explain()

    def keys(queryset, start):
        return queryset.values_list("pk", flat=True)[start : start + 20]

    assert "directory_entry_listed" in plan(keys(selectors.entry_list(), 20000))
    assert "directory_entry_country" in plan(keys(selectors.entry_list(country="KZ"), 1000))
    assert "directory_entry_expert" in plan(keys(selectors.expert_list(), 5000))
    for language in ("ky", "ru", "en"):
        with translation.override(language):
            run = Association.objects.published().filter(country="TR").order_by("name", "pk")
            assert f"association_country_name_{language}" in plan(keys(run, 300))
    assert "article_published_idx" in plan(keys(article_list(), 2000))
    assert "article_category_idx" in plan(keys(article_list(category="news"), 100))
    for queryset in (keys(selectors.entry_list(), 20000), keys(article_list(), 2000)):
        assert "Seq Scan" not in plan(queryset) and "Sort" not in plan(queryset)
