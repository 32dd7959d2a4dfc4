"""An article written in one language only (issue 11): staff can save it from the admin in any
language, the language tabs mark what is missing, and every page shows it with the fallback note."""

import re

import pytest

from news.models import Article

pytestmark = pytest.mark.django_db

RUSSIAN_ONLY = {
    "slug": "moskva-vstrecha",
    "title_ky": "",
    "title_ru": "Встреча в Москве",
    "title_en": "",
    "lead_ru": "Коротко о встрече.",
    "body_ky": "",
    "body_ru": "<p>Только <strong>по-русски</strong>.</p>",
    "body_en": "",
    "category": "news",
    "status": "published",
    "published_at_0": "2026-01-02",
    "published_at_1": "10:00:00",
    "comments_enabled": "on",
}

NOTES = {"ky": "Орус тилинде гана", "en": "Available in Russian only"}


@pytest.mark.parametrize("admin_language", ["ky", "ru", "en"])
def test_a_russian_only_article_is_saved_from_the_admin_in_any_language(admin_client, admin_language):
    response = admin_client.post("/admin/news/article/add/", RUSSIAN_ONLY, HTTP_ACCEPT_LANGUAGE=admin_language)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.title_ru == "Встреча в Москве"
    assert not article.title_ky and not article.title_en
    # The Russian text survives whatever the admin's language (the body once was overwritten by
    # the Kyrgyz one, empty here, when saved from the Russian admin).
    assert article.body_ru == "<p>Только <strong>по-русски</strong>.</p>"
    assert not article.body_ky and not article.body_en

    # Editing it again from the Russian admin keeps it too.
    change = {**RUSSIAN_ONLY, "lead_ru": "Новое начало."}
    response = admin_client.post(f"/admin/news/article/{article.pk}/change/", change, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_ru == "Новое начало." and article.body_ru.startswith("<p>Только")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ky", "Муну жок дегенде бир тилде жазыңыз."),
        ("ru", "Заполните это хотя бы на одном языке."),
        ("en", "Write this in at least one language."),
    ],
)
def test_a_title_is_needed_in_at_least_one_language(admin_client, lang, message):
    response = admin_client.post(
        "/admin/news/article/add/", {**RUSSIAN_ONLY, "title_ru": ""}, HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("lang", ["ky", "en"])
def test_the_russian_only_article_shows_with_the_fallback_note(admin_client, client, lang):
    admin_client.post("/admin/news/article/add/", RUSSIAN_ONLY)
    html = client.get(f"/{lang}/news/moskva-vstrecha/").content.decode()
    assert re.search(r'<h1[^>]*lang="ru"[^>]*>\s*Встреча в Москве', html)
    assert NOTES[lang] in html
    listing = client.get(f"/{lang}/news/").content.decode()
    assert "Встреча в Москве" in listing and NOTES[lang] in listing
    russian = client.get("/ru/news/moskva-vstrecha/").content.decode()
    assert "Встреча в Москве" in russian and "Доступно только на русском" not in russian


def test_the_language_tabs_get_their_marks_script_and_field_data(admin_client):
    html = admin_client.get("/admin/news/article/add/").content.decode()
    assert "js/admin-translations.js" in html and "css/admin-translations.css" in html
    title = re.search(r"<input[^>]*name=\"title_ru\"[^>]*>", html).group(0)
    assert 'data-translation-of="title"' in title and 'data-language="ru"' in title
    assert "data-translation-required" in title
    assert 'data-missing-text="Бул тилде азырынча жазылган эмес"' in title
    lead = re.search(r"<textarea[^>]*name=\"lead_en\"[^>]*>", html).group(0)
    assert 'data-translation-of="lead"' in lead and "data-translation-required" not in lead


def test_the_demo_has_a_russian_only_article(client, demo):
    article = Article.objects.get(slug="directory-add-your-association")
    assert article.title_ru and not article.title_ky and not article.title_en
    for lang, note in NOTES.items():
        html = client.get(f"/{lang}/news/{article.slug}/").content.decode()
        assert note in html and "Как добавить своё объединение в справочник диаспоры" in html
