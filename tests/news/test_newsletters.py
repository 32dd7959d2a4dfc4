import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from news import services
from news.models import Delivery, Newsletter
from tests.factories import ArticleFactory, NewsletterFactory, SubscriptionFactory
from tests.news.test_services import send
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


# --- The admin ------------------------------------------------------------------------------


def test_admin_compose_preview_test_and_send(admin_client, admin_user, django_capture_on_commit_callbacks):
    admin_user.email = "staff@example.org"
    admin_user.save()
    article = ArticleFactory(title_ru="Статья для рассылки")
    SubscriptionFactory.create_batch(3, language="ru")
    response = admin_client.post(
        "/admin/news/newsletter/add/",
        {
            "subject_ky": "Кат",
            "subject_ru": "Письмо",
            "subject_en": "Letter",
            "body_ky": "Салам",
            "body_ru": "Привет",
            "body_en": "Hello",
            "topic": "news",
            "articles": [article.pk],
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    newsletter = Newsletter.objects.get()
    change = f"/admin/news/newsletter/{newsletter.pk}/change/"
    html = admin_client.get(change).content.decode()
    assert "preview/ru/" in html

    preview = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/preview/ru/").content.decode()
    assert "Привет" in preview and "Статья для рассылки" in preview

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/test/")
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert mail.outbox[0].subject.startswith("[TEST]")
    mail.outbox.clear()

    confirm = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/send/").content.decode()
    assert "3" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/send/")
    assert len(mail.outbox) == 3
    html = admin_client.get(change).content.decode()
    assert '<progress max="3" value="3"></progress>' in html
    listing = admin_client.get("/admin/news/newsletter/").content.decode()
    assert '<progress max="3" value="3"></progress>' in listing
    # Sent: nothing can be sent a second time from the admin.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/send/")
    assert len(mail.outbox) == 3


def test_admin_test_send_button_is_not_a_nested_form(admin_client, admin_user, django_capture_on_commit_callbacks):
    admin_user.email = "staff@example.org"
    admin_user.save()
    newsletter = NewsletterFactory()
    html = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/change/").content.decode()
    form = html[html.index('id="newsletter_form"') :]
    form = form[: form.index("</form>")]
    assert "<form" not in form[1:]
    assert f'formaction="/admin/news/newsletter/{newsletter.pk}/test/"' in form
    # The button posts the whole change form (its fields and CSRF token) to the test address.
    data = {"subject_ky": newsletter.subject_ky, "topic": "news"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/test/", data)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]


def test_admin_send_page_counts_recipients_per_language_and_refuses_a_missing_one(admin_client, settings):
    settings.LANGUAGE_CODE = "ru"
    SubscriptionFactory.create_batch(2, language="ky")
    SubscriptionFactory(language="ru")
    newsletter = NewsletterFactory(subject_ru="", body_ru="")
    response = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/send/", headers={"accept-language": "ru"})
    html = response.content.decode()
    rows = {code: (count, missing) for code, _name, count, missing in response.context["languages"]}
    assert rows == {"ky": (2, False), "ru": (1, True), "en": (0, False)}
    assert "Отправить сейчас" not in html and '<button type="submit" class="button default">' not in html
    assert "Напишите тему и текст" in html
    admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/send/")
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT


def test_admin_preview_keeps_the_admins_language(admin_client):
    newsletter = NewsletterFactory()
    admin_client.cookies["django_language"] = "ru"
    html = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/preview/en/").content.decode()
    assert '<html lang="ru"' in html
    assert "Hello! More:" in html


def test_admin_list_queries_do_not_grow(admin_client, django_capture_on_commit_callbacks):
    NewsletterFactory()
    few = count_queries(admin_client, "/admin/news/newsletter/")
    SubscriptionFactory.create_batch(3)
    for _ in range(4):
        send(NewsletterFactory(), django_capture_on_commit_callbacks)
    assert count_queries(admin_client, "/admin/news/newsletter/") == few


def test_admin_resume_sends_what_waits_and_shows_stale_letters_as_failed(
    admin_client, django_capture_on_commit_callbacks
):
    SubscriptionFactory.create_batch(3)
    newsletter = NewsletterFactory()
    with django_capture_on_commit_callbacks(execute=False):
        services.newsletter_send(newsletter=newsletter)
    stale = newsletter.deliveries.first()
    services.delivery_claim(delivery_id=stale.pk)
    Delivery.objects.filter(pk=stale.pk).update(claimed_at=timezone.now() - datetime.timedelta(hours=1))
    admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/resume/")
    assert len(mail.outbox) == 2
    newsletter = Newsletter.objects.with_progress().get(pk=newsletter.pk)
    assert (newsletter.sent_count, newsletter.failed_count, newsletter.status) == (2, 1, Newsletter.Status.SENT)


def test_recovering_a_stopped_send_queues_what_waits_once(django_capture_on_commit_callbacks):
    SubscriptionFactory.create_batch(4)
    newsletter = NewsletterFactory()
    with django_capture_on_commit_callbacks(execute=False):
        services.newsletter_send(newsletter=newsletter)
    stale, recent, *waiting = newsletter.deliveries.order_by("pk")
    for delivery in (stale, recent):
        services.delivery_claim(delivery_id=delivery.pk)
    Delivery.objects.filter(pk=stale.pk).update(claimed_at=timezone.now() - datetime.timedelta(hours=1))
    assert services.newsletter_recover(newsletter=newsletter) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.subscription.email for d in waiting)
    statuses = dict(newsletter.deliveries.values_list("pk", "status"))
    assert (statuses[stale.pk], statuses[recent.pk]) == (Delivery.Status.FAILED, Delivery.Status.SENDING)
    # A live worker may still be sending the recent claim; the send stays open until it reports.
    assert Newsletter.objects.get(pk=newsletter.pk).status == Newsletter.Status.SENDING


def test_recovering_a_send_that_is_not_running_does_nothing():
    SubscriptionFactory()
    draft = NewsletterFactory()
    assert services.newsletter_recover(newsletter=draft) == 0
    assert not draft.deliveries.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "‮𝕏\u200b" + "ы" * 5000],
)
def test_hostile_input_in_the_newsletter_admin(admin_client, hostile, django_capture_on_commit_callbacks):
    admin_user_email = "staff@example.org"
    get_user_model().objects.filter(is_superuser=True).update(email=admin_user_email)
    fields = {f"{name}_{lang}": hostile for name in ("subject", "body") for lang in ("ky", "ru", "en")}
    response = admin_client.post("/admin/news/newsletter/add/", {**fields, "topic": "news"})
    assert response.status_code in (200, 302)
    for newsletter in Newsletter.objects.all():
        for lang in ("ky", "ru", "en"):
            preview = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/preview/{lang}/")
            assert preview.status_code == 200
            html = preview.content.decode()
            assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript' not in html
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(f"/admin/news/newsletter/{newsletter.pk}/test/")
        assert "\n" not in mail.outbox[-1].subject


