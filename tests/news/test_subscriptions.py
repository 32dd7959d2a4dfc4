import re

import pytest
from django.core import mail, signing
from django.core.cache import cache

from news import services
from news.models import Subscription
from tests.utils import rate_limit

pytestmark = pytest.mark.django_db

SUBSCRIBE_LIMIT = rate_limit("subscribe")


def confirm_link(message):
    return re.search(r"https?://\S+/subscribe/confirm/\S+/", message.body).group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def subscribe(client, django_capture_on_commit_callbacks, lang="ru", **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"/{lang}/subscribe/",
            {"email": "asel@example.org", "language": lang, "news": "on", "announcements": "on", **data},
        )


def test_subscribe_page(client):
    html = client.get("/ru/subscribe/").content.decode()
    assert "<h1>Подписаться на новости и события</h1>" in html
    assert '<button type="submit" class="button button--primary">Подписаться</button>' in html
    assert '<input type="email" name="email"' in html
    assert 'value="ru" selected' in html


def test_honeypot_pretends_success_and_sends_nothing(client, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/ru/subscribe/sent/"
    assert mail.outbox == []


def test_double_opt_in(client, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks, announcements="")
    assert response.status_code == 302 and response["Location"] == "/ru/subscribe/sent/"
    # Nothing is stored before the owner of the address confirms.
    assert not Subscription.objects.exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["asel@example.org"]
    assert message.subject and "\n" not in message.subject
    link = confirm_link(message)
    assert link.startswith("http://127.0.0.1:8000/ru/subscribe/confirm/")
    # Opening the link shows a button (mail scanners that follow links confirm nothing).
    assert client.get(path_of(link)).status_code == 200
    assert not Subscription.objects.exists()
    response = client.post(path_of(link))
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language, subscription.news, subscription.announcements) == (
        "asel@example.org",
        "ru",
        True,
        False,
    )
    assert subscription.status == Subscription.Status.CONFIRMED
    # Confirming twice changes nothing.
    client.post(path_of(link))
    assert Subscription.objects.count() == 1


def test_same_answer_for_known_and_unknown_addresses(client, django_capture_on_commit_callbacks):
    unknown = subscribe(client, django_capture_on_commit_callbacks)
    Subscription.objects.create(email="known@example.org", status=Subscription.Status.CONFIRMED)
    known = subscribe(client, django_capture_on_commit_callbacks, email="KNOWN@example.org")
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    page_unknown = re.sub(r'value="\w{64}"', "", client.get(unknown["Location"]).content.decode())
    page_known = re.sub(r'value="\w{64}"', "", client.get(known["Location"]).content.decode())
    assert page_unknown == page_known


def test_subscribing_twice_leaves_one_subscription(client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks)
    cache.clear()  # the resend interval would hold the second letter back
    subscribe(client, django_capture_on_commit_callbacks, email="Asel@Example.org", language="en")
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        client.post(path_of(confirm_link(message)))
    subscription = Subscription.objects.get()
    assert subscription.language == "en"  # the last confirmed choice wins


def test_one_confirmation_letter_per_interval(client, django_capture_on_commit_callbacks):
    for _ in range(3):
        subscribe(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_expired_or_forged_link(client, settings, django_capture_on_commit_callbacks):
    token = services.subscription_confirm_token(email="a@example.org", language="ky", news=True, announcements=True)
    response = client.post(f"/ky/subscribe/confirm/{token[:-2]}xx/")
    assert response.status_code == 400
    settings.SUBSCRIPTION_CONFIRM_DAYS = -1
    response = client.post(f"/ky/subscribe/confirm/{token}/")
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_unsubscribe_page_and_one_click_post(client):
    subscription = Subscription.objects.create(email="a@example.org", status=Subscription.Status.CONFIRMED)
    url = subscription.get_unsubscribe_url()
    assert url.startswith("/ky/subscribe/unsubscribe/")
    assert client.get(url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED
    # What a mail program sends for List-Unsubscribe-Post: no cookie, no CSRF token.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert client.post("/ky/subscribe/unsubscribe/nope/").status_code == 404


def test_bad_input(client, django_capture_on_commit_callbacks):
    for data in (
        {"email": "not-an-email"},
        {"email": "<script>@example.org"},
        {"email": "a@example.org", "language": "xx"},
        {"email": "a@example.org", "news": "", "announcements": ""},
        {"email": ("ы" * 300) + "@example.org"},
    ):
        response = subscribe(client, django_capture_on_commit_callbacks, **data)
        assert response.status_code == 200, data
        assert "<script>@" not in response.content.decode()
    assert mail.outbox == []


def test_honeypot_and_rate_limit(client, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302
    assert mail.outbox == []
    for _ in range(SUBSCRIBE_LIMIT - 1):
        subscribe(client, django_capture_on_commit_callbacks)
    assert subscribe(client, django_capture_on_commit_callbacks).status_code == 429


def test_confirm_token_is_signed(client):
    token = signing.dumps({"e": "x@example.org", "l": "ky", "n": True, "a": True}, salt="other")
    assert client.post(f"/ky/subscribe/confirm/{token}/").status_code == 400


def test_subscribe_page_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/ky/subscribe/")


def test_subscribe_to_the_progress_of_recommendations_only(client, django_capture_on_commit_callbacks):
    response = subscribe(
        client, django_capture_on_commit_callbacks, lang="ky", news="", announcements="", recommendations="on"
    )
    assert response.status_code == 302
    client.post(path_of(confirm_link(mail.outbox[0])))
    subscription = Subscription.objects.get()
    assert (subscription.news, subscription.announcements, subscription.recommendations) == (False, False, True)


def test_the_progress_page_link_asks_for_the_topic(client):
    html = client.get("/en/subscribe/?topic=recommendations").content.decode()
    assert re.search(r'<input type="checkbox" name="recommendations"[^>]* checked', html)
    assert not re.search(r'<input type="checkbox" name="news"[^>]* checked', html)
    assert "Progress on the forum&#x27;s recommendations" in html
    # Without it, the topic is not chosen for the reader.
    html = client.get("/ru/subscribe/").content.decode()
    assert not re.search(r'<input type="checkbox" name="recommendations"[^>]* checked', html)
    assert "Выполнение рекомендаций форума" in html


def test_links_mailed_before_the_topic_existed_still_confirm(client):
    token = signing.dumps(
        {"e": "old@example.org", "l": "ru", "n": True, "a": False}, salt=services.CONFIRM_SALT, compress=True
    )
    assert client.post(f"/ru/subscribe/confirm/{token}/").status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.news, subscription.recommendations) == (True, False)
