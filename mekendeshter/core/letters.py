"""Transactional mail (registrations, contact requests, subscriptions, allauth's letters): each
letter is composed where its action happens and sent by one Celery task, `send_letter`.

A mail failure never turns a saved action into an error page: a worker retries the letter with
backoff (MAIL_MAX_RETRIES, MAIL_RETRY_SECONDS); a letter that still fails, or any failure when
tasks run eagerly (development, no broker), is logged and kept as a FailedLetter that staff see
and resend in the admin."""

import base64
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import FailedLetter

logger = logging.getLogger(__name__)

# What a retry may cure: the SMTP server or the network, not a bad message.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, OSError)


def absolute_url(path):
    """`path` as a link in a letter: mail is read away from the site, so its links carry SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path


def letter_to_dict(message):
    """The message as JSON for the task queue (attachments' bytes in base64)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [
            [
                filename,
                base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(),
                mimetype,
            ]
            for filename, content, mimetype in message.attachments
        ],
    }


def letter_from_dict(letter):
    message = EmailMultiAlternatives(
        subject=letter["subject"],
        body=letter["body"],
        from_email=letter["from_email"],
        to=letter["to"],
        cc=letter["cc"],
        bcc=letter["bcc"],
        reply_to=letter["reply_to"],
        headers=letter["headers"],
        alternatives=[tuple(alternative) for alternative in letter["alternatives"]],
    )
    message.content_subtype = letter["content_subtype"]
    for filename, content, mimetype in letter["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def letter_send(*, message: EmailMessage, failed_letter_id=None):
    """Queue the letter for the mail task (run at once when tasks are eager)."""
    from .tasks import send_letter  # noqa: PLC0415 - tasks.py imports this module (the task's helpers)

    send_letter.delay(letter_to_dict(message), failed_letter_id)


def letter_send_on_commit(*, message: EmailMessage):
    """Queue the letter once the current transaction has committed what it tells about."""
    transaction.on_commit(lambda: letter_send(message=message))


def failed_letter_record(*, letter, error, attempts, failed_letter_id=None):
    """Keep a letter that could not be sent (or, for one staff resent, count the new attempts)."""
    logger.warning("Letter %r to %s failed after %d attempt(s): %r", letter["subject"], letter["to"], attempts, error)
    description = f"{type(error).__name__}: {error}"
    updated = FailedLetter.objects.filter(pk=failed_letter_id).update(
        error=description, attempts=F("attempts") + attempts, last_attempt_at=timezone.now()
    )
    if not updated:
        FailedLetter.objects.create(
            recipients=", ".join(letter["to"])[:1000],
            subject=letter["subject"][:500],
            error=description,
            attempts=attempts,
            letter=letter,
        )


def failed_letter_sent(*, failed_letter_id):
    FailedLetter.objects.filter(pk=failed_letter_id).delete()


def failed_letter_retry(*, queryset):
    """Staff's "send again": each letter goes back to the mail task; it stays listed until sent."""
    count = 0
    for failed in queryset:
        transaction.on_commit(
            lambda failed=failed: letter_send(message=letter_from_dict(failed.letter), failed_letter_id=failed.pk)
        )
        count += 1
    return count
