"""A letter refused by the mail server, in a real Celery worker (Redis broker, PostgreSQL): retried,
then listed for staff, then sent by staff's "Send again" once the server is back. Needs what
tests/news/test_celery_worker.py needs (PostgreSQL and CELERY_TEST_BROKER_URL)."""

import signal
import socket

import pytest
from django.core.mail import EmailMessage

from mekendeshter.core import letters
from mekendeshter.core.models import FailedLetter
from tests.news.test_celery_worker import BROKER, sent_lines, start_worker, stop, wait_for, worker_env  # noqa: F401

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not BROKER, reason="set CELERY_TEST_BROKER_URL (e.g. redis://127.0.0.1:6379/15)"),
]


def test_worker_retries_a_refused_letter_then_lists_it_and_staff_send_it_again(worker_env, tmp_path):  # noqa: F811
    message = EmailMessage(subject="Каттоо ырасталды", body="Саламатсызбы!", to=["aigul@example.org"])
    with socket.socket() as closed, open(tmp_path / "worker.log", "w") as log:
        closed.bind(("127.0.0.1", 0))  # bound, not listening: every connection is refused
        down = {**worker_env, "env": {**worker_env["env"], "WORKER_SMTP_PORT": str(closed.getsockname()[1])}}
        worker = start_worker(down, log)
        try:
            letters.letter_send(message=message)
            # Two retries (MAIL_MAX_RETRIES in tests/worker_settings.py), then the worker gives up.
            wait_for(lambda: FailedLetter.objects.exists(), 60, "the letter to be given up")
        finally:
            stop(worker, signal.SIGTERM)
    failed = FailedLetter.objects.get()
    assert (failed.recipients, failed.subject, failed.attempts) == ("aigul@example.org", "Каттоо ырасталды", 3)
    assert "ConnectionRefusedError" in failed.error
    assert sent_lines(worker_env["record"]) == []

    # The mail server is back (the recording backend): staff send it again.
    with open(tmp_path / "worker.log", "a") as log:
        worker = start_worker(worker_env, log)
        try:
            letters.failed_letter_retry(queryset=FailedLetter.objects.all())
            wait_for(lambda: not FailedLetter.objects.exists(), 60, "the letter to be sent")
        finally:
            stop(worker, signal.SIGTERM)
    assert sent_lines(worker_env["record"]) == ["aigul@example.org"]
