import os

import pytest
from django.core.management import call_command
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser tests
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("ky")
    yield
    translation.activate("ky")


@pytest.fixture
def demo(db):
    """The demo content, as `manage.py load_demo` loads it."""
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the authenticator app that staff need before the admin opens."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(admin_user, generate_totp_secret())
    return admin_user


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits (ours and allauth's) count in the cache: each test starts with none used."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def verified_user(django_user_model):
    """A reader allowed to comment: signed up with a verified primary email."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        username="aida", email="aida@example.org", password="x", first_name="Аида"
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.fixture
def unverified_user(django_user_model):
    return django_user_model.objects.create_user(username="bolot", email="bolot@example.org", password="x")
