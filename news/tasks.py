"""Mail of the news app, sent by Celery workers (eagerly in development and tests); the letters
themselves are composed in news.letters."""

import logging

from celery import shared_task
from django.conf import settings

from mekendeshter.core import letters

from .letters import newsletter_message, subscription_confirmation_message
from .models import Delivery, Newsletter, Subscription

logger = logging.getLogger(__name__)

# What a retry may cure: the SMTP server or the network, not a bad message.
TRANSIENT_ERRORS = letters.TRANSIENT_MAIL_ERRORS


@shared_task(autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, max_retries=5)
def send_subscription_confirmation(email, language, token):
    # Sent by the mail task, which retries it and keeps it for staff if it fails.
    letters.letter_send(message=subscription_confirmation_message(email, language, token))


@shared_task(autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, max_retries=3)
def send_newsletter_test(newsletter_id, email, language=None):
    newsletter = Newsletter.objects.prefetch_related("articles").get(pk=newsletter_id)
    # A stand-in subscriber: the test shows the real layout, its unsubscribe link leads nowhere.
    subscriber = Subscription(email=email, language=language or settings.LANGUAGE_CODE, token="test")
    message = newsletter_message(newsletter, subscriber)
    message.subject = f"[TEST] {message.subject}"
    message.send()


@shared_task
def send_newsletter_batch(newsletter_id, delivery_ids):
    """Send one batch. Each delivery is claimed before its mail goes out and marked sent after,
    so a batch that runs twice (a resumed send, a retried task) sends nothing twice."""
    from . import services  # noqa: PLC0415 - services import this module to queue its tasks

    newsletter = Newsletter.objects.prefetch_related("articles").get(pk=newsletter_id)
    deliveries = Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.PENDING).select_related(
        "subscription"
    )
    failed = []
    for delivery in deliveries:
        if not services.delivery_claim(delivery_id=delivery.pk):
            continue
        try:
            newsletter_message(newsletter, delivery.subscription).send()
        except TRANSIENT_ERRORS as error:
            give_up = delivery.attempts + 1 >= settings.NEWSLETTER_MAX_ATTEMPTS
            services.delivery_release(delivery_id=delivery.pk, error=repr(error), give_up=give_up)
            logger.warning("Newsletter %s to delivery %s failed: %r", newsletter_id, delivery.pk, error)
            if not give_up:
                failed.append(delivery.pk)
            continue
        services.delivery_mark_sent(delivery_id=delivery.pk)
    if failed:
        # Only the failed ones again, later (a new task: this batch is done).
        send_newsletter_batch.apply_async((newsletter_id, failed), countdown=settings.NEWSLETTER_RETRY_SECONDS)
        return
    services.newsletter_finish_if_done(newsletter_id=newsletter_id)
