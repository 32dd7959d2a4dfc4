"""The directory's lists are kept as a fragment per language, content version and query string
(diaspora.views.directory): the same lists for everyone, never anyone's token, the limits kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from diaspora import services
from tests.factories import AssociationFactory, DirectoryEntryFactory

pytestmark = pytest.mark.django_db


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def _list_queries(queries):
    return [sql for sql in queries if "diaspora_directoryentry" in sql or "diaspora_association" in sql]


def test_kept_lists_follow_the_query_string_and_cost_no_list_query(client, settings, verified_user):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(verified_user)
    DirectoryEntryFactory(country="RU", display_name="Айгүл Москва")
    DirectoryEntryFactory(country="KZ", display_name="Бакыт Алматы")
    AssociationFactory(country="KZ", name_ky="Алматы кыргыздары", name_ru="Кыргызы Алматы", is_published=True)
    html, queries = _get(client, "/ky/directory/")
    assert "Айгүл Москва" in html and "Бакыт Алматы" in html and _list_queries(queries)
    again, queries = _get(client, "/ky/directory/")
    assert "Айгүл Москва" in again and "Алматы кыргыздары" in again and _list_queries(queries) == []
    # The signed-in visitor's own header around the kept lists; the lists hold no token.
    assert "/ky/accounts/logout/" in again and again.count("csrfmiddlewaretoken") == 1
    kazakh, _queries = _get(client, "/ru/directory/?country=KZ")
    assert "Бакыт Алматы" in kazakh and "Айгүл Москва" not in kazakh and "Кыргызы Алматы" in kazakh
    # The same parameters in another order are the same lists.
    _html, queries = _get(client, "/ru/directory/?people=1&country=KZ")
    _html, queries = _get(client, "/ru/directory/?country=KZ&people=1")
    assert _list_queries(queries) == []


def test_a_hidden_entry_leaves_the_kept_lists_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    entry = DirectoryEntryFactory(country="RU", display_name="Айгүл Москва")
    assert "Айгүл Москва" in client.get("/ru/directory/").content.decode()
    services.entry_set_hidden(entry=entry, hidden=True)
    assert "Айгүл Москва" not in client.get("/ru/directory/").content.decode()
    entry.refresh_from_db()
    services.entry_set_hidden(entry=entry, hidden=False)
    assert "Айгүл Москва" in client.get("/ru/directory/").content.decode()
    services.entry_hide_by_staff(entries=[entry])  # an update(): the service bumps the version itself
    assert "Айгүл Москва" not in client.get("/ru/directory/").content.decode()


def test_kept_lists_lift_no_rate_limit(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (2, 600)}
    DirectoryEntryFactory(display_name="Айгүл Москва")
    assert client.get("/ru/directory/").status_code == 200
    assert client.get("/ru/directory/").status_code == 200
    response = client.get("/ru/directory/")
    assert response.status_code == 429 and "Айгүл Москва" not in response.content.decode()


# The expert roster is kept the same way (diaspora.views.experts).


def test_kept_experts_follow_the_query_string_and_cost_no_list_query(client, settings, verified_user):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(verified_user)
    DirectoryEntryFactory(country="RU", display_name="Айгүл Москва", is_expert=True, expertise="Укук")
    DirectoryEntryFactory(country="KZ", display_name="Бакыт Алматы", is_expert=True, expertise="Медицина")
    DirectoryEntryFactory(country="KZ", display_name="Эксперт эмес", is_expert=False)
    html, queries = _get(client, "/ky/directory/experts/")
    assert "Айгүл Москва" in html and "Бакыт Алматы" in html and "Эксперт эмес" not in html and _list_queries(queries)
    again, queries = _get(client, "/ky/directory/experts/")
    assert "Айгүл Москва" in again and "Укук" in again and _list_queries(queries) == []
    # The signed-in visitor's own header around the kept roster; the roster holds no token.
    assert "/ky/accounts/logout/" in again and again.count("csrfmiddlewaretoken") == 1
    kazakh, _queries = _get(client, "/ru/directory/experts/?country=KZ")
    assert "Бакыт Алматы" in kazakh and "Айгүл Москва" not in kazakh
    _html, queries = _get(client, "/ru/directory/experts/?page=1&country=KZ")
    _html, queries = _get(client, "/ru/directory/experts/?country=KZ&page=1")
    assert _list_queries(queries) == []
    empty, _queries = _get(client, "/ru/directory/experts/?q=Жокбекова")
    assert "Здесь пока нет экспертов." in empty


def test_a_hidden_expert_leaves_the_kept_roster_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    entry = DirectoryEntryFactory(country="RU", display_name="Айгүл Москва", is_expert=True)
    assert "Айгүл Москва" in client.get("/ru/directory/experts/").content.decode()
    services.entry_set_hidden(entry=entry, hidden=True)
    assert "Айгүл Москва" not in client.get("/ru/directory/experts/").content.decode()
    assert "Азырынча бул жерде эксперттер жок." in client.get("/ky/directory/experts/").content.decode()


def test_kept_experts_lift_no_rate_limit(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (2, 600)}
    DirectoryEntryFactory(display_name="Айгүл Москва", is_expert=True)
    assert client.get("/ru/directory/experts/").status_code == 200
    assert client.get("/ru/directory/experts/").status_code == 200
    response = client.get("/ru/directory/experts/")
    assert response.status_code == 429 and "Айгүл Москва" not in response.content.decode()
