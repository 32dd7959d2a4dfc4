"""news.services: newsletters and their deliveries, subscriptions, articles and who may comment."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from news import services
from news.models import Delivery, Newsletter, Subscription
from news.tasks import send_newsletter_batch
from tests.factories import ArticleFactory, NewsletterFactory, SubscriptionFactory
from tests.mailers import FlakyBackend
from tests.utils import run_at_once

pytestmark = pytest.mark.django_db


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.mailers.FlakyBackend"}}
    settings.NEWSLETTER_RETRY_SECONDS = 0
    FlakyBackend.failures = {}
    yield FlakyBackend.failures
    FlakyBackend.failures = {}


def send(newsletter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(newsletter=newsletter)
    newsletter.refresh_from_db()
    return newsletter


def test_each_confirmed_subscriber_gets_one_copy_in_their_language(django_capture_on_commit_callbacks, settings):
    settings.NEWSLETTER_BATCH_SIZE = 3
    article = ArticleFactory(title_ky="Форум ачылды", title_ru="Форум открылся", title_en="The forum opens")
    ky = SubscriptionFactory.create_batch(4, language="ky")
    ru = SubscriptionFactory.create_batch(3, language="ru")
    en = SubscriptionFactory(language="en")
    SubscriptionFactory(status=Subscription.Status.PENDING)
    SubscriptionFactory(status=Subscription.Status.UNSUBSCRIBED)
    SubscriptionFactory(news=False)  # announcements only
    newsletter = NewsletterFactory()
    newsletter.articles.add(article)

    newsletter = send(newsletter, django_capture_on_commit_callbacks)

    assert newsletter.status == Newsletter.Status.SENT and newsletter.finished_at
    assert newsletter.total == 8
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in [*ky, *ru, en])
    by_address = {m.to[0]: m for m in mail.outbox}
    message = by_address[ru[0].email]
    assert message.subject == "Новости форума"
    assert "Форум открылся" in message.body and "Здравствуйте" in message.body
    assert f"http://127.0.0.1:8000/ru/news/{article.slug}/" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="ru">' in html and "Форум открылся" in html
    assert by_address[en.email].subject == "Forum news"
    assert by_address[ky[0].email].subject == "Форумдун жаңылыктары"
    # One-click unsubscribe in every letter.
    unsubscribe = f"http://127.0.0.1:8000/ru/subscribe/unsubscribe/{ru[0].token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body and unsubscribe in html
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 8


def test_a_language_subscribers_read_but_the_newsletter_lacks_refuses_the_send():
    SubscriptionFactory(language="ru")
    newsletter = NewsletterFactory(subject_ru="", body_ru="")
    with pytest.raises(ValidationError, match="Орусча"):
        services.newsletter_send(newsletter=newsletter)
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT and not Delivery.objects.exists()


def test_a_language_nobody_reads_may_stay_empty(django_capture_on_commit_callbacks):
    SubscriptionFactory(language="ru")
    newsletter = NewsletterFactory(subject_en="", body_en="")
    send(newsletter, django_capture_on_commit_callbacks)
    assert mail.outbox[0].subject == "Новости форума"


def test_announcements_go_to_their_subscribers(django_capture_on_commit_callbacks):
    SubscriptionFactory(email="news@example.org", announcements=False)
    SubscriptionFactory(email="both@example.org")
    send(NewsletterFactory(topic=Newsletter.Topic.ANNOUNCEMENTS), django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["both@example.org"]]


def test_a_second_copy_is_impossible_in_the_database():
    newsletter = NewsletterFactory()
    subscription = SubscriptionFactory()
    Delivery.objects.create(newsletter=newsletter, subscription=subscription)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(newsletter=newsletter, subscription=subscription)


def test_resuming_a_finished_send_sends_nothing_again(django_capture_on_commit_callbacks):
    SubscriptionFactory.create_batch(5)
    newsletter = send(NewsletterFactory(), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 5
    # A stopped worker's batches delivered again, or staff pressing "resume": no second copy.
    deliveries = list(newsletter.deliveries.values_list("pk", flat=True))

    send_newsletter_batch.delay(newsletter.pk, deliveries)
    services.newsletter_resume(newsletter=newsletter)
    assert len(mail.outbox) == 5
    with pytest.raises(ValidationError, match="буга чейин жөнөтүлгөн"):
        services.newsletter_send(newsletter=newsletter)


def test_resume_after_a_stop_sends_the_rest_once(django_capture_on_commit_callbacks):
    SubscriptionFactory.create_batch(6)
    newsletter = NewsletterFactory()
    # As if the worker stopped after two letters: rows exist, two are sent, the rest wait.
    with django_capture_on_commit_callbacks(execute=False):
        services.newsletter_send(newsletter=newsletter)
    deliveries = list(newsletter.deliveries.select_related("subscription"))
    for delivery in deliveries[:2]:
        services.delivery_claim(delivery_id=delivery.pk)
        services.delivery_mark_sent(delivery_id=delivery.pk)
    services.newsletter_resume(newsletter=newsletter)
    assert len(mail.outbox) == 4
    assert {m.to[0] for m in mail.outbox} == {d.subscription.email for d in deliveries[2:]}
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT


def test_no_letter_to_someone_who_unsubscribed_during_the_send(django_capture_on_commit_callbacks):
    staying, leaving, dropping_topic = SubscriptionFactory.create_batch(3)
    newsletter = NewsletterFactory()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        services.newsletter_send(newsletter=newsletter)
    # The batches are queued; before the worker reaches them, two people change their minds.
    services.subscription_unsubscribe(token=leaving.token)
    Subscription.objects.filter(pk=dropping_topic.pk).update(news=False)
    for callback in queued:
        callback()
    assert [message.to for message in mail.outbox] == [[staying.email]]
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    assert newsletter.total == 1
    assert list(newsletter.deliveries.values_list("status", flat=True)) == [Delivery.Status.SENT]


def test_in_flight_letters_after_a_hard_kill_are_not_resent(django_capture_on_commit_callbacks):
    """At-most-once: a letter claimed by a worker that was killed before it recorded the result
    may or may not have left; it is never sent a second time automatically."""
    SubscriptionFactory.create_batch(4)
    newsletter = NewsletterFactory()
    with django_capture_on_commit_callbacks(execute=False):
        services.newsletter_send(newsletter=newsletter)
    in_flight = newsletter.deliveries.first()
    assert services.delivery_claim(delivery_id=in_flight.pk)  # the killed worker's claim
    assert not services.delivery_claim(delivery_id=in_flight.pk)  # nobody else gets it
    services.newsletter_resume(newsletter=newsletter)
    assert len(mail.outbox) == 3
    assert in_flight.subscription.email not in {m.to[0] for m in mail.outbox}
    # Staff's "resume" spares a recent claim (a live worker may be sending it), not a stale one.
    assert services.newsletter_abandon_in_flight(newsletter=newsletter, older_than=services.STALE_CLAIM) == 0
    Delivery.objects.filter(pk=in_flight.pk).update(claimed_at=timezone.now() - datetime.timedelta(hours=1))
    assert services.newsletter_abandon_in_flight(newsletter=newsletter, older_than=services.STALE_CLAIM) == 1
    newsletter = Newsletter.objects.with_progress().get(pk=newsletter.pk)
    assert (newsletter.sent_count, newsletter.failed_count, newsletter.status) == (3, 1, Newsletter.Status.SENT)


def test_smtp_errors_are_retried(flaky_mail, django_capture_on_commit_callbacks, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    SubscriptionFactory(email="ok@example.org")
    SubscriptionFactory(email="flaky@example.org")
    SubscriptionFactory(email="dead@example.org")
    flaky_mail.update({"flaky@example.org": 2, "dead@example.org": 99})
    newsletter = send(NewsletterFactory(), django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["flaky@example.org", "ok@example.org"]
    flaky = Delivery.objects.get(subscription__email="flaky@example.org")
    dead = Delivery.objects.get(subscription__email="dead@example.org")
    assert (flaky.status, flaky.attempts) == (Delivery.Status.SENT, 3)
    assert (dead.status, dead.attempts) == (Delivery.Status.FAILED, 3)
    assert "refused" in dead.error
    assert newsletter.status == Newsletter.Status.SENT


def test_hostile_newsletter_text_is_escaped_in_html(django_capture_on_commit_callbacks):
    SubscriptionFactory()
    newsletter = NewsletterFactory(
        subject_ky='<script>alert(1)</script>"\n Bcc: x@example.org',
        body_ky="<img src=x onerror=alert(1)> javascript:alert(2)",
    )
    send(newsletter, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert "\n" not in message.subject
    html = message.alternatives[0][0]
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript' not in html
    assert message.to == [Subscription.objects.get().email] and not message.bcc


@pytest.mark.django_db(transaction=True)
def test_confirming_at_the_same_moment_leaves_one_subscription():
    if connection.vendor == "sqlite":
        pytest.skip("concurrent writers need PostgreSQL (set DATABASE_URL)")
    tokens = [
        services.subscription_confirm_token(email=email, language="ky", news=True, announcements=True)
        for email in ("twin@example.org", "TWIN@example.org", "twin@example.org", "Twin@example.org")
    ]

    def confirm(token):
        services.subscription_confirm(token=token)

    errors = run_at_once(confirm, tokens)
    assert errors == []
    assert Subscription.objects.filter(email__iexact="twin@example.org").count() == 1


def test_article_save_service_cleans_every_language():
    article = ArticleFactory.build(body_ky="<script>x</script><p>a</p>", body_ru="<b onmouseover=x>b</b>")
    services.article_save(article=article)
    article.refresh_from_db()
    assert article.body_ky == "<p>a</p>" and article.body_ru == "<b>b</b>"


def test_staff_without_a_verified_email_may_not_comment(django_user_model):
    staff = django_user_model.objects.create_user(username="s", email="s@example.org", is_staff=True)
    assert not services.user_has_verified_email(staff)
