"""The header's brand and menu and the footer are rendered once per worker, language and current
menu item (mekendeshter.core.fragments.static_part): what differs per request stays right."""

import re

import pytest

from mekendeshter.core import fragments
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _nav(html):
    return html[html.index('<ul class="site-nav__list">') : html.index('<ul class="site-nav__account">')]


def test_the_menu_marks_each_page_after_it_was_kept(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # each page rendered, its parts from the worker's memory
    for _ in range(2):  # the second round comes from the worker's memory
        news = _nav(client.get("/ky/news/").content.decode())
        assert re.search(r'href="/ky/news/"\s+aria-current="page">Жаңылыктар</a>', news)
        assert news.count("aria-current=") == 1
        search = _nav(client.get("/ru/search/").content.decode())
        assert re.search(r'href="/ru/search/"\s+aria-current="page">Поиск</a>', search)
        assert re.search(r'href="/ru/news/"\s*>Новости</a>', search)
        assert search.count("aria-current=") == 1
        contact = _nav(client.get("/ru/contact/").content.decode())
        assert re.search(r'href="/ru/contact/"\s+aria-current="page">Контакты</a>', contact)


def test_the_footer_follows_the_language(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert "Уюштуруучу комитет" in client.get("/ky/news/").content.decode()
        html = client.get("/ru/news/").content.decode()
        assert "Организационный комитет" in html
        assert 'href="/ru/privacy/"' in html


def test_kept_parts_hold_no_token_and_no_visitor(client):
    user = UserFactory(first_name="Айгүл", email="aigul@example.org")
    client.force_login(user)
    html = client.get("/ky/me/").content.decode()
    # The signed-in menu stays the visitor's own, with its sign-out form and token.
    assert re.search(r'href="/ky/me/"\s+aria-current="page"', html)
    assert 'action="/ky/accounts/logout/"' in html and "csrfmiddlewaretoken" in html
    client.get("/ru/news/")
    assert fragments._parts
    for part in fragments._parts.values():
        assert "csrfmiddlewaretoken" not in part
        assert "/me/" not in part and "aigul@example.org" not in part and "logout" not in part
    client.logout()
    anonymous = client.get("/ky/news/").content.decode()
    assert 'href="/ky/accounts/login/?next=/ky/news/"' in anonymous
    assert "logout" not in anonymous and "csrfmiddlewaretoken" not in anonymous
