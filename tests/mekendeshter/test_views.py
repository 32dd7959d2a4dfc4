import datetime
import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from forum.models import Edition, OutcomeDocument, Registration
from mekendeshter.celery import app
from news.models import Article
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    KeyFigureFactory,
    OpenEditionFactory,
    OutcomeDocumentFactory,
    PartnershipFactory,
    RegistrationFactory,
    UserFactory,
    VenueFactory,
)
from tests.utils import count_queries, squash, text_in_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_edition():
    """A past edition with what the home page shows of it: figures, outcome, venue and a partner."""
    edition = EditionFactory(
        year=2016,
        number=3,
        title_ky="Үчүнчү «Мекендештер – 2016» форуму",
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
        '<h1 id="results-heading"> 2016, Ош: жыйынтыктар </h1> <p class="results-band__when">'
        ' <a href="/ky/forum/2016/" >Үчүнчү «Мекендештер – 2016» форуму</a> ·'
        ' <time datetime="2016-08-01">2016-жылдын 1–2-августу</time> </p>'
        ' <p class="edition-summary__theme" >«Жаңы мүмкүнчүлүктөр»</p>',
        '<a class="button button--solid" href="/ky/forum/2016/outcome/">Жыйынтык документ</a>',
        '<span class="figures__value">500+</span> <span class="figures__label" >катышуучу</span>',
        "<strong>Ош мамлекеттик университети</strong>",
        '<span class="partners__name" >«Роза Отунбаеванын демилгеси» эл аралык коомдук фонду</span>',
    ],
    "ru": [
        '<h1 id="results-heading"> 2016, Ош: итоги </h1> <p class="results-band__when">'
        ' <a href="/ru/forum/2016/" >Третий форум «Мекендештер – 2016»</a> ·'
        ' <time datetime="2016-08-01">1–2 августа 2016 г.</time> </p>'
        ' <p class="edition-summary__theme" >«Новые возможности»</p>',
        '<a class="button button--solid" href="/ru/forum/2016/outcome/">Итоговый документ</a>',
        '<span class="figures__value">500+</span> <span class="figures__label" >участников</span>',
        "<strong>Ошский государственный университет</strong>",
        '<span class="partners__name" >Международный общественный фонд «Инициатива Розы Отунбаевой»</span>',
    ],
    "en": [
        '<h1 id="results-heading"> 2016, Osh: results </h1> <p class="results-band__when">'
        ' <a href="/en/forum/2016/" >The Third Mekendeshter Forum 2016</a> ·'
        ' <time datetime="2016-08-01">1–2 August 2016</time> </p>'
        ' <p class="edition-summary__theme" >“New Opportunities”</p>',
        '<a class="button button--solid" href="/en/forum/2016/outcome/">Outcome document</a>',
        '<span class="figures__value">500+</span> <span class="figures__label" >participants</span>',
        "<strong>Osh State University</strong>",
        '<span class="partners__name" >Roza Otunbayeva International Public Foundation</span>',
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
    # The organizers' contacts, once: in the footer.
    contacts = '<a href="tel:+996312663538">+996 312 66 35 38</a> <br> <a href="mailto:mekendeshter@roza.kg">'
    assert html.count(contacts) == 1


@pytest.mark.parametrize(
    ("language", "upcoming", "held", "notice"),
    [
        (
            "ky",
            '<h1 id="next-forum-heading" class="edition-summary__title" >Төртүнчү «Мекендештер» форуму</h1>',
            '<a href="/ky/forum/2016/" >Үчүнчү «Мекендештер – 2016» форуму</a>',
            "Бул – демонстрациялык форум: анын жардамы менен порталда каттоодон өтүүнү сынап көрө аласыз.",
        ),
        (
            "ru",
            '<h1 id="next-forum-heading" class="edition-summary__title" >Четвёртый форум «Мекендештер»</h1>',
            '<a href="/ru/forum/2016/" >Третий форум «Мекендештер – 2016»</a>',
            "Это демонстрационный форум: на нём можно опробовать регистрацию на портале.",
        ),
    ],
)
def test_home_leads_with_the_upcoming_edition_and_shows_the_last_one_held(
    client, held_edition, language, upcoming, held, notice
):
    OpenEditionFactory(is_demo=True, title_ky="Төртүнчү «Мекендештер» форуму", title_ru="Четвёртый форум «Мекендештер»")
    html = squash(client.get(f"/{language}/").content.decode())
    assert html.index(upcoming) < html.index(held)
    assert f'<p class="hero__demo">{notice}</p>' in html


def test_home_lists_the_latest_news(client):
    ArticleFactory(slug="condolences", title_ru="Скорбим вместе", lead_ru="Выражаем глубокие соболезнования.")
    html = squash(client.get("/ru/").content.decode())
    assert (
        '<h3 class="card__title" > <a href="/ru/news/condolences/">Скорбим вместе</a> </h3>'
        " <p >Выражаем глубокие соболезнования.</p>"
    ) in html


HOME_STORY = {
    "ky": ["Кийинки форум", "Бардык 300 орун бош", "Форумга катталуу", "2016, Ош: жыйынтыктар", "Жаңылыктар</h2>"],
    "ru": ["Следующий форум", "Свободно 300 мест из 300", "Регистрация на форум", "2016, Ош: итоги", "Новости</h2>"],
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


@pytest.mark.parametrize(
    ("confirmed", "ky", "ru"),
    [
        (0, "<dt>Орундар</dt> <dd> Бардык 300 орун бош </dd>", "<dt>Места</dt> <dd> Свободно 300 мест из 300 </dd>"),
        (2, "<dd> 300 орундан 298 орун бош </dd>", "<dd> Свободно 298 мест из 300 </dd>"),
        (299, "<dd> 300 орундан 1 орун бош </dd>", "<dd> Свободно 1 место из 300 </dd>"),
        (297, "<dd> 300 орундан 3 орун бош </dd>", "<dd> Свободно 3 места из 300 </dd>"),
        (
            300,
            "<dd> Бош орун калган жок: жаңы каттоолор күтүү тизмесине түшөт </dd>",
            "<dd> Свободных мест нет: новые регистрации попадают в лист ожидания </dd>",
        ),
    ],
)
def test_home_counts_the_places_left_in_words(client, demo, confirmed, ky, ru):
    # Not "300 орундун 300": free places in a sentence, the Russian noun agreeing with the number.
    upcoming = Edition.objects.get(number=4)
    users = get_user_model().objects.bulk_create(UserFactory.build_batch(confirmed))
    Registration.objects.bulk_create(RegistrationFactory.build(edition=upcoming, user=user) for user in users)
    RegistrationFactory(edition=upcoming, status=Registration.Status.UNCONFIRMED)
    assert ky in squash(client.get("/ky/").content.decode())
    assert ru in squash(client.get("/ru/").content.decode())


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


def _switcher_links(html):
    """The language switcher's links: {language code: href}."""
    switcher = html[html.index('<nav class="lang-switch"') :]
    switcher = switcher[: switcher.index("</nav>")]
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'href="([^"]*)"\s+hreflang="([^"]*)"', " ".join(switcher.split()))
    }


