import os

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
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
def demo(db, settings, tmp_path_factory):
    """The demo content, as `manage.py load_demo` loads it (its drawn photos in a temporary MEDIA_ROOT)."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the authenticator app that staff need before the admin opens."""
    TOTP.activate(admin_user, generate_totp_secret())
    return admin_user


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits (ours and allauth's) count in the cache: each test starts with none used."""
    cache.clear()


@pytest.fixture
def verified_user(django_user_model):
    """A reader allowed to comment: signed up with a verified primary email."""
    user = django_user_model.objects.create_user(
        username="aida", email="aida@example.org", password="x", first_name="Аида"
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.fixture
def unverified_user(django_user_model):
    return django_user_model.objects.create_user(username="bolot", email="bolot@example.org", password="x")


MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, django_db_blocker):
    """`collectstatic` as production runs it: the manifest storage, into a fresh STATIC_ROOT.

    Fails (for every test that uses it) when a static file cannot be collected, e.g. a CSS or JS
    file that references a file that is not there."""
    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def manifest_static(settings, collected_static):
    """Pages render with hashed static names from the manifest, as in production (missing
    entries raise, as they do there)."""
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    return collected_static
