"""An article's comments are kept for anonymous visitors as a fragment per article, language and
content version (news.views._comments): no comment query on a repeat visit, a moderator's decision
shown at once, and nothing of a signed-in reader (their pending comment, actions, token) kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import services
from news.models import Comment
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the fragment is what is tested, not the whole kept page


@pytest.fixture
def article():
    return ArticleFactory(title_ky="Форум башталды", title_ru="Форум открылся")


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries if "news_comment" in query["sql"]]


def test_kept_comments_cost_no_comment_query_in_each_language(client, article):
    CommentFactory(article=article, body="Куттуктайбыз, мекендештер!")
    CommentFactory(article=article, body="Скрытый", status=Comment.Status.HIDDEN)
    html, queries = _get(client, f"/ky/news/{article.slug}/")
    assert "Куттуктайбыз, мекендештер!" in html and queries
    again, queries = _get(client, f"/ky/news/{article.slug}/")
    assert "Куттуктайбыз, мекендештер!" in again and "Скрытый" not in again and queries == []
    russian, _queries = _get(client, f"/ru/news/{article.slug}/")
    assert "Куттуктайбыз, мекендештер!" in russian and "Комментарии" in russian
    assert "Войдите, чтобы оставить комментарий" in russian


def test_an_empty_list_is_kept_in_the_page_language(client, article):
    assert "Азырынча пикирлер жок." in _get(client, f"/ky/news/{article.slug}/")[0]
    assert "Комментариев пока нет." in _get(client, f"/ru/news/{article.slug}/")[0]


def test_approval_and_hiding_show_at_once(client, article):
    pending = CommentFactory(article=article, body="Күтүүдөгү пикир", status=Comment.Status.PENDING)
    assert "Күтүүдөгү пикир" not in _get(client, f"/ky/news/{article.slug}/")[0]
    services.comment_set_status(queryset=Comment.objects.filter(pk=pending.pk), status=Comment.Status.PUBLISHED)
    assert "Күтүүдөгү пикир" in _get(client, f"/ky/news/{article.slug}/")[0]
    services.comment_set_status(queryset=Comment.objects.filter(pk=pending.pk), status=Comment.Status.HIDDEN)
    assert "Күтүүдөгү пикир" not in _get(client, f"/ky/news/{article.slug}/")[0]


def test_a_new_and_a_deleted_comment_show_at_once(client, article, verified_user):
    assert "Жаңы пикир" not in _get(client, f"/ky/news/{article.slug}/")[0]
    comment = CommentFactory(article=article, author=verified_user, body="Жаңы пикир")
    assert "Жаңы пикир" in _get(client, f"/ky/news/{article.slug}/")[0]
    services.comment_delete(comment=comment, user=verified_user)
    assert "Жаңы пикир" not in _get(client, f"/ky/news/{article.slug}/")[0]


def test_a_signed_in_reader_gets_their_own_list_and_nothing_of_theirs_is_kept(client, article, verified_user):
    CommentFactory(article=article, body="Чужой комментарий")
    CommentFactory(article=article, author=verified_user, body="Мой комментарий", status=Comment.Status.PENDING)
    anonymous, _queries = _get(client, f"/ru/news/{article.slug}/")  # the list kept first
    assert "Чужой комментарий" in anonymous and "Мой комментарий" not in anonymous
    assert "csrfmiddlewaretoken" not in anonymous and "Пожаловаться" not in anonymous
    client.force_login(verified_user)
    own, queries = _get(client, f"/ru/news/{article.slug}/")
    assert queries  # rendered for them, not the anonymous list
    assert "Мой комментарий" in own and "этот комментарий видите только вы" in own
    assert "Пожаловаться" in own and f"/ru/news/{article.slug}/comments/" in own
    client.logout()
    after, _queries = _get(client, f"/ru/news/{article.slug}/")
    assert "Мой комментарий" not in after and "Пожаловаться" not in after and "csrfmiddlewaretoken" not in after
