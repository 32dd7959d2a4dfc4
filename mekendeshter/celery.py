import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendeshter.settings")

app = Celery("mekendeshter")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def refuse_to_work_unconfigured(**kwargs):
    # A worker of a half-configured production (no shared cache) would not see what the app
    # servers cache; Django is set up by now (the Django fixup runs before this signal).
    from mekendeshter.checks import refuse_to_serve_unconfigured  # noqa: PLC0415 - needs Django set up first

    refuse_to_serve_unconfigured()
