"""Prepare the provider's database: migrate, one person, and the portal as a client application.

Usage: OIDC_PROVIDER_DB=... python -m tests.e2e.oidc_provider.setup <redirect URI>
"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.e2e.oidc_provider.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402

USERNAME, PASSWORD, EMAIL = "aigul", "provider-password", "aigul.oidc@example.org"
CLIENT_ID, CLIENT_SECRET = "mekendeshter-portal", "portal-secret"

call_command("migrate", verbosity=0)
get_user_model().objects.create_user(USERNAME, EMAIL, PASSWORD, first_name="Aigul", last_name="Asanova")
Application.objects.create(
    name="Mekendeshter portal",
    client_id=CLIENT_ID,
    client_secret=CLIENT_SECRET,
    client_type=Application.CLIENT_CONFIDENTIAL,
    authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
    redirect_uris=sys.argv[1],
    algorithm=Application.RS256_ALGORITHM,
    skip_authorization=True,
)
