"""A newsletter sent by a real Celery worker (Redis broker, PostgreSQL), stopped in the middle.

Needs PostgreSQL (the worker is another process: an in-memory SQLite test database is invisible
to it) and a broker in CELERY_TEST_BROKER_URL (.ci/run starts Redis and sets it)."""

import collections
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from mekendeshter.celery import app
from news import services
from news.models import Delivery, Newsletter, Subscription
from tests.factories import NewsletterFactory

BROKER = os.environ.get("CELERY_TEST_BROKER_URL")
ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 300

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not BROKER, reason="set CELERY_TEST_BROKER_URL (e.g. redis://127.0.0.1:6379/15)"),
]


def forget_connections():
    """Drop what the Celery app cached from the earlier (eager) configuration: its AMQP helper
    (queues, router, producer pool) and its connection pool."""
    app._pool = None
    app.__dict__.pop("amqp", None)


@pytest.fixture
def worker_env(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can reach: run with DATABASE_URL=postgres://…")
    queue = f"test-newsletter-{uuid.uuid4().hex[:8]}"
    record = tmp_path / "sent.tsv"
    record.touch()
    # This process queues tasks on the real broker instead of running them eagerly.
    settings.NEWSLETTER_BATCH_SIZE = 10
    previous = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "task_default_queue")}
    app.conf.update(task_always_eager=False, broker_url=BROKER, task_default_queue=queue)
    forget_connections()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "CELERY_TEST_QUEUE": queue,
        "WORKER_DATABASE_NAME": connection.settings_dict["NAME"],
        "TEST_MAIL_RECORD": str(record),
        "TEST_MAIL_DELAY": "0.02",
    }
    yield {"env": env, "queue": queue, "record": record}
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(queue)
    app.conf.update(**previous)
    forget_connections()


def start_worker(worker_env, log):
    command = [
        sys.executable, "-m", "celery", "-A", "mekendeshter", "worker", "-Q", worker_env["queue"],
        "--concurrency", "2", "--pool", "prefork", "--loglevel", "INFO",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{worker_env['queue']}@%h",
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, env=worker_env["env"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def sent_lines(record):
    return [line.split("\t")[0] for line in record.read_text(encoding="utf-8").splitlines()]


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def make_subscribers():
    Subscription.objects.bulk_create(
        Subscription(email=f"reader{n}@example.org", language=("ky", "ru", "en")[n % 3], status="confirmed")
        for n in range(SUBSCRIBERS)
    )
    return {f"reader{n}@example.org" for n in range(SUBSCRIBERS)}


def stop(worker, sig):
    os.killpg(worker.pid, sig)
    worker.wait(timeout=60)


def test_warm_shutdown_in_the_middle_then_restart_sends_each_letter_once(worker_env, tmp_path):
    addresses = make_subscribers()
    newsletter = NewsletterFactory()
    with open(tmp_path / "worker.log", "w") as log:
        worker = start_worker(worker_env, log)
        try:
            services.newsletter_send(newsletter=newsletter)
            wait_for(lambda: len(sent_lines(worker_env["record"])) >= 60, 120, "the first letters")
            # Warm shutdown: the running batches finish, the queued ones stay on the broker.
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
            stopped_at = len(sent_lines(worker_env["record"]))
            assert stopped_at < SUBSCRIBERS, "the worker finished before it was stopped"
            assert Delivery.objects.filter(newsletter=newsletter, status=Delivery.Status.SENDING).count() == 0

            worker = start_worker(worker_env, log)
            wait_for(
                lambda: Newsletter.objects.get(pk=newsletter.pk).status == Newsletter.Status.SENT,
                180,
                "the newsletter to finish",
            )
        finally:
            stop(worker, signal.SIGTERM) if worker.poll() is None else None
    sent = collections.Counter(sent_lines(worker_env["record"]))
    assert set(sent) == addresses
    assert max(sent.values()) == 1
    assert Delivery.objects.filter(newsletter=newsletter, status=Delivery.Status.SENT).count() == SUBSCRIBERS


def test_hard_kill_loses_at_most_the_letters_in_flight_and_never_doubles(worker_env, tmp_path):
    """At-most-once for a hard kill: letters a killed worker had claimed are not resent."""
    addresses = make_subscribers()
    newsletter = NewsletterFactory()
    with open(tmp_path / "worker.log", "w") as log:
        worker = start_worker(worker_env, log)
        try:
            services.newsletter_send(newsletter=newsletter)
            wait_for(lambda: len(sent_lines(worker_env["record"])) >= 60, 120, "the first letters")
            stop(worker, signal.SIGKILL)  # the whole process group: no chance to clean up
            in_flight = Delivery.objects.filter(newsletter=newsletter, status=Delivery.Status.SENDING).count()
            assert in_flight <= 2  # at most one per worker process (concurrency 2)

            # No worker runs now: whatever is in flight was the killed one's.
            services.newsletter_abandon_in_flight(newsletter=newsletter)
            worker = start_worker(worker_env, log)
            services.newsletter_resume(newsletter=newsletter)
            wait_for(
                lambda: Newsletter.objects.get(pk=newsletter.pk).status == Newsletter.Status.SENT,
                180,
                "the newsletter to finish",
            )
        finally:
            stop(worker, signal.SIGTERM) if worker.poll() is None else None
    sent = collections.Counter(sent_lines(worker_env["record"]))
    assert max(sent.values()) == 1  # nobody got a second copy
    failed = set(
        Delivery.objects.filter(newsletter=newsletter, status=Delivery.Status.FAILED).values_list(
            "subscription__email", flat=True
        )
    )
    assert len(failed) == in_flight
    assert addresses - set(sent) <= failed  # only the letters in flight may be missing
