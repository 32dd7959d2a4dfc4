"""The search queries use their GIN indexes at a realistic size (PostgreSQL only: SQLite, the
development database, has no such index and scans its few rows)."""

import random

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from diaspora import selectors as diaspora_selectors
from diaspora.models import Association, DirectoryEntry
from mekendeshter.core.search import Query
from news import selectors as news_selectors
from news.models import Article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN indexes exist on PostgreSQL only"),
]

PEOPLE, ASSOCIATIONS, ARTICLES = 20_000, 20_000, 3_000
CITIES = ["Москва", "Алматы", "Стамбул", "Бишкек", "Seoul", "Berlin", "New York", "Екатеринбург"]
WORDS = ["мекендештер", "форум", "диаспора", "жаштар", "маданият", "билим", "экономика", "саякат", "укук", "медицина"]


def _save_searchable(objects):
    """The rows with their documents, as save() would write them (bulk_create skips save)."""
    objects = list(objects)
    for obj in objects:
        for field, value in obj.search_documents().items():
            setattr(obj, field, value)
    return objects


@pytest.fixture
def bulk(db):
    """20,000 people and associations, 3,000 articles, with their documents, then ANALYZE (as
    autovacuum would have done on a live database)."""
    rng = random.Random(10)
    now = timezone.now()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"plan-{n}", email=f"plan-{n}@example.invalid", password="!") for n in range(PEOPLE)
    )
    DirectoryEntry.objects.bulk_create(
        _save_searchable(
            DirectoryEntry(
                user=user,
                slug=f"plan-{n}",
                display_name=f"Person {n} {rng.choice(WORDS)}",
                country=rng.choice(["RU", "KZ", "TR", "US"]),
                city=rng.choice(CITIES),
                occupation=rng.choice(WORDS),
                organisation=f"Organisation {n % 500}",
                consent_at=now,
                consent_text="consent",
            )
            for n, user in enumerate(users)
        ),
        batch_size=2000,
    )
    Association.objects.bulk_create(
        _save_searchable(
            Association(
                name_en=f"Association {n}", name_ru=f"Объединение {n}", country="RU", city_ru=rng.choice(CITIES)
            )
            for n in range(ASSOCIATIONS)
        ),
        batch_size=2000,
    )
    Article.objects.bulk_create(
        _save_searchable(
            Article(
                slug=f"plan-{n}",
                title_ru=f"Новость {n}",
                body_ru=" ".join(rng.choice(WORDS) for _ in range(300)),
                status=Article.Status.PUBLISHED,
                published_at=now,
            )
            for n in range(ARTICLES)
        ),
        batch_size=500,
    )
    with connection.cursor() as cursor:
        for table in ("diaspora_directoryentry", "diaspora_association", "news_article", "auth_user"):
            cursor.execute(f"ANALYZE {table}")


def plan(queryset):
    return queryset.explain()


PLANS = [
    # (what runs, the index it must use or None, the table it must not scan). Associations and
    # articles also have partial indexes of their published rows (list pages): for a query it
    # estimates to match a row or two, the planner may walk one of those with the match as a
    # filter instead of the GIN index (seen in CI, not locally). Either way no sequential scan.
    (
        lambda text: diaspora_selectors.entry_list(query=text)[:20],
        "directory_entry_search_idx",
        "diaspora_directoryentry",
    ),
    (
        lambda text: diaspora_selectors.entry_search(query=Query(text))[:10],
        "directory_entry_search_idx",
        "diaspora_directoryentry",
    ),
    (lambda text: diaspora_selectors.association_search(query=Query(text))[:10], None, "diaspora_association"),
    (lambda text: news_selectors.article_search(query=Query(text))[:10], None, "news_article"),
]
QUERIES = ["Person 4242", "Organisation 17", "Алматы 1234", "Bishkek 777", "Association 4242", "Новость 12"]


def test_directory_and_site_search_use_their_indexes(bulk):
    # One test over every query and kind: building the rows is the slow part.
    for select, index, table in PLANS:
        for text in QUERIES:
            explained = plan(select(text))
            if index:
                assert f"Bitmap Index Scan on {index}" in explained, (text, explained)
            assert f"Seq Scan on {table}" not in explained, (text, explained)
            assert f"on {table}" in explained and "Index" in explained, (text, explained)
