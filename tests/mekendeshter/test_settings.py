import email
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# What production needs to start (the secret key, hosts, a shared cache, a broker).
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k" * 64,
    "DJANGO_ALLOWED_HOSTS": "example.org,www.example.org",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/2",
}
# Settings this file sets itself; the rest of the environment (e.g. DATABASE_URL) passes through.
OWN_VARIABLES = ("DJANGO_", "SITE_URL", "EMAIL_URL", "CACHE_URL", "CELERY_", "DATABASE_CONN_MAX_AGE", "MAP_TILE_URL")


def run_manage(*args, **environ):
    """manage.py with the real settings module in a fresh process, so that they are read anew."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(OWN_VARIABLES)}
    env.update(environ, DJANGO_SETTINGS_MODULE="mekendeshter.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def run_check(**environ):
    return run_manage("check", **environ)


def run_python(code, **environ):
    """Run `code` in a Django shell of its own; what it prints comes back in stdout."""
    return run_manage("shell", "--no-imports", "-c", code, **environ)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({**PRODUCTION, "DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY"),
        ({**PRODUCTION, "DJANGO_SECRET_KEY": "short"}, "SECRET_KEY"),
        ({**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_unconfigured(environ, message):
    result = run_check(**environ)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


WITHOUT_SERVICES = [
    ({k: v for k, v in PRODUCTION.items() if k != "CACHE_URL"}, "CACHE_URL"),
    ({**PRODUCTION, "CACHE_URL": "locmemcache://"}, "CACHE_URL"),
    ({k: v for k, v in PRODUCTION.items() if k != "CELERY_BROKER_URL"}, "CELERY_BROKER_URL"),
]


@pytest.mark.parametrize(("environ", "message"), WITHOUT_SERVICES)
@pytest.mark.parametrize("server", ["mekendeshter.wsgi", "mekendeshter.asgi"])
def test_production_refuses_to_serve_without_a_shared_cache_or_a_broker(server, environ, message):
    result = run_python(f"import {server}", **environ)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize(("environ", "message"), WITHOUT_SERVICES)
def test_deployment_checks_name_the_missing_service(environ, message):
    result = run_manage("check", "--deploy", **environ)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_serves_when_configured():
    result = run_python("import mekendeshter.wsgi; print('serving')", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "serving"


def test_a_build_step_collects_static_files_without_the_services(tmp_path):
    """collectstatic runs where the image is built, with no Redis and no broker to point at."""
    environ = {k: v for k, v in PRODUCTION.items() if k not in ("CACHE_URL", "CELERY_BROKER_URL")}
    result = run_manage("collectstatic", "--noinput", "-v0", STATIC_ROOT=str(tmp_path), **environ)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()


def test_production_starts_when_configured():
    result = run_check(**PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_site_url_defaults_to_the_first_host_in_production():
    result = run_python("from django.conf import settings; print(settings.SITE_URL)", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://example.org"


def test_site_url_from_the_environment_wins():
    result = run_python(
        "from django.conf import settings; print(settings.SITE_URL)", **PRODUCTION, SITE_URL="https://mekendeshter.kg/"
    )
    assert result.stdout.strip() == "https://mekendeshter.kg"


@pytest.mark.parametrize(
    ("tiles", "origin"),
    [
        (None, "https://tile.openstreetmap.org"),
        ("https://maps.example.kg/tiles/{z}/{x}/{y}.png", "https://maps.example.kg"),
        ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "https://*.tiles.example.org"),
    ],
)
def test_the_map_tile_server_is_the_one_image_source_the_csp_admits_besides_the_site(tiles, origin):
    code = "from django.conf import settings; print(' '.join(settings.SECURE_CSP['img-src']))"
    result = run_python(code, **({"MAP_TILE_URL": tiles} if tiles else {}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["'self'", "data:", origin]


def test_mail_links_use_the_production_address():
    # The subscription's confirmation letter, sent as production sends it, printed by the console backend.
    code = "from news.tasks import send_subscription_confirmation as send; send('aida@example.org', 'ky', 'TOKEN')"
    result = run_python(code, **PRODUCTION, EMAIL_URL="consolemail://", CELERY_TASK_ALWAYS_EAGER="true")
    assert result.returncode == 0, result.stderr
    body = printed_letter_body(result.stdout)
    assert "https://example.org/ky/subscribe/confirm/TOKEN/" in body
    assert "127.0.0.1" not in body


def printed_letter_body(stdout):
    """The decoded text of the one letter the console mail backend printed."""
    message = email.message_from_string(stdout.split("\n" + "-" * 79)[0].strip())
    return message.get_payload(decode=True).decode()


def test_file_mail_backend_writes_into_the_directory_of_its_url(tmp_path):
    mail_dir = tmp_path / "mail"
    code = "from news.tasks import send_subscription_confirmation as send; send('aida@example.org', 'ru', 'TOKEN')"
    result = run_python(code, **PRODUCTION, EMAIL_URL=f"filemail://{mail_dir}", CELERY_TASK_ALWAYS_EAGER="true")
    assert result.returncode == 0, result.stderr
    [letter] = mail_dir.iterdir()
    message = email.message_from_bytes(letter.read_bytes())
    assert message["To"] == "aida@example.org"
    assert "https://example.org/ru/subscribe/confirm/TOKEN/" in message.get_payload(decode=True).decode()


def test_production_checks_persistent_database_connections():
    code = "from django.db import connection; d = connection.settings_dict; print(d['CONN_MAX_AGE'])"
    code += "; print(d['CONN_HEALTH_CHECKS'])"
    result = run_python(code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "True"]


def test_production_keeps_sessions_and_rate_limits_in_the_shared_cache():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)"
    result = run_python(code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "mekendeshter.core.redis_cache.RedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]
