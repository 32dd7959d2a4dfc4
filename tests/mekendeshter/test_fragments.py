"""Fragments the same for every visitor, kept per language and content version
(mekendeshter.core.fragments): a signed-in page is the visitor's header plus kept fragments."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services as forum_services
from forum.models import Hotel
from mekendeshter.core import fragments
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    ItemFactory,
    KeyFigureFactory,
    OpenEditionFactory,
    ProposalFactory,
    RegistrationFactory,
    SectionFactory,
    SessionFactory,
    VenueFactory,
)
from tests.utils import text_in_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    section = SectionFactory(title_ru="Образование", document__edition__year=2016)
    ItemFactory.create_batch(3, section=section)
    ItemFactory(section=section, text_ru="Открыть школы на родном языке", text_ky="Эне тилинде мектеп ачуу")
    return section.document


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(queries)


def _kept_fragments():
    # The locmem cache of the tests: its keys carry the group's name.
    return [key for key in cache._cache if f"data:{fragments.GROUP}:" in key and not key.endswith(":generation")]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_signed_in_outcome_page_reads_its_sections_once_per_version(client, verified_user, document, language):
    client.force_login(verified_user)
    path = f"/{language}/forum/2016/outcome/"
    _first, first_queries = _get(client, path)
    again, again_queries = _get(client, path)
    assert again_queries < first_queries  # the sections, items and proposals come from the fragment
    text = {"ky": "Эне тилинде мектеп ачуу", "ru": "Открыть школы на родном языке"}[language]
    assert text in again.content.decode()
    # Their own page all the same: their menu and sign-out form, never kept by a shared cache.
    assert f"/{language}/me/" in again.content.decode() and "csrfmiddlewaretoken" in again.content.decode()
    assert "private" in again["Cache-Control"]


def test_languages_get_their_own_fragment(client, verified_user, document):
    client.force_login(verified_user)
    client.get("/ky/forum/2016/outcome/")
    html = client.get("/ru/forum/2016/outcome/").content.decode()
    assert "Открыть школы на родном языке" in html and "Эне тилинде мектеп ачуу" not in html
    assert len(_kept_fragments()) == 2


def test_a_staff_edit_and_a_new_supporter_show_at_once(client, verified_user, document, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page cache off: the fragment alone is kept
    item = document.sections.get().items.order_by("number").last()
    assert "Открыть школы на родном языке" in client.get("/ru/forum/2016/outcome/").content.decode()
    item.text_ru = "Открыть школы и кружки"
    item.save()
    html = client.get("/ru/forum/2016/outcome/").content.decode()
    assert "Открыть школы и кружки" in html and "Открыть школы на родном языке" not in html
    proposal = ProposalFactory(item=item, section=item.section, document=document)
    forum_services.proposal_answer(proposal=proposal, status="accepted")
    assert "0 supporters" in client.get("/en/forum/2016/outcome/").content.decode()
    assert forum_services.proposal_support(proposal=proposal, user=verified_user)
    html = client.get("/en/forum/2016/outcome/").content.decode()
    assert "1 supporter" in html and "0 supporters" not in html


def test_a_fragment_holds_nothing_of_the_visitor_who_rendered_it(client, verified_user, document):
    client.force_login(verified_user)
    client.get("/ru/forum/2016/outcome/")
    (key,) = _kept_fragments()
    html = str(cache.get(key.split(":", 2)[-1])[1])
    assert "Открыть школы на родном языке" in html
    assert verified_user.email not in html and "csrfmiddlewaretoken" not in html and "/ru/me/" not in html
    # An anonymous visitor's page built from it carries no token nor account link either.
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/ru/forum/2016/outcome/").content.decode()
    assert "Открыть школы на родном языке" in anonymous
    assert "csrfmiddlewaretoken" not in anonymous and verified_user.email not in anonymous


def test_the_page_is_rendered_whole_while_the_cache_is_down(client, settings, document):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/ru/forum/2016/outcome/")
    assert response.status_code == 200
    assert "Открыть школы на родном языке" in response.content.decode()


def test_a_signed_in_home_page_keeps_its_bands_and_shows_a_new_article_at_once(client, verified_user):
    edition = EditionFactory(year=2016)
    ArticleFactory(title_ru="Форум открылся", edition=edition)
    client.force_login(verified_user)
    _first, first_queries = _get(client, "/ru/")
    again, again_queries = _get(client, "/ru/")
    assert again_queries < first_queries
    html = again.content.decode()
    assert "Форум открылся" in html and "/ru/me/" in html
    ArticleFactory(title_ru="Итоги форума", edition=edition)
    assert "Итоги форума" in client.get("/ru/").content.decode()
    # The places left of the next forum stay outside the kept bands: a registration shows at once.
    upcoming = OpenEditionFactory(capacity=10)
    assert "Свободно 10 мест из 10" in text_in_language(client.get("/ru/").content.decode(), "ru")
    RegistrationFactory(edition=upcoming)
    assert "Свободно 9 мест из 10" in text_in_language(client.get("/ru/").content.decode(), "ru")


def test_a_signed_in_edition_page_keeps_its_body_and_shows_a_new_key_figure_at_once(client, verified_user):
    edition = EditionFactory(year=2016)
    EditionFactory(year=2018)
    client.force_login(verified_user)
    _first, first_queries = _get(client, "/ru/forum/2016/")
    again, again_queries = _get(client, "/ru/forum/2016/")
    assert again_queries < first_queries
    html = again.content.decode()
    assert 'rel="next" href="/ru/forum/2018/"' in html and "/ru/me/" in html
    KeyFigureFactory(edition=edition, value="1200", label_ru="участников")
    html = client.get("/ru/forum/2016/").content.decode()
    assert "1200" in html and "участников" in html


def test_a_search_is_kept_per_query_and_people_and_shows_a_new_article_at_once(client, verified_user, settings):
    client.force_login(verified_user)
    # Titles come with the match marked: "<mark>Бишкектеги</mark> жолугушуу".
    ArticleFactory(title_ky="Бишкектеги жолугушуу", title_ru="Встреча в Бишкеке")
    html, first = _get(client, "/ky/search/?q=Бишкек")
    assert "</mark> жолугушуу" in html.content.decode()
    again, queries = _get(client, "/ky/search/?q=Бишкек")
    assert queries < first and "</mark> жолугушуу" in again.content.decode()
    assert "/ky/accounts/logout/" in again.content.decode()
    assert again.content.decode().count("csrfmiddlewaretoken") == 1  # the sign-out form's only
    russian, _queries = _get(client, "/ru/search/?q=Бишкек")
    assert "Встреча в <mark>" in russian.content.decode()
    ArticleFactory(title_ky="Бишкекте жаңы китепкана", title_ru="Новая библиотека в Бишкеке")
    assert "</mark> жаңы китепкана" in client.get("/ky/search/?q=Бишкек").content.decode()
    # Past the directory's limit the same words are searched without people, under their own key.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (0, 600)}
    held_back = client.get("/ky/search/?q=Бишкек").content.decode()
    assert "</mark> жаңы китепкана" in held_back
    assert "Маалымдамадагы адамдар азыр көрсөтүлбөйт" in held_back


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_signed_in_programme_keeps_its_sessions_and_shows_an_edit_at_once(client, verified_user, language):
    client.force_login(verified_user)
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    session = SessionFactory(edition=edition, title_ky="Жаштар жана билим", title_ru="Молодёжь и образование")
    path = f"/{language}/forum/2016/programme/"
    _first, first_queries = _get(client, path)
    again, again_queries = _get(client, path)
    assert again_queries < first_queries  # the sessions and speakers come from the fragment
    title = {"ky": "Жаштар жана билим", "ru": "Молодёжь и образование"}[language]
    html = again.content.decode()
    assert title in html and f"/{language}/me/" in html and html.count("csrfmiddlewaretoken") == 1
    session.title_ky, session.title_ru = "Жаштар жана илим", "Молодёжь и наука"
    session.save()
    edited = {"ky": "Жаштар жана илим", "ru": "Молодёжь и наука"}[language]
    assert edited in client.get(path).content.decode()


def test_a_signed_in_news_list_is_kept_per_query_string_and_shows_a_new_article_at_once(client, verified_user):
    client.force_login(verified_user)
    ArticleFactory(title_ky="Биринчи жаңылык", title_ru="Первая новость")
    _first, first_queries = _get(client, "/ru/news/")
    again, again_queries = _get(client, "/ru/news/")
    assert again_queries < first_queries and "Первая новость" in again.content.decode()
    assert again.content.decode().count("csrfmiddlewaretoken") == 1  # the sign-out form's only
    assert "Биринчи жаңылык" in client.get("/ky/news/").content.decode()
    # Another filter is another list: a category with no article lists none.
    assert "Первая новость" not in client.get("/ru/news/?category=event").content.decode()
    ArticleFactory(title_ky="Экинчи жаңылык", title_ru="Вторая новость")
    assert "Вторая новость" in client.get("/ru/news/").content.decode()


def test_a_signed_in_article_keeps_its_text_and_related_and_its_own_comments(client, verified_user):
    client.force_login(verified_user)
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    article = ArticleFactory(title_ru="Итоги форума", body_ru="<p>Форум собрал делегатов.</p>", edition=edition)
    ArticleFactory(title_ru="Соседняя новость", edition=edition)
    path = article.get_absolute_url().replace("/ky/", "/ru/")
    _first, first_queries = _get(client, path)
    again, again_queries = _get(client, path)
    html = again.content.decode()
    assert again_queries < first_queries  # the related articles come from the fragment
    assert "Форум собрал делегатов." in html and "Соседняя новость" in html
    # The visitor's own comment form, with its token, around the kept parts; the share links name the article.
    assert 'action="/ru/news/' in html and "csrfmiddlewaretoken" in html
    assert "text=%D0%98%D1%82%D0%BE%D0%B3%D0%B8" in html
    article.body_ru = "<p>Форум собрал триста делегатов.</p>"
    article.save()
    assert "Форум собрал триста делегатов." in client.get(path).content.decode()


def test_a_signed_in_edition_list_is_kept_and_shows_a_new_edition_at_once(client, verified_user):
    client.force_login(verified_user)
    EditionFactory(year=2014, start_date="2014-08-26", end_date="2014-08-28", title_ru="Форум 2014")
    _first, first_queries = _get(client, "/ru/forum/")
    again, again_queries = _get(client, "/ru/forum/")
    html = again.content.decode()
    assert again_queries < first_queries and "Форум 2014" in html and html.count("csrfmiddlewaretoken") == 1
    EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28", title_ky="Форум 2016-жыл")
    assert "Форум 2016-жыл" in client.get("/ky/forum/").content.decode()


def test_a_signed_in_venue_page_keeps_its_venue_and_shows_a_new_hotel_at_once(client, verified_user):
    client.force_login(verified_user)
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28", venue=VenueFactory())
    _first, first_queries = _get(client, "/ru/forum/2016/venue/")
    again, again_queries = _get(client, "/ru/forum/2016/venue/")
    html = again.content.decode()
    assert again_queries < first_queries and "Ошский государственный университет" in html
    assert html.count("csrfmiddlewaretoken") == 1  # the sign-out form's only
    Hotel.objects.create(venue=edition.venue, name_ru="Гостиница Алай", name_ky="Алай мейманканасы")
    assert "Алай мейманканасы" in client.get("/ky/forum/2016/venue/").content.decode()
