import datetime

import pytest
from django.utils import timezone

from news.models import Article, Comment
from news.views import ARTICLES_PER_PAGE
from tests.factories import ArticleFactory, CommentFactory, EditionFactory
from tests.utils import count_queries, heading_levels, skipped_heading_levels

pytestmark = pytest.mark.django_db


@pytest.fixture
def condolences():
    """Two news items a day apart (the later one translated) and an announcement."""
    moment = datetime.datetime(2016, 8, 28, 6, tzinfo=datetime.UTC)
    later = ArticleFactory(
        slug="2016-08-28-condolences",
        title_ky="Бирге кайгырабыз",
        title_ru="Скорбим вместе",
        title_en="We grieve together",
        lead_ky="Кайгыбыз терең.",
        lead_ru="Мы потеряли молодых, полных сил людей.",
        lead_en="We have lost young lives.",
        body_ky="<p>Күтүүсүздөн болгон өрт көп үй-бүлөгө кайгы алып келди.</p>",
        category=Article.Category.NEWS,
        published_at=moment,
    )
    earlier = ArticleFactory(
        slug="2016-08-27-condolences", category=Article.Category.NEWS, published_at=moment - datetime.timedelta(days=1)
    )
    ArticleFactory(slug="announcement", category=Article.Category.ANNOUNCEMENT)
    return later, earlier


def card(language, article, when, category):
    """An article's card in the list, its title an h2 right under the page's h1; it was published at 06:00 UTC,
    noon in Bishkek (the site's time zone)."""
    title, lead = getattr(article, f"title_{language}"), getattr(article, f"lead_{language}")
    return (
        '<article class="card"> <p class="card__meta">'
        f' <time datetime="{article.published_at:%Y-%m-%d}T12:00:00+06:00">{when}</time> · {category} </p>'
        f' <h2 class="card__title" > <a href="/{language}/news/{article.slug}/">{title}</a> </h2>'
        f" <p >{lead}</p> </article>"
    )


@pytest.mark.parametrize(
    ("language", "dates", "category"),
    [
        ("ky", ["2016-жылдын 28-августу", "2016-жылдын 27-августу"], "Жаңылык"),
        ("ru", ["28 августа 2016 г.", "27 августа 2016 г."], "Новость"),
        ("en", ["28 August 2016", "27 August 2016"], "News"),
    ],
)
def test_news_list(client, condolences, language, dates, category):
    html = " ".join(client.get(f"/{language}/news/?category=news").content.decode().split())
    later, earlier = (card(language, article, when, category) for article, when in zip(condolences, dates, strict=True))
    # Newest first, only the chosen category.
    assert html.index(later) < html.index(earlier)
    assert "/news/announcement/" not in html


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_news_pages_never_skip_a_heading_level(client, condolences, language):
    # The list's cards sit right under the page's h1 (h1 → h3 was axe's "heading-order"); the article
    # page's related articles under their h2.
    for url in (f"/{language}/news/", f"/{language}/news/?category=news"):
        html = client.get(url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        assert heading_levels(main)[:3] == [1, 2, 2], url
        assert skipped_heading_levels(html) == [], url
    html = client.get(f"/{language}/news/{condolences[0].slug}/").content.decode()
    assert skipped_heading_levels(html) == []


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
    ArticleFactory.create_batch(30, edition=EditionFactory())
    assert count_queries(client, "/ky/news/") == few <= 8
    assert count_queries(client, "/ky/news/?page=2&category=news") == few


def test_news_list_filters_by_category_and_edition(client):
    edition = EditionFactory(year=2040)
    ArticleFactory(title_en="Plain news")
    ArticleFactory(title_en="An event", category=Article.Category.EVENT, edition=edition)
    ArticleFactory(title_en="An announcement", category=Article.Category.ANNOUNCEMENT)
    html = client.get("/en/news/?category=event").content.decode()
    assert "An event" in html and "Plain news" not in html and "An announcement" not in html
    html = client.get("/en/news/?edition=2040").content.decode()
    assert "An event" in html and "Plain news" not in html
    assert '<option value="2040" selected>2040</option>' in html
    # Nonsense filters show everything rather than an error.
    html = client.get("/en/news/?category=<script>&edition=abc").content.decode()
    assert "Plain news" in html and "<script>" not in html


def test_pagination_keeps_the_filter(client):
    ArticleFactory.create_batch(ARTICLES_PER_PAGE + 1, category=Article.Category.EVENT)
    html = client.get("/ru/news/?category=event").content.decode()
    assert "?category=event&amp;page=2" in html


def test_article_detail_share_links_and_meta(client):
    article = ArticleFactory(title_en="Forum opens", lead_en="Doors open at ten.")
    html = client.get(f"/en/news/{article.slug}/").content.decode()
    url = f"http%3A%2F%2Ftestserver%2Fen%2Fnews%2F{article.slug}%2F"
    for share in (
        f"https://t.me/share/url?url={url}",
        f"https://wa.me/?text=Forum%20opens%20{url}",
        f"https://www.facebook.com/sharer/sharer.php?u={url}",
        f"https://vk.com/share.php?url={url}",
    ):
        assert share in html, share
    assert "Copy link" in html
    assert '<meta property="og:title" content="Forum opens">' in html
    assert '<meta property="og:description" content="Doors open at ten.">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    # No third-party script on the page.
    assert '<script src="http' not in html


@pytest.mark.parametrize(
    ("lang", "site_name", "title", "lead"),
    [
        ("ky", "«Мекендештер» форуму", "Форум ачылат", "Эшиктер ондо ачылат."),
        ("ru", "Форум «Мекендештер»", "Форум открывается", "Двери откроются в десять."),
    ],
)
def test_article_link_preview_meta(client, lang, site_name, title, lead):
    """The Open Graph tags come from base.html's og_ blocks, filled by the article page."""
    article = ArticleFactory(
        title_ky="Форум ачылат",
        title_ru="Форум открывается",
        lead_ky="Эшиктер ондо ачылат.",
        lead_ru="Двери откроются в десять.",
        published_at=datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC),
    )
    html = client.get(f"/{lang}/news/{article.slug}/").content.decode()
    head = " ".join(html[: html.index("</head>")].split())
    expected = (
        f'<meta property="og:type" content="article"> <meta property="og:site_name" content="{site_name}"> '
        f'<meta property="og:title" content="{title}"> <meta property="og:description" content="{lead}"> '
        f'<meta property="og:url" content="http://testserver/{lang}/news/{article.slug}/"> '
        '<meta name="twitter:card" content="summary"> '
        '<meta property="article:published_time" content="2026-03-01T18:00:00+06:00">'
    )
    assert expected in head