def test_preview_only_in_the_site_languages(admin_client):
    newsletter = NewsletterFactory()
    assert admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/preview/xx/").status_code == 404
    assert admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/preview/en/").status_code == 200


def test_progress_letters_go_to_that_topic_only_and_stop_when_it_is_dropped(django_capture_on_commit_callbacks):
    following = SubscriptionFactory(recommendations=True, news=False)
    leaving = SubscriptionFactory(recommendations=True)
    SubscriptionFactory()  # news and announcements only
    newsletter = NewsletterFactory(topic=Newsletter.Topic.RECOMMENDATIONS)
    with django_capture_on_commit_callbacks(execute=False):
        services.newsletter_send(newsletter=newsletter)
    assert newsletter.deliveries.count() == 2
    # Dropping the topic while the letters wait is respected, as for the other topics.
    type(leaving).objects.filter(pk=leaving.pk).update(recommendations=False)
    services.newsletter_resume(newsletter=newsletter)
    assert [message.to for message in mail.outbox] == [[following.email]]


def test_the_sending_box_has_its_buttons_in_one_row(admin_client):
    newsletter = NewsletterFactory()
    admin_client.cookies["django_language"] = "ru"
    html = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/change/").content.decode()
    row = html[html.index('<div class="newsletter-actions__buttons">') :]
    row = row[: row.index("</div>")]
    assert "Отправить мне тестовое письмо" in row
    assert f'href="/admin/news/newsletter/{newsletter.pk}/send/"' in row
    assert "css/admin-site" in html
