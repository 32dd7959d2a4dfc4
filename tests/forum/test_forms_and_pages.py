"""Forms that help, the privacy policy, share links and related articles."""

import re

import pytest

from forum.models import Page
from news.models import Article
from tests.factories import OpenEditionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_privacy_policy_page_in_ky_and_ru(client, demo):
    html = client.get("/ky/privacy/").content.decode()
    assert re.search(r"<h1\s*>Жеке маалыматтарды коргоо саясаты</h1>", html)
    assert "форумду уюштуруу жана Сиз менен байланышуу үчүн гана колдонулат" in html
    html = client.get("/ru/privacy/").content.decode()
    assert "Политика конфиденциальности</h1>" in html
    assert "Мы не продаём ваши данные" in html


def test_privacy_policy_is_the_staffs_text(client, demo):
    Page.objects.filter(slug=Page.PRIVACY).update(body_ru="Новая редакция политики.")
    assert "Новая редакция политики." in client.get("/ru/privacy/").content.decode()


def test_privacy_policy_missing_is_a_404(client):
    assert client.get("/ru/privacy/").status_code == 404


@pytest.mark.parametrize("path", ["/ky/contact/", "/ky/subscribe/", "/ky/"])
def test_every_consent_links_the_privacy_policy(client, path):
    html = client.get(path).content.decode()
    assert 'href="/ky/privacy/"' in html


def test_registration_form_links_the_policy_and_puts_checkboxes_before_labels(client):
    edition = OpenEditionFactory()
    client.force_login(UserFactory())
    html = client.get(f"/ky/forum/{edition.year}/register/").content.decode()
    assert "Жеке маалыматтарыңызды кантип колдоноорубуз" in html
    assert re.search(
        r'<div class="field field--checkbox">\s*<input type="checkbox" name="privacy_consent"[^>]*>\s*'
        r'<label for="id_privacy_consent">',
        html,
    )
    # The transfer and hotel details sit in blocks shown only when their box is ticked.
    transfer = html.index('name="needs_transfer"')
    assert (
        html.index('<div class="conditional">', transfer)
        < html.index('name="arrival_date"')
        < html.index('name="needs_accommodation"')
    )


def test_contact_form_select_prompt_is_translated(client, demo):
    assert "— Тандаңыз —" in client.get("/ky/contact/").content.decode()
    assert "— Выберите —" in client.get("/ru/contact/").content.decode()
    assert "Select an option" not in client.get("/ky/contact/").content.decode()


def test_condolence_note_gets_no_announcements_as_related(client, demo):
    response = client.get("/ky/news/2016-08-28-condolences/")
    related = list(response.context["related"])
    assert related
    assert Article.Category.ANNOUNCEMENT not in {article.category for article in related}


@pytest.mark.parametrize("path", ["/ru/forum/2016/", "/ru/forum/2016/outcome/"])
def test_edition_and_outcome_pages_have_share_links(client, demo, path):
    html = client.get(path).content.decode()
    assert 'href="https://t.me/share/url?url=http%3A%2F%2Ftestserver' + path.replace("/", "%2F") in html
    assert "https://wa.me/?text=" in html and "https://vk.com/share.php?url=" in html
    assert "data-copy-link" in html
