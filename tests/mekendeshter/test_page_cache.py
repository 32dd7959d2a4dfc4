"""Anonymous pages a cache can hold, and the page cache (mekendeshter.core.pagecache)."""

import datetime
import gzip
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve
from django.utils.csp import LazyNonce

from diaspora import services as diaspora_services
from diaspora.models import DirectoryEntry
from forum.models import Registration
from mekendeshter.apps import page_cache_parts
from mekendeshter.core import pagecache
from news import services as news_services
from news.models import Article, Comment, Newsletter
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    DirectoryEntryFactory,
    EditionFactory,
    OpenEditionFactory,
    RegistrationFactory,
)
from tests.forum.test_history import arrive
from tests.news.test_articles import article_form
from tests.utils import text_in_language

# Pages whose own form is posted and needs a CSRF token (and so its cookie): by URL name.
# Reached by the crawl below; others (sign-in, a proposal's support button) are for signed-in
# people or outside it.
POST_FORM_PAGES = {"contact", "forum:register", "subscribe:form"}
# Addresses a crawl of the public pages leaves alone: files, feeds, sign-in flows.
SKIP = re.compile(r"\.(ics|xml|png|jpe?g|svg|pdf)$|/feed/|/atom/|/accounts/|/static/|/media/")


def _sitemap_paths(client):
    xml = client.get("/sitemap.xml").content.decode()
    return sorted({urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)})


def _links(html):
    for href in re.findall(r'href="(/(?:ky|ru|en)/[^"#]*)', html):
        href = href.replace("&amp;", "&")
        if not SKIP.search(urlsplit(href).path):
            yield href


def crawl(client, limit=500):
    """Every public page reachable from the sitemap by the site's own links, as an anonymous visitor."""
    queue = deque(_sitemap_paths(client))
    seen = set(queue)
    while queue and len(seen) <= limit:
        path = queue.popleft()
        response = client.get(path)
        yield path, response
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            for link in _links(response.content.decode()):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)


def hit(response):
    return response.get("X-Page-Cache") == "hit"


