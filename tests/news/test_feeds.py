import datetime

import feedparser
import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "version"), [("feed/", "rss20"), ("feed/atom/", "atom10")])
@pytest.mark.parametrize(("lang", "title"), [("ky", "Форум ачылды"), ("ru", "Форум открылся"), ("en", "Forum opens")])
def test_feeds_are_valid_and_in_the_page_language(client, path, version, lang, title):
    article = ArticleFactory(title_ky="Форум ачылды", title_ru="Форум открылся", title_en="Forum opens")
    ArticleFactory(title_ky="Долбоор", status=Article.Status.DRAFT)
    ArticleFactory(title_ky="Келечекте", published_at=timezone.now() + datetime.timedelta(days=2))
    response = client.get(f"/{lang}/news/{path}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.get("language", lang).startswith(lang)
    assert [entry.title for entry in feed.entries] == [title]
    assert feed.entries[0].link == f"http://testserver/{lang}/news/{article.slug}/"


def test_feed_falls_back_and_escapes(client):
    ArticleFactory(title_ky="", title_en="", title_ru="<script>alert(1)</script> Только по-русски", lead_ky="")
    response = client.get("/ky/news/feed/")
    assert b"<script>" not in response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert "Только по-русски" in feed.entries[0].title


def test_feed_is_linked_from_every_page(client):
    html = client.get("/ru/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/ru/news/feed/"' in html
    assert 'href="/ru/news/feed/atom/"' in html
    assert 'href="/ru/subscribe/"' in html  # the footer's subscription link


def test_feed_queries_do_not_grow(client, django_assert_max_num_queries):
    ArticleFactory.create_batch(25)
    with django_assert_max_num_queries(3):
        client.get("/en/news/feed/")


def test_sitemap_has_every_article_with_hreflang_alternates(client):
    articles = ArticleFactory.create_batch(3)
    xml = client.get("/sitemap.xml").content.decode()
    for article in articles:
        for lang in ("ky", "ru", "en"):
            assert f"<loc>http://testserver/{lang}/news/{article.slug}/</loc>" in xml
            assert (
                f'<xhtml:link rel="alternate" hreflang="{lang}" href="http://testserver/{lang}/news/{article.slug}/"/>'
                in xml
            )