@pytest.mark.django_db
def test_language_switch_links_keep_the_page_and_query_string(client):
    html = client.get("/ky/news/?page=1&category=event", headers={"accept-language": "ru"}).content.decode()
    assert _switcher_links(html) == {
        "ky": "/ky/news/?page=1&category=event",
        "ru": "/ru/news/?page=1&category=event",
        "en": "/en/news/?page=1&category=event",
    }
    # Plain links: no form, so no token and no cookie on the page.
    assert "csrfmiddlewaretoken" not in html
    assert "set-cookie" not in {name.lower() for name in client.get("/ru/news/").headers}


@pytest.mark.django_db
def test_language_switch_on_a_missing_page_keeps_its_address(client):
    html = client.get("/ky/no-such-page/?x=1").content.decode()
    assert _switcher_links(html)["ru"] == "/ru/no-such-page/?x=1"


@pytest.mark.django_db
def test_language_switch_keeps_an_escaped_query_and_path(client):
    # As a browser sends them: percent-encoded.
    html = client.get("/ky/search/?q=%D0%91%D0%B8%D1%88%D0%BA%D0%B5%D0%BA").content.decode()
    assert _switcher_links(html)["ru"] == "/ru/search/?q=%D0%91%D0%B8%D1%88%D0%BA%D0%B5%D0%BA"
    html = client.get("/ky/%D0%B6%D0%BE%D0%BA/?q=%D0%9E%D1%88").content.decode()
    assert _switcher_links(html)["ru"] == "/ru/%D0%B6%D0%BE%D0%BA/?q=%D0%9E%D1%88"


