"""Settings of the real Celery worker that tests/news/test_celery_worker.py starts: the test
settings, with a real broker, the test database and a mail backend that records to a file."""

import os

from tests.settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["CELERY_TEST_BROKER_URL"]
CELERY_TASK_DEFAULT_QUEUE = os.environ["CELERY_TEST_QUEUE"]
DATABASES["default"]["NAME"] = os.environ["WORKER_DATABASE_NAME"]  # noqa: F405
MAILERS = {"default": {"BACKEND": "tests.mailers.RecordingBackend"}}
if "WORKER_SMTP_PORT" in os.environ:
    # A mail server that is down (tests/mekendeshter/test_letters_worker.py), quick retries.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ["WORKER_SMTP_PORT"]), "timeout": 5},
        }
    }
    MAIL_MAX_RETRIES = 2
    MAIL_RETRY_SECONDS = 1
