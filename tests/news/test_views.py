import datetime

import pytest
from django.utils import timezone

from news.models import Article
from news.views import ARTICLES_PER_PAGE
from tests.factories import ArticleFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("ky", ["Бирге кайгырабыз", "2016-жылдын 28-августу", "2016-жылдын 27-августу"]),
        ("ru", ["Скорбим вместе", "28 августа 2016 г.", "Мы потеряли жизни молодых, полных сил людей."]),
        ("en", ["We grieve together", "27 August 2016"]),
    ],
)
def test_news_list(client, demo, language, texts):
    html = client.get(f"/{language}/news/").content.decode()
    for text in texts:
        assert text in html, text
    # Newest first.
    assert html.index("2016-08-28-condolences") < html.index("2016-08-27-condolences")


def test_news_list_hides_drafts_and_scheduled_articles(client):
    ArticleFactory(title_en="Visible")
    ArticleFactory(title_en="Draft", status=Article.Status.DRAFT)
    ArticleFactory(title_en="Scheduled", published_at=timezone.now() + datetime.timedelta(days=1))
    html = client.get("/en/news/").content.decode()
    assert "Visible" in html
    assert "Draft" not in html
    assert "Scheduled" not in html


def test_scheduled_article_is_not_reachable(client):
    article = ArticleFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_news_list_is_paginated(client):
    ArticleFactory.create_batch(ARTICLES_PER_PAGE + 2)
    first = client.get("/en/news/").content.decode()
    second = client.get("/en/news/?page=2").content.decode()
    assert first.count('class="card"') == ARTICLES_PER_PAGE
    assert second.count('class="card"') == 2
    assert "Page 1 of 2" in first
    # A page number out of range or nonsense shows a real page, not an error.
    assert client.get("/en/news/?page=99").status_code == 200
    assert client.get("/en/news/?page=abc").status_code == 200


def test_news_list_queries_do_not_grow(client):
    ArticleFactory()
    few = count_queries(client, "/ky/news/")
    ArticleFactory.create_batch(8)
    assert count_queries(client, "/ky/news/") == few <= 8


def test_article_detail(client, demo):
    html = client.get("/ky/news/2016-08-28-condolences/").content.decode()
    assert "<h1 >Бирге кайгырабыз</h1>" in html
    assert "Күтүүсүздөн болгон өрт" in html


def test_article_detail_queries(client):
    article = ArticleFactory()
    assert count_queries(client, article.get_absolute_url()) <= 8


def test_article_in_another_language_is_marked(client):
    article = ArticleFactory(title_ky="", lead_ky="", title_en="", lead_en="", title_ru="Только по-русски")
    html = client.get(f"/ky/news/{article.slug}/").content.decode()
    assert '<h1 lang="ru">Только по-русски</h1>' in html
    assert "Орус тилинде гана" in html or 'class="fallback-note"' in html


def test_article_text_is_escaped(client):
    article = ArticleFactory(title_ky="<script>alert(1)</script>", lead_ky='<img src=x onerror="alert(1)">')
    html = client.get(f"/ky/news/{article.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
