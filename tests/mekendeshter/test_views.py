import os

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from forum.models import OutcomeDocument
from mekendeshter.celery import app
from tests.factories import ArticleFactory, EditionFactory, OutcomeDocumentFactory, PartnershipFactory
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


def test_home_leads_with_the_upcoming_edition_and_shows_the_last_one_held(client, demo):
    html = client.get("/ky/").content.decode()
    upcoming = html.index("Төртүнчү «Мекендештер» Форуму")
    held = html.index("Үчүнчү «Мекендештер – 2016» Форуму")
    assert upcoming < held
    assert "демонстрациялык" in html or "демонстрация" in html


def test_home_lists_the_latest_news(client, demo):
    html = client.get("/ru/").content.decode()
    assert "Выражаем глубокие соболезнования" in html
    assert "Скорбим вместе" in html


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
    # A tag's attributes may wrap onto several lines (djlint formats the templates).
    flat = " ".join(html.split())
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ky/forum/2016/">' in flat
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


def test_sitemap_lists_outcome_documents_anyone_may_read_and_no_draft(client):
    for year, status in ((2030, OutcomeDocument.Status.DRAFT), (2031, "open"), (2032, "final")):
        OutcomeDocumentFactory(edition=EditionFactory(year=year), status=status)
    body = client.get("/sitemap.xml").content.decode()
    assert "/ky/forum/2030/" in body  # the edition itself is public
    assert "/forum/2030/outcome/" not in body
    for code in ("ky", "ru", "en"):
        assert f"http://testserver/{code}/forum/2031/outcome/" in body
        assert f"http://testserver/{code}/forum/2032/outcome/" in body


def test_healthz(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}
    assert "no-cache" in response["Cache-Control"]


# Nothing listens on port 1 of the loopback: a connection there is refused at once.
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_healthz_fails_without_cache(client, db, settings):
    redis = "django.core.cache.backends.redis.RedisCache"
    settings.CACHES = {"default": {"BACKEND": redis, "LOCATION": UNREACHABLE_REDIS}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error", "broker": "ok"}


@pytest.fixture
def broker_url(settings):
    """Point the Celery app at a broker for one test, as a worker-backed production site is."""

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        app.conf.broker_url = url

    previous = app.conf.broker_url
    yield use
    app.conf.broker_url = previous


def test_healthz_fails_without_broker(client, db, broker_url):
    broker_url(UNREACHABLE_REDIS)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "ok", "broker": "error"}


def test_healthz_reaches_a_running_broker(client, db, broker_url):
    url = os.environ.get("CELERY_TEST_BROKER_URL")
    if not url:
        pytest.skip("CELERY_TEST_BROKER_URL is not set (CI sets it to a running Redis)")
    broker_url(url)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


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
    translation.activate("ru")
    html = render_to_string("500.html")
    assert '<html lang="ru">' in html
    assert "Ошибка сервера" in html
