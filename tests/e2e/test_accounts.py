import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.utils.csp import CSP
from playwright.sync_api import expect

from forum.models import Edition, Proposal, Registration

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


def confirmation_link(address):
    message = next(m for m in reversed(mail.outbox) if address in m.to)
    return re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)


def test_sign_up_register_propose_and_cancel(page, site):
    edition = Edition.objects.get(number=4)
    page.goto(site + "/en/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="sign up").click()
    expect(page).to_have_url(re.compile(re.escape(site + "/en/accounts/signup/")))
    page.get_by_label("Email").fill("aigul@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_role("button", name="Create an account").click()
    expect(page).to_have_url(site + "/en/accounts/confirm-email/")

    # The link from the sent mail confirms the address (by POST) and signs in.
    page.goto(confirmation_link("aigul@example.org"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()
    page.get_by_role("link", name="My account").click()
    expect(page.get_by_role("heading", name="My account")).to_be_visible()

    page.goto(site + f"/en/forum/{edition.year}/")
    page.get_by_role("link", name="Register for the forum").click()
    expect(page).to_have_url(site + f"/en/forum/{edition.year}/register/")
    page.get_by_label("First name").fill("Aigul")
    page.get_by_label("Last name").fill("Asanova")
    page.get_by_label("Country of residence").select_option("DE")
    page.get_by_role("textbox", name="City").fill("Berlin")
    page.get_by_role("textbox", name="Phone").fill("+49 30 1234567")
    page.get_by_label("I agree to the processing of my personal data").check()
    page.get_by_role("button", name="Register for the forum").click()
    expect(page.locator("#registration-status")).to_contain_text("confirmed")
    assert Registration.objects.get(user__email="aigul@example.org").status == "confirmed"
    assert any(m.attachments for m in mail.outbox if m.to == ["aigul@example.org"])

    page.goto(site + f"/en/forum/{edition.year}/outcome/")
    page.locator("#recommendation-12").get_by_role("link", name="Propose an amendment to item 12").click()
    page.get_by_label("Proposed text").fill("Create a fund for compatriots' initiatives, reporting every year.")
    page.get_by_label("Reason").fill("Yearly reports make the fund trustworthy.")
    page.get_by_role("button", name="Send the proposal").click()
    expect(page.get_by_text("under review").first).to_be_visible()
    proposal = Proposal.objects.get()
    assert proposal.item.number == 12 and proposal.item.section.slug == "recommendation"

    page.goto(site + "/en/me/")
    page.locator("#my-registrations").get_by_role("link").first.click()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.locator("#registration-status")).to_have_count(0)
    assert Registration.objects.get(user__email="aigul@example.org").status == "cancelled"


# --- Sign-in through a real OpenID Connect provider on 127.0.0.1 ----------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def oidc_provider(site, settings, tmp_path):
    """django-oauth-toolkit in its own process, database and cookie names, known to the portal."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "OIDC_PROVIDER_DB": str(tmp_path / "provider.sqlite3"),
        "DJANGO_SETTINGS_MODULE": "tests.e2e.oidc_provider.settings",
    }
    callback = f"{site}/en/accounts/oidc/oidc/login/callback/"
    subprocess.run(
        [sys.executable, "-m", "tests.e2e.oidc_provider.setup", callback], cwd=ROOT, env=env, check=True, timeout=120
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "EMAIL_AUTHENTICATION": True,
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "oidc",
                        "name": "Example ID",
                        "client_id": "mekendeshter-portal",
                        "secret": "portal-secret",
                        "settings": {"server_url": f"{url}/o"},
                    }
                ],
            }
        }
        settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [CSP.SELF, url]}
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_sign_in_with_openid_connect(page, site, oidc_provider):
    page.goto(site + "/en/accounts/login/")
    page.get_by_role("link", name="Example ID").click()
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(re.escape(oidc_provider) + "/accounts/login/"))
    page.get_by_label("Username").fill("aigul")
    page.get_by_label("Password").fill("provider-password")
    page.get_by_role("button", name="Log in to Example ID").click()

    expect(page).to_have_url(site + "/en/me/")
    expect(page.get_by_text("aigul.oidc@example.org")).to_be_visible()
    cookies = {cookie["name"] for cookie in page.context.cookies()}
    assert {"sessionid", "provider_sessionid"} <= cookies
