import re

import pytest
from django.urls import reverse
from django.utils import translation

from forum.models import Edition, Registration
from news.models import Article
from tests.factories import ArticleFactory, EditionFactory, PartnershipFactory, RegistrationFactory
from tests.utils import count_queries, text_in_language

pytestmark = pytest.mark.django_db

HOME_CONTENT = {
    "ky": [
        "Үчүнчү «Мекендештер – 2016» Форуму",
        "Жаңы мүмкүнчүлүктөр",
        "2016-жылдын 1–2-августу",
        "катышуучу",
        "диаспоралык бирикме",
        "пленардык жыйналыш",
        "Ош мамлекеттик университети",
        "Жыйынтык документ",
        "«Роза Отунбаеванын демилгеси» эл аралык коомдук фонду",
        "+996 312 66 35 38",
        "mekendeshter@roza.kg",
    ],
    "ru": [
        "Третий форум «Мекендештер – 2016»",
        "Новые возможности",
        "1–2 августа 2016 г.",
        "участников",
        "диаспоральных объединений",
        "Ошский государственный университет",
        "Итоговый документ",
        "Международный общественный фонд «Инициатива Розы Отунбаевой»",
        "+996 312 66 35 38",
    ],
    "en": [
        "The Third Mekendeshter Forum 2016",
        "New Opportunities",
        "1–2 August 2016",
        "participants",
        "diaspora associations",
        "Osh State University",
        "Outcome document",
        "+996 312 66 35 38",
    ],
}


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_home_shows_the_seed_content(client, demo, language):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    for text in HOME_CONTENT[language]:
        assert text in html, text
    for value in ("500+", "24", "27", "7"):
        assert f'<span class="figures__value">{value}</span>' in html


HOME_STORY = {
    "ky": ["Кийинки форум", "300 орундун 300", "Форумга катталуу", "2016, Ош: жыйынтыктар", "Жаңылыктар</h2>"],
    "ru": ["Следующий форум", "300 из 300", "Регистрация на форум", "2016, Ош: итоги", "Новости</h2>"],
}


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_home_tells_one_story_in_order(client, demo, language):
    upcoming = Edition.objects.get(number=4)
    html = client.get(f"/{language}/").content.decode()
    main = html[html.index("<main") :]
    positions = [main.index(text) for text in HOME_STORY[language]]
    positions += [main.index(f'id="{name}-heading"') for name in ("subscribe", "venue", "partners")]
    assert positions == sorted(positions)
    # One solid button, the registration; the demonstration notice once.
    assert html.count("button--solid") == 2  # the registration, and the results band's outcome document
    assert re.search(rf'class="button button--solid"\s+href="/{language}/forum/{upcoming.year}/register/"', html)
    assert html.count('class="hero__demo"') == 1
    # The contacts are in the footer only.
    assert html.count("+996 312 66 35 38") == 1


def test_home_counts_the_places_left(client, demo):
    upcoming = Edition.objects.get(number=4)
    RegistrationFactory.create_batch(2, edition=upcoming, status=Registration.Status.CONFIRMED)
    RegistrationFactory(edition=upcoming, status=Registration.Status.UNCONFIRMED)
    assert "298 из 300" in client.get("/ru/").content.decode()


def test_home_lists_the_newest_articles_of_any_kind_first(client, demo):
    newest = Article.objects.published()[:3]
    html = client.get("/ru/").content.decode()
    positions = [html.index(article.title_ru) for article in newest]
    assert positions == sorted(positions)
    assert newest[0].category == Article.Category.ANNOUNCEMENT


def test_home_subscription_needs_no_cookie(client, demo):
    response = client.get("/ky/")
    html = response.content.decode()
    assert re.search(r'<form class="subscribe-band__form"\s+method="get"\s+action="/ky/subscribe/"\s+novalidate>', html)
    assert "csrfmiddlewaretoken" not in html[html.index("subscribe-band__form") :]
    page = client.get("/ky/subscribe/?email=aida@example.org").content.decode()
    assert 'value="aida@example.org"' in page


def test_menu_marks_where_the_visitor_is(client, demo):
    html = client.get("/ky/news/").content.decode()
    assert '<a href="/ky/news/" aria-current="page">Жаңылыктар</a>' in html
    article = Article.objects.published().first()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/ky/news/" aria-current="true">Жаңылыктар</a>' in html
    assert 'aria-current="page">Жаңылыктар' not in html
    html = client.get("/ru/directory/").content.decode()
    assert re.search(r'<a href="/ru/directory/"\s+aria-current="page">Объединения</a>', html)
    assert html.count("aria-current=") == 3  # the menu item, the language, the "all countries" chip


def test_home_without_any_edition(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "will be published here soon" in response.content.decode()


def test_home_queries_do_not_grow(client):
    edition = EditionFactory(start_date="2016-08-01", end_date="2016-08-02", year=2016)
    PartnershipFactory(edition=edition)
    ArticleFactory()
    few = count_queries(client, "/ky/")
    PartnershipFactory.create_batch(5, edition=edition)
    ArticleFactory.create_batch(5)
    assert count_queries(client, "/ky/") == few <= 12


def test_root_redirects_to_kyrgyz_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ky/"


def test_root_follows_accept_language(client):
    response = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9,en;q=0.8"})
    assert response["Location"] == "/ru/"


def test_root_prefers_the_language_cookie(client):
    client.cookies["django_language"] = "en"
    response = client.get("/", headers={"accept-language": "ru"})
    assert response["Location"] == "/en/"


def test_language_switch_keeps_the_page_and_query_string(client, demo):
    response = client.post(
        reverse("set_language"), {"language": "ru", "next": "/ky/news/?page=1"}, headers={"referer": "/ky/news/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ru/news/?page=1"
    assert response.cookies["django_language"].value == "ru"


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_every_page_has_alternates_and_canonical(client, demo):
    html = client.get("/ru/forum/2016/").content.decode()
    for code in ("ky", "ru", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/forum/2016/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ky/forum/2016/">' in html
    assert '<link rel="canonical" href="http://testserver/ru/forum/2016/">' in html


def test_header_and_footer(client, demo):
    html = client.get("/ky/").content.decode()
    text = text_in_language(html, "ky")
    for label in ("Мекендештер", "Форум", "Жыйынтык документ", "Жаңылыктар", "Байланыш"):
        assert label in text, label
    assert 'href="tel:+996312663538"' in html
    assert 'class="skip-link" href="#main"' in html


def test_contact_page(client, demo):
    html = client.get("/en/contact/").content.decode()
    assert "mekendeshter@roza.kg" in html
    assert "+996 312 66 35 38" in html


def test_not_found_page_is_translated(client):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_every_language(client, demo):
    body = client.get("/sitemap.xml").content.decode()
    for code in ("ky", "ru", "en"):
        assert f"http://testserver/{code}/forum/2016/outcome/" in body
        assert f"http://testserver/{code}/news/2016-08-27-condolences/" in body
    assert 'hreflang="ru"' in body


def test_healthz(client, db):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_security_headers(client, demo):
    response = client.get("/ky/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "base-uri 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_page_language_is_reset_between_tests():
    assert translation.get_language() == "ky"


def test_server_error_page_is_translated_and_standalone(client, settings):
    from django.template.loader import render_to_string

    translation.activate("ru")
    html = render_to_string("500.html")
    assert '<html lang="ru">' in html
    assert "Ошибка сервера" in html
