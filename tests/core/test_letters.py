"""A mail failure never turns a saved action into an error page: with the SMTP server down (a real
refused connection on a loopback port), each action answers its success page, keeps what it saved,
and the letter is listed for staff, who can send it again."""

import socket

import pytest
from django.core import mail

from forum.models import ContactRequest, Registration
from mekendeshter.core.models import FailedLetter
from tests.factories import OpenEditionFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "first_name": "Айгүл",
    "last_name": "Асанова",
    "country": "DE",
    "city": "Berlin",
    "phone": "+49 (30) 123-45-67",
    "accompanying_persons": "0",
    "privacy_consent": "on",
}
CONTACT = {"name": "Бакыт", "email": "bakyt@example.org", "message": "Кийинки форумга катышууну каалайм."}


@pytest.fixture
def smtp_down(settings):
    """The SMTP backend pointed at a loopback port that is bound but not listening: every
    connection is refused at once."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": closed.getsockname()[1], "timeout": 5},
            }
        }
        yield


def assert_listed_for_staff(admin_client, recipient):
    failed = FailedLetter.objects.get(recipients=recipient)
    assert failed.attempts == 1
    assert "ConnectionRefusedError" in failed.error
    html = admin_client.get("/admin/core/failedletter/").content.decode()
    assert recipient in html
    assert failed.subject in html
    return failed


def test_registration_succeeds_while_the_mail_server_is_down(
    client, admin_client, smtp_down, django_capture_on_commit_callbacks
):
    edition = OpenEditionFactory(capacity=10)
    user = UserFactory(email="aigul@example.org")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ru/forum/{edition.year}/register/", REGISTRATION, follow=True)
    assert response.status_code == 200
    assert "Вы зарегистрированы." in response.content.decode()
    assert Registration.objects.get().user == user
    assert_listed_for_staff(admin_client, "aigul@example.org")


def test_contact_request_succeeds_while_the_mail_server_is_down(
    client, admin_client, settings, smtp_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ky/contact/", CONTACT)
    assert response.status_code == 302
    assert response["Location"] == "/ky/contact/thanks/"
    assert ContactRequest.objects.get().email == "bakyt@example.org"
    assert_listed_for_staff(admin_client, settings.ORGANIZERS_EMAIL)


def test_subscription_succeeds_while_the_mail_server_is_down(
    client, admin_client, smtp_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ru/subscribe/", {"email": "asel@example.org", "language": "ru", "news": "on", "announcements": "on"}
        )
    assert response.status_code == 302
    assert response["Location"] == "/ru/subscribe/sent/"
    assert_listed_for_staff(admin_client, "asel@example.org")


def test_password_reset_succeeds_while_the_mail_server_is_down(
    client, admin_client, smtp_down, django_capture_on_commit_callbacks
):
    UserFactory(email="nurlan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ky/accounts/password/reset/", {"email": "nurlan@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/ky/accounts/password/reset/done/"
    assert_listed_for_staff(admin_client, "nurlan@example.org")


def test_staff_send_a_failed_letter_again(
    client, admin_client, settings, smtp_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ky/contact/", CONTACT)
    failed = FailedLetter.objects.get()
    action = {"action": "send_again", "_selected_action": [failed.pk]}
    # Still down: the letter stays listed, with one more attempt.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/core/failedletter/", action)
    failed.refresh_from_db()
    assert failed.attempts == 2
    # The server is back: the letter goes out as it was composed, and leaves the list.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/core/failedletter/", action)
    assert not FailedLetter.objects.exists()
    [message] = mail.outbox
    assert message.to == [settings.ORGANIZERS_EMAIL]
    assert message.reply_to == ["bakyt@example.org"]
    assert "Кийинки форумга катышууну каалайм." in message.body


def test_a_letter_with_an_attachment_survives_the_queue(client, django_capture_on_commit_callbacks):
    # The registration letter carries the .ics: it goes through the task's JSON and back intact.
    edition = OpenEditionFactory(capacity=10)
    client.force_login(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ky/forum/{edition.year}/register/", REGISTRATION)
    [message] = mail.outbox
    # The .ics (text) and the e-ticket's QR (binary: a PNG).
    [(filename, content, mimetype), (ticket_name, ticket_png, ticket_type)] = message.attachments
    assert filename == f"mekendeshter-{edition.year}.ics"
    assert mimetype == "text/calendar"
    assert b"BEGIN:VCALENDAR" in (content if isinstance(content, bytes) else content.encode())
    assert ticket_name == f"mekendeshter-{edition.year}-ticket.png"
    assert ticket_type == "image/png"
    assert ticket_png.startswith(b"\x89PNG\r\n")


def test_staff_only_see_failed_letters(client, django_user_model):
    FailedLetter.objects.create(recipients="a@example.org", subject="S", error="E", attempts=1, letter={})
    assert client.get("/admin/core/failedletter/").status_code == 302
    client.force_login(django_user_model.objects.create_user(username="u", email="u@example.org", password="x"))
    assert client.get("/admin/core/failedletter/").status_code == 302


@pytest.mark.parametrize(("language", "heading"), [("ky", "Жөнөтүлбөй калган каттар"), ("ru", "Неотправленные письма")])
def test_staff_find_failed_letters_in_their_language(admin_client, language, heading):
    html = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert heading in html
