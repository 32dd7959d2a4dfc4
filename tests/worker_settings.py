"""Settings of the real Celery worker that tests/news/test_celery_worker.py starts: the test
settings, with a real broker, the test database and a mail backend that records to a file."""

import os

from tests.settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["CELERY_TEST_BROKER_URL"]
CELERY_TASK_DEFAULT_QUEUE = os.environ["CELERY_TEST_QUEUE"]
DATABASES["default"]["NAME"] = os.environ["WORKER_DATABASE_NAME"]  # noqa: F405
MAILERS = {"default": {"BACKEND": "tests.mailers.RecordingBackend"}}
