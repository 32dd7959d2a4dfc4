"""The article page's row is kept under the content version (news.selectors.article_for_page):
no article query on a repeat visit, an unpublished or edited article follows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the kept row is what is tested, not the whole kept page


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [query["sql"] for query in queries if 'FROM "news_article"' in query["sql"]]


def test_a_repeat_visit_reads_no_article_row(client):
    article = ArticleFactory(title_ky="Форум башталды", title_ru="Форум открылся")
    response, queries = _get(client, f"/ky/news/{article.slug}/")
    assert response.status_code == 200 and "Форум башталды" in response.content.decode() and queries
    response, queries = _get(client, f"/ky/news/{article.slug}/")
    assert "Форум башталды" in response.content.decode() and queries == []
    response, _queries = _get(client, f"/ru/news/{article.slug}/")
    assert "Форум открылся" in response.content.decode()


def test_an_edit_and_an_unpublication_show_at_once(client):
    article = ArticleFactory(title_ru="Форум открылся")
    assert "Форум открылся" in _get(client, f"/ru/news/{article.slug}/")[0].content.decode()
    article.title_ru = "Форум закрылся"
    article.save()
    assert "Форум закрылся" in _get(client, f"/ru/news/{article.slug}/")[0].content.decode()
    article.status = Article.Status.DRAFT
    article.save()
    assert _get(client, f"/ru/news/{article.slug}/")[0].status_code == 404


def test_a_missing_article_is_not_kept(client):
    assert _get(client, "/ru/news/budet-zavtra/")[0].status_code == 404
    ArticleFactory(slug="budet-zavtra", title_ru="Завтрашняя новость")
    response, queries = _get(client, "/ru/news/budet-zavtra/")
    assert response.status_code == 200 and "Завтрашняя новость" in response.content.decode() and queries
