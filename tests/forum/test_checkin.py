import datetime
import json
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError
from django.utils import timezone

from forum import services, tickets
from forum.models import Arrival, Registration, Ticket
from tests.factories import OpenEditionFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def confirmed(edition=None, **fields):
    """A confirmed registration with its ticket, as the registration services leave it."""
    registration = RegistrationFactory(
        edition=edition or OpenEditionFactory(),
        status=Registration.Status.CONFIRMED,
        first_name="Айгүл",
        dietary_needs="халал",
        accessibility_needs="кресло-коляска",
        **fields,
    )
    Ticket.objects.create(registration=registration, token=tickets.new_token())
    return registration


def code_of(registration):
    return tickets.signed_code(registration.tickets.valid().get().token)


@pytest.fixture
def registration():
    return confirmed(country="DE", city="Berlin")


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True, first_name="Бакыт", last_name="Осмонов")
    user.user_permissions.add(Permission.objects.get(codename="add_arrival"))
    client.force_login(user)
    return user


def url(registration, lang="ky", tail=""):
    return f"/{lang}/forum/{registration.edition.year}/checkin/{tail}"


def check_in(client, registration, code=None, key=None, lang="ky"):
    data = {"code": code or code_of(registration), "key": key or str(uuid.uuid4())}
    return client.post(url(registration, lang), data)


def scan(client, registration, **data):
    payload = {"code": code_of(registration), "key": str(uuid.uuid4())} | data
    return client.post(url(registration, tail="scan/"), json.dumps(payload), content_type="application/json")


# --- Who may use it --------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, registration):
    response = client.get(url(registration))
    assert response.status_code == 302 and response["Location"].startswith("/ky/accounts/login/?next=")
    response = scan(client, registration)
    assert response.status_code == 302
    assert not Arrival.objects.exists()


def test_a_registrant_is_refused(client, registration):
    client.force_login(registration.user)
    assert client.get(url(registration)).status_code == 403
    assert check_in(client, registration).status_code == 403
    assert scan(client, registration).status_code == 403
    assert not Arrival.objects.exists()


def test_staff_without_the_permission_are_refused(client, registration):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url(registration)).status_code == 403
    assert scan(client, registration).status_code == 403
    assert not Arrival.objects.exists()


def test_the_permission_without_staff_status_is_refused(client, registration):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_arrival"))
    client.force_login(user)
    assert client.get(url(registration)).status_code == 403


@pytest.mark.parametrize(("lang", "heading"), [("ky", "Келгендерди белгилөө"), ("ru", "Регистрация на входе")])
def test_staff_with_the_permission_open_the_page_in_their_language(client, staff, registration, lang, heading):
    response = client.get(url(registration, lang))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "js/checkin.js" in page
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(("lang", "find"), [("ky", "Издөө"), ("ru", "Найти")])
def test_the_find_by_name_button_shows(client, staff, registration, lang, find):
    """A plain .button is white on the white page: finding by name has the outlined button."""
    page = client.get(url(registration, lang)).content.decode()
    assert f'<button type="submit" class="button button--secondary">{find}</button>' in page


# --- Checking in -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "recorded", "already"),
    [("ky", "Белгиленди", "Мурда эле белгиленген: саат {time}"), ("ru", "Вход отмечен", "Вход уже отмечен в {time}")],
)
def test_a_scan_records_the_arrival_once_and_the_second_says_when(client, staff, registration, lang, recorded, already):
    page = check_in(client, registration, lang=lang).content.decode()
    assert recorded in page
    assert "Айгүл" in page and "халал" in page and "кресло-коляска" in page
    arrival = Arrival.objects.get()
    assert arrival.registration == registration
    assert arrival.checked_in_by == staff
    assert arrival.day == timezone.localdate()
    time = timezone.localtime(arrival.arrived_at).strftime("%H:%M")
    page = check_in(client, registration, lang=lang).content.decode()
    assert already.format(time=time) in page
    assert Arrival.objects.count() == 1


def test_the_typed_code_is_the_token_in_any_case_with_or_without_dashes(client, staff, registration):
    token = registration.tickets.valid().get().token
    check_in(client, registration, code=tickets.grouped(token).lower())
    assert Arrival.objects.get().registration == registration


def test_sending_the_same_scan_again_counts_it_once(client, staff, registration):
    key = str(uuid.uuid4())
    first = scan(client, registration, key=key).json()
    again = scan(client, registration, key=key).json()
    assert first["outcome"] == again["outcome"] == "recorded"
    assert Arrival.objects.count() == 1


def test_an_arrival_on_another_day_is_recorded_again(client, staff, registration):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    a_day_ago = timezone.now() - datetime.timedelta(days=1)
    Arrival.objects.create(registration=registration, day=yesterday, arrived_at=a_day_ago, key=uuid.uuid4())
    assert scan(client, registration).json()["outcome"] == "recorded"
    assert sorted(Arrival.objects.values_list("day", flat=True)) == [yesterday, timezone.localdate()]


