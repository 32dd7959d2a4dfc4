"""Mail backends for tests: one that fails on demand, one that records to a file across processes."""

import fcntl
import os
import smtplib
import time

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FlakyBackend(LocmemBackend):
    """locmem, except that addresses in `failures` get an SMTP error that many times first."""

    failures = {}

    def send_messages(self, messages):
        for message in messages:
            for address in message.to:
                if self.failures.get(address, 0) > 0:
                    self.failures[address] -= 1
                    raise smtplib.SMTPServerDisconnected(f"test: {address} refused")
        return super().send_messages(messages)


class RecordingBackend(BaseEmailBackend):
    """Appends one line per message (recipient and subject) to $TEST_MAIL_RECORD, so that a test
    can count what a Celery worker in another process sent; $TEST_MAIL_DELAY slows each send."""

    def send_messages(self, messages):
        delay = float(os.environ.get("TEST_MAIL_DELAY", "0"))
        with open(os.environ["TEST_MAIL_RECORD"], "a", encoding="utf-8") as record:
            for message in messages:
                time.sleep(delay)
                fcntl.flock(record, fcntl.LOCK_EX)
                record.write(f"{','.join(message.to)}\t{message.subject}\n")
                record.flush()
                fcntl.flock(record, fcntl.LOCK_UN)
        return len(messages)
