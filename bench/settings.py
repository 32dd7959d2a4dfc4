"""Production-like settings for the benchmark: no debug, a minimal view to compare against."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x1y2z3" * 10)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# Production needs a shared cache and a broker (the benchmark sends no mail).
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/3")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/4")

from mekendeshter.settings import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
# Plain HTTP on 127.0.0.1: secure-only cookies would make no difference to the timings.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": True}
# Every request comes from 127.0.0.1: per-client limits would measure 429 pages. All are lifted.
RATE_LIMITS = {scope: (10**9, period) for scope, (_limit, period) in RATE_LIMITS.items()}  # noqa: F405