def test_pages_not_meant_for_sharing_have_only_the_default_sharing_image(client):
    """Every page carries the site's default sharing image (base.html's share_image block); only a
    page meant for sharing (it gives share_url) has the rest of the link-preview meta."""
    html = client.get("/ky/news/").content.decode()
    assert html.count('property="og:image"') == 1 and "og-default.png" in html
    assert "og:title" not in html and "og:url" not in html and "twitter:" not in html


def test_article_detail_related_articles(client):
    edition = EditionFactory()
    article = ArticleFactory(edition=edition, category=Article.Category.EVENT)
    ArticleFactory(title_ru="Родственная", edition=edition, category=Article.Category.NEWS)
    ArticleFactory(title_ru="Чужая", category=Article.Category.ANNOUNCEMENT)
    html = client.get(f"/ru/news/{article.slug}/").content.decode()
    assert '<h2 id="related-heading">Статьи по теме</h2>' in html
    assert "Родственная" in html
    assert "Чужая" not in html


def test_related_articles_are_the_same_editions_first_then_the_newest_of_the_category(client):
    edition = EditionFactory()
    now = timezone.now()
    nine_days_ago = now - datetime.timedelta(days=9)
    article = ArticleFactory(edition=edition, category=Article.Category.EVENT, published_at=nine_days_ago)

    def related(title, days, **fields):
        return ArticleFactory(title_ru=title, published_at=now - datetime.timedelta(days=days), **fields)

    related("Старая того же форума", 30, edition=edition, category=Article.Category.NEWS)
    related("Объявление того же форума", 1, edition=edition, category=Article.Category.ANNOUNCEMENT)
    related("Новее всех", 2, category=Article.Category.EVENT)
    related("Вторая по новизне", 3, category=Article.Category.EVENT)
    related("Третья по новизне", 4, category=Article.Category.EVENT)
    related("Другая рубрика", 1, category=Article.Category.NEWS)
    related("Черновик", 1, category=Article.Category.EVENT, status=Article.Status.DRAFT)
    titles = [row.title_ru for row in client.get(f"/ru/news/{article.slug}/").context["related"]]
    assert titles == ["Старая того же форума", "Новее всех", "Вторая по новизне"]
    # An article of no edition: the newest of its category.
    lone = ArticleFactory(category=Article.Category.EVENT, edition=None)
    titles = [row.title_ru for row in client.get(f"/ru/news/{lone.slug}/").context["related"]]
    assert titles == ["Новее всех", "Вторая по новизне", "Третья по новизне"]


def test_article_body_is_rich_text_cleaned(client):
    article = ArticleFactory(body_ky="<p>Саламат <strong>баары</strong></p><script>alert(1)</script>")
    html = client.get(f"/ky/news/{article.slug}/").content.decode()
    assert "<p>Саламат <strong>баары</strong></p>" in html
    assert "alert(1)" not in html


def test_article_detail(client, condolences):
    html = " ".join(client.get("/ky/news/2016-08-28-condolences/").content.decode().split())
    assert "<h1 >Бирге кайгырабыз</h1>" in html
    assert '<div class="prose" ><p>Күтүүсүздөн болгон өрт көп үй-бүлөгө кайгы алып келди.</p></div>' in html


def test_article_detail_queries(client):
    article = ArticleFactory()
    few = count_queries(client, article.get_absolute_url())
    assert few <= 8
    ArticleFactory.create_batch(5)
    CommentFactory.create_batch(30, article=article)
    CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
    assert count_queries(client, article.get_absolute_url()) == few


def test_article_in_another_language_is_marked(client):
    article = ArticleFactory(title_ky="", lead_ky="", title_en="", lead_en="", title_ru="Только по-русски")
    html = client.get(f"/ky/news/{article.slug}/").content.decode()
    assert '<h1 lang="ru">Только по-русски</h1>' in html
    assert '<p class="fallback-note">Орус тилинде гана жеткиликтүү</p>' in html


def test_article_text_is_escaped(client):
    article = ArticleFactory(title_ky="<script>alert(1)</script>", lead_ky='<img src=x onerror="alert(1)">')
    html = client.get(f"/ky/news/{article.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
