import pytest
from django.core import mail

from forum import services, tickets
from forum.models import Registration, Ticket
from tests.factories import OpenEditionFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

DETAILS = {
    "first_name": "Нурлан",
    "last_name": "Өмүрбеков",
    "country": "DE",
    "city": "Berlin",
    "phone": "+49301234567",
    "language": "ky",
}


def register(edition, user=None, **overrides):
    return services.registration_create(user=user or UserFactory(), edition=edition, **(DETAILS | overrides))


def valid_tokens(registration):
    return list(Ticket.objects.filter(registration=registration).valid().values_list("token", flat=True))


# --- Issued and invalidated by the registration services ------------------------------------


def test_a_confirmed_registration_gets_one_ticket():
    registration = register(OpenEditionFactory(capacity=5))
    assert registration.status == Registration.Status.CONFIRMED
    [token] = valid_tokens(registration)
    assert len(token) == tickets.TOKEN_LENGTH
    assert set(token) <= set(tickets.ALPHABET)


def test_pending_and_waitlisted_registrations_get_no_ticket():
    assert valid_tokens(register(OpenEditionFactory(capacity=None))) == []
    full = OpenEditionFactory(capacity=1)
    register(full)
    waiting = register(full)
    assert waiting.status == Registration.Status.WAITLISTED
    assert valid_tokens(waiting) == []


def test_cancelling_invalidates_and_registering_again_issues_a_new_ticket():
    edition = OpenEditionFactory(capacity=5)
    user = UserFactory()
    registration = register(edition, user)
    [first] = valid_tokens(registration)
    services.registration_cancel(registration=registration)
    assert valid_tokens(registration) == []
    assert Ticket.objects.get(token=first).invalidated_at is not None
    registration = register(edition, user)
    [second] = valid_tokens(registration)
    assert second != first


def test_waitlisting_invalidates_and_confirming_again_issues_a_new_ticket():
    # Without a capacity nobody is promoted automatically: staff decide each status.
    first = register(OpenEditionFactory(capacity=None))
    services.registration_set_status(registration=first, status=Registration.Status.CONFIRMED)
    [token] = valid_tokens(first)
    services.registration_set_status(registration=first, status=Registration.Status.WAITLISTED)
    assert valid_tokens(first) == []
    services.registration_set_status(registration=first, status=Registration.Status.CONFIRMED)
    [new] = valid_tokens(first)
    assert new != token


def test_promotion_from_the_waiting_list_issues_a_ticket():
    edition = OpenEditionFactory(capacity=1)
    confirmed = register(edition)
    waiting = register(edition)
    services.registration_cancel(registration=confirmed)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert len(valid_tokens(waiting)) == 1
    assert valid_tokens(confirmed) == []


def test_staff_confirming_a_pending_registration_issues_a_ticket():
    registration = register(OpenEditionFactory(capacity=None))
    services.registration_set_status(registration=registration, status=Registration.Status.CONFIRMED)
    assert len(valid_tokens(registration)) == 1


# --- The code ------------------------------------------------------------------------------


def test_the_signed_code_gives_back_its_token_and_a_forged_one_is_refused():
    token = tickets.new_token()
    assert tickets.token_from_code(tickets.signed_code(token)) == token
    assert tickets.token_from_code(tickets.grouped(token).lower()) == token
    other = tickets.new_token()
    forged = f"{other}:{tickets.signed_code(token).split(':', 1)[1]}"
    with pytest.raises(tickets.ForgedCode):
        tickets.token_from_code(forged)


def test_the_qr_holds_no_personal_data():
    registration = register(OpenEditionFactory(capacity=5))
    [token] = valid_tokens(registration)
    payload = tickets.signed_code(token)
    assert payload.split(":")[0] == token
    for personal in ("Нурлан", "Өмүрбеков", registration.user.email, "+49301234567", "DE"):
        assert personal not in payload.replace(token, "")


# --- The ticket page -----------------------------------------------------------------------


@pytest.fixture
def owner(client):
    registration = register(OpenEditionFactory(capacity=5))
    client.force_login(registration.user)
    return registration


@pytest.mark.parametrize(
    ("lang", "heading", "country"),
    [("ky", "Менин билетим", "Германия"), ("ru", "Мой билет", "Германия"), ("en", "My ticket", "Germany")],
)
def test_the_owner_sees_the_ticket_in_the_page_language(client, owner, lang, heading, country):
    year = owner.edition.year
    response = client.get(f"/{lang}/me/tickets/{year}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<h1 id="ticket-heading">{heading}</h1>' in page
    assert "Нурлан Өмүрбеков" in page
    assert country in page
    [token] = valid_tokens(owner)
    assert tickets.grouped(token) in page
    assert '<svg viewBox="' in page and 'class="segno"' in page
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_ticket_page_needs_sign_in(client):
    registration = register(OpenEditionFactory(capacity=5))
    response = client.get(f"/ky/me/tickets/{registration.edition.year}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/ky/accounts/login/?next=")


def test_another_person_and_staff_get_404_for_someone_elses_ticket(client, admin_user):
    registration = register(OpenEditionFactory(capacity=5))
    client.force_login(UserFactory())
    assert client.get(f"/ky/me/tickets/{registration.edition.year}/").status_code == 404
    client.force_login(admin_user)
    assert client.get(f"/ky/me/tickets/{registration.edition.year}/").status_code == 404


def test_a_cancelled_registration_has_no_ticket_page(client, owner):
    services.registration_cancel(registration=owner)
    assert client.get(f"/ky/me/tickets/{owner.edition.year}/").status_code == 404


def test_the_ticket_page_runs_a_bounded_number_of_queries(client, owner):
    queries = count_queries(client, f"/ky/me/tickets/{owner.edition.year}/")
    assert queries <= 8


def test_my_account_links_to_valid_tickets_only(client, owner):
    cancelled = RegistrationFactory(user=owner.user, status=Registration.Status.CANCELLED)
    page = client.get("/ru/me/").content.decode()
    assert f'href="/ru/me/tickets/{owner.edition.year}/">Мой билет</a>' in page
    assert f"/ru/me/tickets/{cancelled.edition.year}/" not in page


# --- The confirmation email ------------------------------------------------------------------


def test_the_confirmation_email_carries_the_ticket_in_the_registrants_language(django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(edition, language="ru")
    [message] = mail.outbox
    [token] = valid_tokens(registration)
    assert f"/ru/me/tickets/{edition.year}/" in message.body
    assert tickets.grouped(token) in message.body
    assert "Ваш электронный билет" in message.body
    png = [a for a in message.attachments if a[2] == "image/png"]
    [(name, content, _mimetype)] = png
    assert name == f"mekendeshter-{edition.year}-ticket.png"
    assert content.startswith(b"\x89PNG")


def test_the_waitlist_and_cancellation_emails_carry_no_ticket(django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=1)
    register(edition)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        waiting = register(edition)
        services.registration_cancel(registration=waiting)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "/me/tickets/" not in message.body
        assert not [a for a in message.attachments if a[2] == "image/png"]