@pytest.mark.django_db
def test_anonymous_pages_set_no_cookie_and_carry_no_token_unless_their_form_needs_one(client, demo):
    pages, forms = set(), set()
    for path, response in crawl(client):
        client.cookies.clear()
        assert response.status_code in (200, 302), path
        name = resolve(urlsplit(path).path).view_name
        pages.add(name)
        if name in POST_FORM_PAGES and response.status_code == 200:
            forms.add(name)
            assert "csrfmiddlewaretoken" in response.content.decode(), path
            continue
        assert not response.cookies, (path, list(response.cookies))
        assert "csrfmiddlewaretoken" not in response.content.decode(), path
    # The crawl met every kind of page, and every page listed as having a form.
    assert forms == POST_FORM_PAGES
    assert {"home", "forum:edition", "forum:programme", "forum:venue", "forum:outcome", "news:list"} <= pages
    assert {"news:detail", "diaspora:directory", "diaspora:experts", "search", "privacy"} <= pages


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_anonymous_content_pages_come_from_the_cache(client, demo, language):
    for path in (f"/{language}/", f"/{language}/forum/", f"/{language}/news/", f"/{language}/forum/2016/outcome/"):
        first = client.get(path)
        assert first["X-Page-Cache"] == "miss", path
        again = client.get(path)
        assert hit(again), path
        assert again.content == first.content
        assert again["Content-Language"] == language
        assert again["Content-Type"] == "text/html; charset=utf-8"
        assert set(again["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=60"}
        # One copy per encoding in a shared cache (GZipMiddleware compresses for those that accept it).
        assert again["Vary"] == "Cookie, Accept-Encoding"
        assert again["ETag"] == first["ETag"]
        # The security headers are the server's on every answer, kept or not.
        assert "script-src 'self';" in again["Content-Security-Policy"]
        assert again["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_pages_are_sent_compressed_kept_or_not_and_padded_apart(client, demo, language):
    """A browser that accepts gzip gets the page compressed, from the page cache too; shared caches
    keep the two encodings apart; and two answers of one page differ in length (the random padding
    of Django's GZipMiddleware, against BREACH), although the page itself is the same."""
    path = f"/{language}/forum/2016/programme/"
    plain = client.get(path)
    answers = [client.get(path, headers={"accept-encoding": "gzip, deflate, br"}) for _ in range(6)]
    assert all(hit(answer) for answer in answers)
    for answer in answers:
        assert answer["Content-Encoding"] == "gzip"
        assert answer["Vary"] == "Cookie, Accept-Encoding"
        assert gzip.decompress(answer.content) == plain.content
        assert len(answer.content) < len(plain.content) / 2
    assert len({len(answer.content) for answer in answers}) > 1
    assert f'<html lang="{language}">' in plain.content.decode()
    assert "<h1>Программа</h1>" in plain.content.decode()  # the heading, in Kyrgyz and in Russian alike


@pytest.mark.django_db
def test_languages_and_query_strings_are_kept_apart(client, demo):
    ky, ru = client.get("/ky/news/").content.decode(), client.get("/ru/news/").content.decode()
    assert '<html lang="ky">' in client.get("/ky/news/").content.decode()
    assert '<html lang="ru">' in client.get("/ru/news/").content.decode()
    assert ky != ru
    assert not hit(client.get("/ru/news/?category=event"))
    assert hit(client.get("/ru/news/?category=event"))


@pytest.mark.django_db
def test_conditional_get_answers_304(client, demo):
    first = client.get("/ru/news/")
    for response in (first, client.get("/ru/news/")):  # on the miss that keeps the page, and on a hit
        assert client.get("/ru/news/", headers={"if-none-match": response["ETag"]}).status_code == 304
    not_modified = client.get("/ru/news/", headers={"if-modified-since": first["Last-Modified"]})
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == first["ETag"]
    assert not not_modified.content
    assert client.get("/ru/news/", headers={"if-none-match": '"other"'}).status_code == 200


@pytest.mark.django_db
def test_a_staff_edit_in_the_admin_shows_at_once(client, admin_client):
    assert admin_client.post("/admin/news/article/add/", article_form()).status_code == 302
    article = Article.objects.get()
    path = f"/ru/news/{article.slug}/"
    client.get(path)
    before = client.get(path)
    assert hit(before)
    assert "Форум открылся" in before.content.decode()
    changed = admin_client.post(f"/admin/news/article/{article.pk}/change/", article_form(title_ru="Форум закрылся"))
    assert changed.status_code == 302
    after = client.get(path)
    assert not hit(after)
    assert "Форум закрылся" in after.content.decode()
    assert "Форум открылся" not in after.content.decode()
    # The list changes as well: every kept page is stale after an edit.
    assert "Форум закрылся" in client.get("/ru/news/").content.decode()


@pytest.mark.django_db
def test_an_admin_action_without_signals_shows_at_once(client, admin_client):
    # Approving comments is a bulk update (no post_save): the admin's POST makes kept pages stale.
    comment = CommentFactory(status=Comment.Status.PENDING, body="Жашасын мекендештер!")
    path = f"/ky/news/{comment.article.slug}/"
    client.get(path)
    before = client.get(path)
    assert hit(before)
    assert "Жашасын мекендештер!" not in before.content.decode()
    response = admin_client.post(
        "/admin/news/comment/", {"action": "approve", "_selected_action": [comment.pk]}, follow=False
    )
    assert response.status_code == 302
    assert "Жашасын мекендештер!" in client.get(path).content.decode()


@pytest.mark.django_db
def test_services_and_deletes_make_kept_pages_stale(client):
    article = ArticleFactory(title_en="Before")
    client.get("/en/news/")
    assert hit(client.get("/en/news/"))
    article.title_en = "After"
    news_services.article_save(article=article)
    assert "After" in client.get("/en/news/").content.decode()
    news_services.article_delete(article=article)
    assert "After" not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_a_registration_shows_at_once_in_the_places_left_and_leaves_other_kept_pages_alone(client):
    edition = OpenEditionFactory(capacity=100)
    RegistrationFactory(edition=edition)
    for path in ("/ky/", "/ru/", "/ru/news/"):
        client.get(path)
        assert hit(client.get(path)), path
    assert "100 орундан 99 орун бош" in text_in_language(client.get("/ky/").content.decode(), "ky")
    RegistrationFactory(edition=edition)
    for language, places in (("ky", "100 орундан 98 орун бош"), ("ru", "Свободно 98 мест из 100")):
        home = client.get(f"/{language}/")
        assert not hit(home)
        assert places in text_in_language(home.content.decode(), language)
    # A cancellation frees a place at once too.
    registration = Registration.objects.filter(edition=edition).first()
    registration.status = Registration.Status.CANCELLED
    registration.save()
    assert "Свободно 99 мест из 100" in text_in_language(client.get("/ru/").content.decode(), "ru")
    # Pages that show no registration stay kept through the registration peak.
    assert hit(client.get("/ru/news/"))


@pytest.mark.django_db
def test_registrations_and_arrivals_show_at_once_on_a_kept_directory_entry(client):
    held = EditionFactory(year=2018, number=4, start_date=datetime.date(2018, 8, 1), end_date=None)
    entry = DirectoryEntryFactory(display_name="Болот Асанов", show_forum_history=True)
    registration = RegistrationFactory(user=entry.user, edition=held, status=Registration.Status.PENDING)
    path = f"/ru/directory/{entry.slug}/"
    client.get(path)
    assert hit(client.get(path))
    assert "Участие в форумах" not in client.get(path).content.decode()
    registration.status = Registration.Status.CONFIRMED
    registration.save()
    assert "Участие в форумах: 2018" in client.get(path).content.decode()
    # Once arrivals are recorded at 2018, only people who arrived took part: another person's
    # arrival takes the year off this page, and this person's own arrival puts it back.
    other = RegistrationFactory(edition=held)
    arrive(other, datetime.date(2018, 8, 1))
    assert "Участие в форумах" not in client.get(path).content.decode()
    arrive(registration, datetime.date(2018, 8, 1))
    assert "Участие в форумах: 2018" in client.get(path).content.decode()


@pytest.mark.django_db
def test_a_registration_makes_the_kept_statistics_page_stale(client):
    held = EditionFactory(year=2018, number=4, start_date=datetime.date(2018, 8, 1), end_date=None)
    RegistrationFactory.create_batch(6, edition=held, country="RU")
    client.get("/ru/forum/statistics/")
    before = client.get("/ru/forum/statistics/")
    assert hit(before)
    RegistrationFactory(edition=held, country="RU")
    after = client.get("/ru/forum/statistics/")
    assert not hit(after)
    assert after["ETag"] != before["ETag"]


def test_models_declare_only_parts_the_cache_knows():
    # A model's PAGE_CACHE_PARTS is checked when the site starts; unknown names refuse to start.
    class Wrong:
        PAGE_CACHE_PARTS = ("registration",)  # a typo of "registrations"
        _meta = Registration._meta

    with pytest.raises(ImproperlyConfigured):
        page_cache_parts(Wrong)
    assert page_cache_parts(Registration) == ("registrations",)
    assert page_cache_parts(Article) is None  # not declared: every kept page
    # A many-to-many table follows the model that declares the field: a newsletter's articles.
    assert page_cache_parts(Newsletter.articles.through) == ()


@pytest.mark.django_db
def test_a_signed_in_visitor_never_gets_the_anonymous_page_nor_the_reverse(client, verified_user, demo):
    client.get("/ky/news/")
    assert hit(client.get("/ky/news/"))
    signed_in = client.__class__()
    signed_in.force_login(verified_user)
    response = signed_in.get("/ky/news/")
    html = response.content.decode()
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "/ky/me/" in html and "csrfmiddlewaretoken" in html  # their menu and sign-out form
    # What they saw was not kept: the anonymous visitor still gets the anonymous page.
    anonymous = client.get("/ky/news/")
    assert hit(anonymous)
    assert "/ky/me/" not in anonymous.content.decode()
    assert "csrfmiddlewaretoken" not in anonymous.content.decode()


@pytest.mark.django_db
def test_a_signed_in_visitors_page_is_never_kept(client, verified_user, demo):
    signed_in = client.__class__()
    signed_in.force_login(verified_user)
    signed_in.get("/ru/")
    signed_in.get("/ru/")
    first = client.get("/ru/")
    assert first["X-Page-Cache"] == "miss"
    html = first.content.decode()
    assert verified_user.email not in html and "/ru/me/" not in html and "csrfmiddlewaretoken" not in html


@pytest.mark.django_db
def test_pages_with_a_form_or_a_message_are_not_kept(client, demo):
    for _ in range(2):
        response = client.get("/ru/contact/")
        assert "X-Page-Cache" not in response
        assert "csrfmiddlewaretoken" in response.content.decode()
        client.cookies.clear()
    # A visitor with a message waiting (messages cookie) gets their own page, which is not kept.
    client.cookies["messages"] = "pending"
    client.get("/ru/news/")
    assert "X-Page-Cache" not in client.get("/ru/news/")
    del client.cookies["messages"]
    assert client.get("/ru/news/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_kept_directory_pages_still_count_against_the_limit(client, settings, demo):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (3, 600)}
    answers = [client.get("/ky/directory/") for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [answer.get("X-Page-Cache") for answer in answers] == ["miss", "hit", "hit", None]
    # Neither the kept page nor a revalidation (304) lifts the limit for that client.
    assert client.get("/ky/directory/", headers={"if-none-match": answers[0]["ETag"]}).status_code == 429
    # The 429 was not kept: another client gets the kept page, counted for them.
    other = client.get("/ky/directory/", REMOTE_ADDR="198.51.100.7")
    assert hit(other)
    assert other.status_code == 200


@pytest.mark.django_db
def test_a_kept_search_counts_against_both_limits_and_holds_people_back_past_the_directorys(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (2, 600), "search": (100, 600)}
    DirectoryEntryFactory(display_name="Болот Асанов")
    first, second = client.get("/ru/search/?q=Асанов"), client.get("/ru/search/?q=Асанов")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Болот <mark>Асанов</mark>" in second.content.decode()
    # Past the directory's limit the search is answered by the view, without people, and not kept.
    third = client.get("/ru/search/?q=Асанов")
    assert "X-Page-Cache" not in third
    assert third.status_code == 200
    assert "Болот" not in third.content.decode()
    assert "Люди из справочника сейчас не показаны" in third.content.decode()
    assert client.get("/ru/directory/").status_code == 429
    # Another client still gets the kept page with people: the held-back answer was not kept.
    other = client.get("/ru/search/?q=Асанов", REMOTE_ADDR="198.51.100.8")
    assert hit(other)
    assert "Болот <mark>Асанов</mark>" in other.content.decode()


@pytest.mark.django_db
def test_a_kept_search_counts_against_the_search_limit(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (2, 600)}
    answers = [client.get("/ky/search/?q=Ош") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert hit(answers[1])
    assert "Сиздин тармактан өтө көп аракет жасалды." in answers[2].content.decode()


@pytest.mark.django_db
def test_query_strings_are_one_page_in_any_order(client):
    DirectoryEntryFactory(display_name="Болот Асанов", country="KZ", city="Алматы")
    first = client.get("/ru/directory/?q=Асанов&country=KZ")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/ru/directory/?country=KZ&q=Асанов")
    assert hit(again)
    assert "Болот Асанов" in again.content.decode()
    assert not hit(client.get("/ru/directory/?country=RU&q=Асанов"))


@pytest.mark.django_db
def test_an_entry_hidden_by_staff_leaves_kept_directory_pages_at_once(client):
    entry = DirectoryEntryFactory(display_name="Болот Асанов")
    client.get("/ky/directory/")
    assert "Болот Асанов" in client.get("/ky/directory/").content.decode()
    diaspora_services.entry_hide_by_staff(entries=[entry])
    after = client.get("/ky/directory/")
    assert not hit(after)
    assert "Болот Асанов" not in after.content.decode()
    diaspora_services.entry_set_hidden(entry=DirectoryEntry.objects.get(pk=entry.pk), hidden=True)
    diaspora_services.entry_show_by_staff(entries=[entry])
    assert "Болот Асанов" not in client.get("/ky/directory/").content.decode()  # the person hid it too
    diaspora_services.entry_set_hidden(entry=DirectoryEntry.objects.get(pk=entry.pk), hidden=False)
    assert "Болот Асанов" in client.get("/ky/directory/").content.decode()


@pytest.mark.django_db
def test_the_cache_can_be_turned_off(client, settings, demo):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/ky/news/")
    response = client.get("/ky/news/")
    assert "X-Page-Cache" not in response
    assert "ETag" not in response and "public" not in response.get("Cache-Control", "")


def _middleware_answer(view):
    request = RequestFactory().get("/ky/news/")
    request._csp_nonce = LazyNonce()
    return pagecache.PageCacheMiddleware(lambda req: view(req))(request)


def test_a_page_that_uses_the_csp_nonce_is_not_kept(db):
    # A nonce in kept HTML would not match the next answer's header, so such a page is never kept.
    with_nonce = _middleware_answer(lambda request: HttpResponse(f'<script nonce="{request._csp_nonce}">'))
    assert "X-Page-Cache" not in with_nonce
    without = _middleware_answer(lambda request: HttpResponse("<p>kept</p>"))
    assert without["X-Page-Cache"] == "miss"
    assert _middleware_answer(lambda request: HttpResponse("<p>other</p>"))["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_the_language_choice_is_remembered_even_for_a_kept_page(client, demo):
    client.get("/ru/news/")
    assert hit(client.get("/ru/news/"))
    response = client.get("/ru/news/", headers={"referer": "http://testserver/ky/news/"})
    assert response.cookies["django_language"].value == "ru"
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_open_while_the_cache_is_down(client, settings, demo):
    # Nothing listens on port 1: every cache call fails at once. Anonymous pages are rendered.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/ru/news/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "Новости и события" in response.content.decode()


@pytest.mark.django_db
def test_a_change_within_the_same_second_gets_a_later_last_modified(client, monkeypatch):
    monkeypatch.setattr(pagecache, "_now", lambda: 1_800_000_000.25)
    article = ArticleFactory(title_en="Before")
    first = client.get("/en/news/")
    article.title_en = "After"
    news_services.article_save(article=article)
    second = client.get("/en/news/")
    assert "After" in second.content.decode()
    assert second["ETag"] != first["ETag"]
    assert client.get("/en/news/", headers={"if-modified-since": first["Last-Modified"]}).status_code == 200


@pytest.mark.django_db
def test_registration_statistics_are_never_kept(client):
    edition = OpenEditionFactory()
    RegistrationFactory.create_batch(5, edition=edition, country="RU")
    url = f"/ru/forum/{edition.year}/registrations/"
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)
    RegistrationFactory.create_batch(5, edition=edition, country="DE")
    assert "Германия" in client.get(url).content.decode()
