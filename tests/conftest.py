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
def edition_2016(demo):
    from forum.models import Edition

    return Edition.objects.get(year=2016)


@pytest.fixture
def verified_user(django_user_model):
    """A reader allowed to comment: a verified primary email in allauth once it is installed,
    a staff account until then (see news.services.user_has_verified_email)."""
    from django.apps import apps

    allauth = apps.is_installed("allauth.account")
    user = django_user_model.objects.create_user(
        username="aida", email="aida@example.org", password="x", first_name="Аида", is_staff=not allauth
    )
    if allauth:
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.fixture
def unverified_user(django_user_model):
    return django_user_model.objects.create_user(username="bolot", email="bolot@example.org", password="x")
