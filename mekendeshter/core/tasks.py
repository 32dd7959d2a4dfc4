import logging

from celery import Task, shared_task
from django.conf import settings

from . import letters

logger = logging.getLogger(__name__)


class LetterTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # A worker gave up: after the last retry, or at once on an error a retry cannot cure.
        letter, failed_letter_id = args
        letters.failed_letter_record(
            letter=letter, error=exc, attempts=self.request.retries + 1, failed_letter_id=failed_letter_id
        )


@shared_task(
    base=LetterTask,
    bind=True,
    autoretry_for=letters.TRANSIENT_MAIL_ERRORS,
    max_retries=settings.MAIL_MAX_RETRIES,
    # Waits of MAIL_RETRY_SECONDS, doubled each time (with jitter), at most an hour.
    retry_backoff=settings.MAIL_RETRY_SECONDS,
    retry_backoff_max=3600,
)
def send_letter(self, letter, failed_letter_id=None):
    """Send one letter (a dict from letters.letter_to_dict)."""
    message = letters.letter_from_dict(letter)
    if self.request.is_eager:
        # In the web process (development, no broker): no retries that would hold up the page;
        # whatever goes wrong is logged and kept for staff, and the person sees the success page.
        try:
            message.send()
        except Exception as error:
            logger.exception("Sending a letter failed")
            letters.failed_letter_record(letter=letter, error=error, attempts=1, failed_letter_id=failed_letter_id)
            return
    else:
        message.send()
    if failed_letter_id:
        letters.failed_letter_sent(failed_letter_id=failed_letter_id)