def test_the_database_refuses_a_second_arrival_on_the_same_day(registration):
    today = timezone.localdate()
    Arrival.objects.create(registration=registration, day=today, arrived_at=timezone.now(), key=uuid.uuid4())
    with pytest.raises(IntegrityError):
        Arrival.objects.create(
            registration=registration, day=timezone.localdate(), arrived_at=timezone.now(), key=uuid.uuid4()
        )


def test_a_scan_made_offline_keeps_its_time(client, staff, registration):
    made = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=40)
    scan(client, registration, at=made.isoformat())
    assert Arrival.objects.get().arrived_at == made


def test_a_scan_time_in_the_future_is_not_believed(client, staff, registration):
    before = timezone.now()
    scan(client, registration, at=(before + datetime.timedelta(days=2)).isoformat())
    arrival = Arrival.objects.get()
    assert before <= arrival.arrived_at <= timezone.now()


# --- Bad tickets record nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ky", "Мекендештер форумунун билети эмес"), ("ru", "Это не билет форума «Мекендештер»")],
)
def test_a_forged_ticket_records_nothing(client, staff, registration, lang, message):
    other = tickets.new_token()
    forged = f"{other}:{code_of(registration).split(':', 1)[1]}"
    page = check_in(client, registration, code=forged, lang=lang).content.decode()
    assert message in page
    assert "Айгүл" not in page
    assert not Arrival.objects.exists()


@pytest.mark.parametrize(("lang", "message"), [("ky", "Мындай коддуу билет жок"), ("ru", "Билета с таким кодом нет")])
def test_an_unknown_code_records_nothing(client, staff, registration, lang, message):
    page = check_in(client, registration, code="ABCD-EFGH-JKMN-PQRS-TUVW", lang=lang).content.decode()
    assert message in page
    assert not Arrival.objects.exists()


@pytest.mark.parametrize(
    ("lang", "message"), [("ky", "Бул билет мындан ары жараксыз"), ("ru", "Этот билет больше не действует")]
)
def test_a_cancelled_registrations_ticket_records_nothing(client, staff, registration, lang, message):
    code = code_of(registration)
    services.registration_cancel(registration=registration, notify=False)
    page = check_in(client, registration, code=code, lang=lang).content.decode()
    assert message in page
    assert not Arrival.objects.exists()


@pytest.mark.parametrize(
    ("lang", "message"), [("ky", "{year}-жылкы форумдун билети"), ("ru", "Этот билет на форум {year} года")]
)
def test_another_editions_ticket_records_nothing(client, staff, registration, lang, message):
    other = confirmed(edition=OpenEditionFactory(year=registration.edition.year - 2))
    page = check_in(client, registration, code=code_of(other), lang=lang).content.decode()
    assert message.format(year=other.edition.year) in page
    assert "Айгүл" not in page
    assert not Arrival.objects.exists()


def test_bad_json_and_a_nul_byte_get_an_answer_not_an_error(client, staff, registration):
    response = client.post(url(registration, tail="scan/"), "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["outcome"] == "bad_request"
    assert scan(client, registration, code="AB\x00CD").status_code == 400
    assert check_in(client, registration, code="AB\x00CD").status_code == 400
    assert scan(client, registration, key="not-a-uuid").status_code == 400
    assert not Arrival.objects.exists()


# --- By name -----------------------------------------------------------------------------------


def test_staff_find_a_person_by_name_and_check_them_in(client, staff, registration):
    page = client.get(url(registration), {"q": "айгүл асан"}).content.decode()
    assert "Айгүл" in page and 'name="code"' in page
    token = registration.tickets.valid().get().token
    assert f'value="{token}"' in page
    check_in(client, registration, code=token)
    page = client.get(url(registration, "ru"), {"q": "айгүл"}).content.decode()
    assert "Вход уже отмечен в" in page


def test_the_name_search_lists_only_confirmed_people_with_a_valid_ticket(client, staff, registration):
    RegistrationFactory(edition=registration.edition, status=Registration.Status.WAITLISTED, first_name="Айгүл")
    page = client.get(url(registration), {"q": "Айгүл"}).content.decode()
    assert page.count('class="checkin-found__name"') == 1


def test_the_page_with_a_name_search_runs_a_bounded_number_of_queries(client, staff, registration):
    few = count_queries(client, url(registration) + "?q=Айгүл")
    for _ in range(3):
        confirmed(edition=registration.edition)
    assert count_queries(client, url(registration) + "?q=Айгүл") == few


def test_the_page_and_its_script_resolve_under_hashed_static_names(manifest_static, client, staff, registration):
    # As in production: a script missing from the manifest would be a 500 there.
    page = client.get(url(registration)).content.decode()
    assert "js/checkin." in page and ".js" in page and "js/checkin.js" not in page