@pytest.mark.django_db
def test_switching_language_is_remembered_for_the_root(client):
    # A Russian browser on a shared Kyrgyz link: visiting it remembers nothing ...
    response = client.get("/ky/news/", headers={"accept-language": "ru"})
    assert "django_language" not in response.cookies
    # ... following the switcher to Kyrgyz from the Russian page does, and `/` then opens in Kyrgyz.
    response = client.get("/ky/news/", headers={"accept-language": "ru", "referer": "http://testserver/ru/news/"})
    assert response.status_code == 200
    assert response.cookies["django_language"].value == "ky"
    assert "private" in response["Cache-Control"]
    assert client.get("/", headers={"accept-language": "ru"})["Location"] == "/ky/"
    # The same language again, or a link from another site, sets nothing.
    response = client.get("/ky/forum/", headers={"referer": "http://testserver/ky/news/"})
    assert "django_language" not in response.cookies
    response = client.get("/ru/forum/", headers={"referer": "https://elsewhere.example/ky/news/"})
    assert "django_language" not in response.cookies


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


@pytest.mark.parametrize(
    ("language", "deadline"),
    [
        ("ky", '<dt>Каттоонун акыркы күнү</dt> <dd> <time datetime="2027-06-30">2027-жылдын 30-июну</time> </dd>'),
        ("ru", '<dt>Последний день регистрации</dt> <dd> <time datetime="2027-06-30">30 июня 2027 г.</time> </dd>'),
    ],
)
def test_home_gives_the_same_last_day_to_register_as_the_form(client, demo, language, deadline):
    # Registration closes at 00:00 on 1 July: the home page said "1-июлу", the form "30-июнун кошо алганда".
    home = squash(client.get(f"/{language}/").content.decode())
    assert deadline in home
    form = squash(client.get(f"/{language}/forum/2027/register/").content.decode())
    # The same <time> in the form's sentence.
    date = deadline.split("<dd> ", 1)[1].split(" </dd>", 1)[0]
    sentence = {"ky": f"Каттоонун акыркы күнү — {date},", "ru": f"Последний день регистрации — {date},"}
    assert sentence[language] in form
    for page in (home, form):
        assert {"ky": "1-июлу", "ru": "1 июля"}[language] not in page


@pytest.mark.parametrize(
    ("language", "held", "coming"),
    [
        ("ky", "2016, Ош: форум өткөн жер", "2027, Бишкек: форум өтө турган жер"),
        ("ru", "2016, Ош: где проходил форум", "2027, Бишкек: где пройдёт форум"),
    ],
)
def test_home_says_whose_venue_the_map_shows(client, demo, language, held, coming):
    html = squash(client.get(f"/{language}/").content.decode())
    assert f'<h2 id="venue-heading"> {held} </h2>' in html
    # Once the next forum's venue is known, the band shows it and says so.
    Edition.objects.filter(number=4).update(venue=VenueFactory())
    html = squash(client.get(f"/{language}/").content.decode())
    assert f'<h2 id="venue-heading"> {coming} </h2>' in html
