import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(**environ):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "example.org"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "x" * 64}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_unconfigured(environ, message):
    result = run_check(**environ)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_starts_when_configured():
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="k" * 64, DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
