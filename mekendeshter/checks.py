"""What production needs before it may serve: a shared cache and a Celery broker.

These are checked when a server starts (`mekendeshter.wsgi`, `mekendeshter.asgi`, the Celery
worker) and by `manage.py check --deploy`, not when the settings are read: collectstatic,
compilemessages and migrate run in build steps that may have no Redis, and must not need one.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")


def production_services(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    errors = []
    if settings.CACHES["default"]["BACKEND"].endswith(PER_PROCESS_CACHES):
        # A per-process cache splits sessions, reauthentication and every rate limit between the
        # workers (a signed-out session cookie kept working on the other workers).
        errors.append(
            checks.Error(
                "Set CACHE_URL to a cache that every app server shares (e.g. redis://127.0.0.1:6379/1).",
                id="mekendeshter.E001",
            )
        )
    if settings.CELERY_BROKER_URL.startswith("memory://"):
        # Without a broker, tasks (mail) would run inside the request: a slow or failing SMTP
        # server would hold up or fail the page.
        errors.append(
            checks.Error(
                "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/2): production sends mail from workers.",
                id="mekendeshter.E002",
            )
        )
    return errors


def refuse_to_serve_unconfigured():
    """Called by the app server and the worker at start-up: no serving half-configured."""
    errors = production_services()
    if errors:
        raise ImproperlyConfigured(" ".join(error.msg for error in errors))
