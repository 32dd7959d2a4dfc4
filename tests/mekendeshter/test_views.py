import datetime
import os

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from forum.models import OutcomeDocument
from mekendeshter.celery import app
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    KeyFigureFactory,
    OpenEditionFactory,
    OutcomeDocumentFactory,
    PartnershipFactory,
    VenueFactory,
)
from tests.utils import count_queries, text_in_language

pytestmark = pytest.mark.django_db


def squash(html):
    """The page with every run of whitespace made one space, so that fragments can be compared exactly."""
    return " ".join(html.split())


@pytest.fixture
def held_edition():
    """A past edition with what the home page shows of it: figures, outcome, venue and a partner."""
    edition = EditionFactory(
        year=2016,
        number=3,
        title_ky="Үчүнчү «Мекендештер – 2016» Форуму",
        title_ru="Третий форум «Мекендештер – 2016»",
        title_en="The Third Mekendeshter Forum 2016",
        theme_ky="Жаңы мүмкүнчүлүктөр",
        theme_ru="Новые возможности",
        theme_en="New Opportunities",
        city_ky="Ош",
        city_ru="Ош",
        city_en="Osh",
        start_date=datetime.date(2016, 8, 1),
        end_date=datetime.date(2016, 8, 2),
        venue=VenueFactory(),
    )
    KeyFigureFactory(
        edition=edition, value="500+", label_ky="катышуучу", label_ru="участников", label_en="participants"
    )
    OutcomeDocumentFactory(edition=edition)
    PartnershipFactory(
        edition=edition,
        organisation__name_ky="«Роза Отунбаеванын демилгеси» эл аралык коомдук фонду",
        organisation__name_ru="Международный общественный фонд «Инициатива Розы Отунбаевой»",
        organisation__name_en="Roza Otunbayeva International Public Foundation",
    )
    return edition


HOME_CONTENT = {
    "ky": [
        '<p class="edition-summary__when"> <span >Ош</span>, <time datetime="2016-08-01">2016-жылдын 1–2-августу</time>'
        ' </p> <h1 class="edition-summary__title" >Үчүнчү «Мекендештер – 2016» Форуму</h1>'
        ' <p class="edition-summary__theme" >«Жаңы мүмкүнчүлүктөр»</p>',
        '<a class="button button--secondary" href="/ky/forum/2016/outcome/">Жыйынтык документ</a>',
        '<span class="figures__value">500+</span> <span class="figures__label" >катышуучу</span>',
        "<strong>Ош мамлекеттик университети</strong>",
        '<p class="partners__name" > «Роза Отунбаеванын демилгеси» эл аралык коомдук фонду </p>',
    ],
    "ru": [
        '<p class="edition-summary__when"> <span >Ош</span>, <time datetime="2016-08-01">1–2 августа 2016 г.</time>'
        ' </p> <h1 class="edition-summary__title" >Третий форум «Мекендештер – 2016»</h1>'
        ' <p class="edition-summary__theme" >«Новые возможности»</p>',
        '<a class="button button--secondary" href="/ru/forum/2016/outcome/">Итоговый документ</a>',
        '<span class="figures__value">500+</span> <span class="figures__label" >участников</span>',
        "<strong>Ошский государственный университет</strong>",
        '<p class="partners__name" > Международный общественный фонд «Инициатива Розы Отунбаевой» </p>',
    ],
    "en": [
        '<p class="edition-summary__when"> <span >Osh</span>, <time datetime="2016-08-01">1–2 August 2016</time>'
        ' </p> <h1 class="edition-summary__title" >The Third Mekendeshter Forum 2016</h1>'
        ' <p class="edition-summary__theme" >«New Opportunities»</p>',
        '<a class="button button--secondary" href="/en/forum/2016/outcome/">Outcome document</a>',
        '<span class="figures__value">500+</span> <span class="figures__label" >participants</span>',
        "<strong>Osh State University</strong>",
        '<p class="partners__name" > Roza Otunbayeva International Public Foundation </p>',
    ],
}


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_home_shows_the_last_edition(client, held_edition, language):
    response = client.get(f"/{language}/")
    html = squash(response.content.decode())
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    for fragment in HOME_CONTENT[language]:
        assert fragment in html, fragment
    contacts = '<a href="tel:+996312663538">+996 312 66 35 38</a> · <a href="mailto:mekendeshter@roza.kg">'
    assert contacts in html


@pytest.mark.parametrize(
    ("language", "upcoming", "held", "notice"),
    [
        (
            "ky",
            '<h1 class="edition-summary__title" >Төртүнчү «Мекендештер» Форуму</h1>',
            '<h2 class="edition-summary__title" > <a href="/ky/forum/2016/">'
            "Үчүнчү «Мекендештер – 2016» Форуму</a> </h2>",
            "Бул – демонстрациялык форум: анын жардамы менен порталда каттоодон өтүүнү сынап көрө аласыз.",
        ),
        (
            "ru",
            '<h1 class="edition-summary__title" >Четвёртый форум «Мекендештер»</h1>',
            '<h2 class="edition-summary__title" > <a href="/ru/forum/2016/">'
            "Третий форум «Мекендештер – 2016»</a> </h2>",
            "Это демонстрационный форум: на нём можно опробовать регистрацию на портале.",
        ),
    ],
)
def test_home_leads_with_the_upcoming_edition_and_shows_the_last_one_held(
    client, held_edition, language, upcoming, held, notice
):
    OpenEditionFactory(is_demo=True, title_ky="Төртүнчү «Мекендештер» Форуму", title_ru="Четвёртый форум «Мекендештер»")
    html = squash(client.get(f"/{language}/").content.decode())
    assert html.index(upcoming) < html.index(held)
    assert f'<p class="notice">{notice}</p>' in html


def test_home_lists_the_latest_news(client):
    ArticleFactory(slug="condolences", title_ru="Скорбим вместе", lead_ru="Выражаем глубокие соболезнования.")
    html = squash(client.get("/ru/").content.decode())
    assert (
        '<h3 class="card__title" > <a href="/ru/news/condolences/">Скорбим вместе</a> </h3>'
        " <p >Выражаем глубокие соболезнования.</p>"
    ) in html


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


def test_language_switch_keeps_the_page_and_query_string(client):
    response = client.post(
        reverse("set_language"), {"language": "ru", "next": "/ky/news/?page=1"}, headers={"referer": "/ky/news/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ru/news/?page=1"
    assert response.cookies["django_language"].value == "ru"


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_every_page_has_alternates_and_canonical(client):
    EditionFactory(year=2016)
    html = client.get("/ru/forum/2016/").content.decode()
    for code in ("ky", "ru", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/forum/2016/">' in html
    # A tag's attributes may wrap onto several lines (djlint formats the templates).
    flat = " ".join(html.split())
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ky/forum/2016/">' in flat
    assert '<link rel="canonical" href="http://testserver/ru/forum/2016/">' in html


def test_header_and_footer(client, held_edition):
    html = client.get("/ky/").content.decode()
    text = text_in_language(html, "ky")
    for label in ("Мекендештер", "Форум", "Жыйынтык документ", "Жаңылыктар", "Байланыш"):
        assert label in text, label
    assert 'href="tel:+996312663538"' in html
    assert 'class="skip-link" href="#main"' in html


def test_contact_page(client):
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


def test_sitemap_lists_every_language(client):
    OutcomeDocumentFactory(edition=EditionFactory(year=2016))
    ArticleFactory(slug="2016-08-27-condolences")
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


def test_security_headers(client):
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
