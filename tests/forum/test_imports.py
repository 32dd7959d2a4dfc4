"""Staff imports in the admin (mekendeshter.core.imports, forum.imports, diaspora.imports):
upload → preview (new / changed / unchanged / duplicate / invalid, with reasons) → confirm."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from diaspora.models import Association, DirectoryEntry
from forum.models import Registration, Session, Ticket
from mekendeshter.core.imports import MAX_ROWS, name_key, parse_date
from tests import factories

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
CSV, XLSX = "0", "1"  # the format choices, in mekendeshter.core.imports.FORMATS order
REGISTRATIONS = "/admin/forum/registration/"
SESSIONS = "/admin/forum/session/"
ASSOCIATIONS = "/admin/diaspora/association/"


@pytest.fixture
def admin_client(admin_client, settings):
    """The admin in English (staff choose their language by the cookie); the Kyrgyz and Russian
    pages have their own test below."""
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return admin_client


@pytest.fixture
def edition_2016():
    return factories.EditionFactory(year=2016, number=3, start_date=datetime.date(2016, 8, 1), end_date=None)


@pytest.fixture
def site_registrant(edition_2016):
    """Someone who registered for 2016 on the site, with an account: an import never touches them."""
    user = factories.UserFactory(email="mirlan@example.org")
    return factories.RegistrationFactory(
        user=user, edition=edition_2016, first_name="Мирлан", last_name="Мамытов", city="Казань"
    )


def tasks(callbacks):
    """What a transaction left to run on commit, but the page cache's version bump (any staff
    change in the admin makes the cached pages stale): letters and tasks."""
    return [callback for callback in callbacks if callback.__module__ != "mekendeshter.core.pagecache"]


def upload(name, content):
    return SimpleUploadedFile(name, content)


def preview(client, url, name, content, file_format=CSV, **extra):
    response = client.post(
        f"{url}import/", {"import_file": upload(name, content), "format": file_format, "resource": "0", **extra}
    )
    assert response.status_code == 200
    return response


def counts(response):
    return {key: count for key, _label, count in response.context["summary"]}


def reasons(response, category):
    rows = response.context["preview_rows"]
    return [(row.number, " ".join(map(str, row.reasons))) for row in rows if row.category == category]


def confirm(client, url, response):
    form = response.context["confirm_form"]
    return client.post(f"{url}process_import/", {name: form.initial[name] for name in form.fields})


def import_twice_counts(client, url, name, content, file_format=CSV, **extra):
    first = preview(client, url, name, content, file_format, **extra)
    confirm(client, url, first)
    second = preview(client, url, name, content, file_format, **extra)
    return first, second


def participants():
    return (DATA / "participants_2016.csv").read_bytes()


def test_participant_list_twice_gives_the_expected_counts_and_no_duplicates(
    admin_client, edition_2016, site_registrant, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk)
        # Nothing is written before the confirmation.
        assert Registration.objects.count() == 1
        assert counts(first) == {"new": 3, "changed": 0, "unchanged": 0, "duplicate": 3, "invalid": 3}
        assert reasons(first, "duplicate") == [
            (4, "The same as row 3 of this file."),
            (5, "The same as row 2 of this file."),
            (10, "Registered on the site by the person: kept as they wrote it."),
        ]
        invalid = dict(reasons(first, "invalid"))
        assert "empty" in invalid[6]
        assert "not an email address" in invalid[7]
        assert "Unknown country “Нарния”" in invalid[8]

        response = confirm(admin_client, REGISTRATIONS, first)
        assert response.status_code == 302
        imported = Registration.objects.filter(source=Registration.Source.IMPORT).order_by("last_name")
        assert [(r.last_name, r.first_name, r.email, r.country.code, r.phone) for r in imported] == [
            ("Asanov", "Bakyt", "bakyt@example.org", "TR", ""),
            ("Kadyrova", "Jyldyz", "", "KZ", ""),
            ("Токтогулова", "Айгүл", "aigul.t@example.org", "RU", "+996555123456"),
        ]
        assert all(r.user is None and r.privacy_consent_at is None and r.edition == edition_2016 for r in imported)

        second = preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk)
        assert counts(second) == {"new": 0, "changed": 0, "unchanged": 3, "duplicate": 3, "invalid": 3}
        confirm(admin_client, REGISTRATIONS, second)
    assert Registration.objects.count() == 4
    # The person who registered on the site is as they wrote it.
    site_registrant.refresh_from_db()
    assert (site_registrant.city, site_registrant.source) == ("Казань", Registration.Source.FORM)
    # An import never mails anyone and sends no task; imported people get no ticket.
    assert mailoutbox == []
    assert tasks(callbacks) == []
    assert not Ticket.objects.filter(registration__source=Registration.Source.IMPORT).exists()


def test_a_changed_row_is_shown_with_what_changed_and_updated_on_confirmation(admin_client, edition_2016):
    preview_response = preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk)
    confirm(admin_client, REGISTRATIONS, preview_response)
    changed = participants().replace(b"Istanbul", b"Ankara")
    response = preview(admin_client, REGISTRATIONS, "list.csv", changed, edition=edition_2016.pk)
    assert counts(response)["changed"] == 1
    assert reasons(response, "changed") == [(3, "Changes: city.")]
    assert Registration.objects.get(email="bakyt@example.org").city == "Istanbul"
    confirm(admin_client, REGISTRATIONS, response)
    assert Registration.objects.get(email="bakyt@example.org").city == "Ankara"


def test_imported_people_stay_out_of_the_directory(admin_client, client, edition_2016):
    confirm(
        admin_client,
        REGISTRATIONS,
        preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk),
    )
    assert not DirectoryEntry.objects.exists()
    assert not Registration.objects.filter(directory_consent_at__isnull=False).exists()
    for language in ("ky", "ru", "en"):
        page = client.get(f"/{language}/directory/").content.decode()
        assert "Токтогулова" not in page and "Kadyrova" not in page


def test_only_past_editions_take_a_participant_list(admin_client, edition_2016):
    upcoming = factories.OpenEditionFactory()
    response = admin_client.post(
        f"{REGISTRATIONS}import/",
        {"import_file": upload("list.csv", participants()), "format": CSV, "resource": "0", "edition": upcoming.pk},
    )
    assert response.context["form"].errors["edition"]
    assert not Registration.objects.exists()


def test_same_list_as_xlsx_with_excel_dates_and_numbers(admin_client, edition_2016):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Фамилиясы", "Аты", "Электрондук почта", "Телефон", "Өлкө", "Шаар"])
    sheet.append(["Токтогулова", "Айгүл", "aigul.t@example.org", 996555123456, "Россия", "Москва"])
    sheet.append(["Toktogulova", "Aigul", None, None, "Russia", "Moscow"])
    sheet.append(["Асанов", "Бакыт", None, None, "TR", "Стамбул"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    first, second = import_twice_counts(
        admin_client, REGISTRATIONS, "list.xlsx", buffer.getvalue(), XLSX, edition=edition_2016.pk
    )
    assert counts(first) == {"new": 2, "changed": 0, "unchanged": 0, "duplicate": 1, "invalid": 0}
    assert counts(second) == {"new": 0, "changed": 0, "unchanged": 2, "duplicate": 1, "invalid": 0}
    assert Registration.objects.get(last_name="Токтогулова").phone == "+996555123456"


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_programme_sessions_from_xlsx_with_dates_as_organizers_write_them(admin_client, edition_2016):
    content = _xlsx(
        [
            ["Күнү", "Башталышы", "Аякташы", "Түрү", "Аталышы", "Название"],
            ["1 августа 2016", "09:00", "10:30", "Пленардык отурум", "Ачылыш", "Открытие"],
            [datetime.datetime(2016, 8, 1), "11:00", "12:00", "panel", None, "Образование за рубежом"],
            ["01.08.2016", "9:00", None, None, "ачылыш", None],
            ["2019-05-05", "10:00", None, None, "Башка жыл", None],
            ["1 августа 2016", "14:00", "13:00", None, "Кеч", None],
        ]
    )
    first, second = import_twice_counts(admin_client, SESSIONS, "programme.xlsx", content, XLSX)
    assert counts(first) == {"new": 2, "changed": 0, "unchanged": 0, "duplicate": 1, "invalid": 2}
    assert dict(reasons(first, "invalid")) == {
        5: "No forum edition was held in 2019.",
        6: "end time: The session ends before it starts.",
    }
    assert counts(second) == {"new": 0, "changed": 0, "unchanged": 2, "duplicate": 1, "invalid": 2}
    opening = Session.objects.get(title_ky="Ачылыш")
    assert (opening.edition, opening.day, opening.kind, opening.title_ru) == (
        edition_2016,
        datetime.date(2016, 8, 1),
        Session.Kind.PLENARY,
        "Открытие",
    )
    assert Session.objects.get(title_ru="Образование за рубежом").kind == Session.Kind.PANEL


def test_associations_from_a_windows_1251_csv(admin_client):
    content = (DATA / "associations_cp1251.csv").read_bytes()
    first, second = import_twice_counts(admin_client, ASSOCIATIONS, "associations.csv", content)
    assert counts(first) == {"new": 2, "changed": 0, "unchanged": 0, "duplicate": 1, "invalid": 0}
    assert counts(second) == {"new": 0, "changed": 0, "unchanged": 2, "duplicate": 1, "invalid": 0}
    assert Association.objects.get(name_ru="Общество кыргызов").country.code == "RU"


BAD_FILES = [
    ("list.csv", b"%PDF-1.7\x00\x01binary", CSV, "not a spreadsheet"),
    ("list.xlsx", b"%PDF-1.7 not a workbook", XLSX, "not an Excel workbook"),
    ("list.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", XLSX, "old Excel file"),
    (
        "list.csv",
        "Фамилия;Имя;Страна\nАсанов;Бакыт;Россия\n".encode().decode("latin-1").encode(),
        CSV,
        "garbled",
    ),
    ("list.csv", "Nom;Prénom;Pays\nDupont;Zoé;France\n".encode("latin-1"), CSV, "encoding is not recognised"),
    ("list.csv", "Фамилия;Имя;Страна\nАсанов;=1+1;Россия\n".encode(), CSV, "Row 2, column Имя holds a formula"),
    ("list.csv", "Фамилия;Имя;Страна\n;Бакыт;\n;Айгүл;\n".encode(), CSV, "is empty"),
    ("list.csv", "Фамилия;Имя\nАсанов;Бакыт\n".encode(), CSV, "has no column"),
]


@pytest.mark.parametrize(("name", "content", "file_format", "message"), BAD_FILES)
def test_a_bad_file_gets_a_clear_message_and_writes_nothing(
    admin_client, edition_2016, name, content, file_format, message
):
    response = preview(admin_client, REGISTRATIONS, name, content, file_format, edition=edition_2016.pk)
    errors = " ".join(str(error) for errors in response.context["form"].errors.values() for error in errors)
    assert message in errors
    assert "confirm_form" not in response.context
    assert not Registration.objects.exists()


def test_a_formula_in_an_xlsx_file_is_refused(admin_client, edition_2016):
    content = _xlsx([["Фамилия", "Имя", "Страна"], ["Асанов", '=HYPERLINK("http://x.example")', "Россия"]])
    response = preview(admin_client, REGISTRATIONS, "list.xlsx", content, XLSX, edition=edition_2016.pk)
    assert "holds a formula" in str(response.context["form"].errors)
    assert not Registration.objects.exists()


def test_more_rows_than_the_limit_are_refused(admin_client, edition_2016):
    rows = "".join(f"Asanov{n};Bakyt;Russia\n" for n in range(MAX_ROWS + 1))
    response = preview(
        admin_client, REGISTRATIONS, "list.csv", f"Фамилия;Имя;Страна\n{rows}".encode(), edition=edition_2016.pk
    )
    assert "more than 20\u00a0000 rows" in str(response.context["form"].errors)
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("ky", ["Бул файл таблица эмес", "Жаңы", "Кайталанган", "Катасы бар", "Бул файлдын 3-сабы менен бирдей."]),
        ("ru", ["Этот файл не таблица", "Новые", "Повторы", "С ошибками", "То же, что строка 3 этого файла."]),
    ],
)
def test_the_import_pages_in_kyrgyz_and_russian(admin_client, settings, edition_2016, language, texts):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    bad = admin_client.post(
        f"{REGISTRATIONS}import/",
        {"import_file": upload("list.csv", b"%PDF\x00"), "format": CSV, "resource": "0", "edition": edition_2016.pk},
    ).content.decode()
    good = preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk).content.decode()
    assert f'lang="{language}"' in good
    assert texts[0] in bad
    for text in texts[1:]:
        assert text in good


def test_who_may_import(client, django_user_model, admin_client):
    assert client.get(f"{REGISTRATIONS}import/").status_code == 302  # to the sign-in page
    assert admin_client.get(f"{REGISTRATIONS}import/").status_code == 200


def test_staff_without_the_add_permission_may_not_import(client, django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: PLC0415 - only this test

    staff = django_user_model.objects.create_user(username="staff", email="staff@example.org", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_registration"))
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    assert client.get(f"{REGISTRATIONS}import/").status_code == 403


def test_export_uses_the_resource_and_neutralises_formulas(admin_client, edition_2016):
    Registration.objects.create(
        edition=edition_2016,
        source=Registration.Source.IMPORT,
        status=Registration.Status.CONFIRMED,
        first_name='=HYPERLINK("http://evil.example")',
        last_name="Асанов",
        country="RU",
    )
    response = admin_client.post(
        f"{REGISTRATIONS}export/",
        {
            "format": XLSX,
            "resource": "0",
            **{
                f"registrationresource_{name}": "on"
                for name in (
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "country",
                    "city",
                    "organisation",
                    "occupation",
                )
            },
        },
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'
    assert rows[0][:2] == ("First name", "Last name")
    assert rows[1][4] == "Russia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.10.2016", datetime.date(2016, 10, 1)),
        ("2016-10-01", datetime.date(2016, 10, 1)),
        ("1 октября 2016", datetime.date(2016, 10, 1)),
        ("2016-жылдын 1-октябры", datetime.date(2016, 10, 1)),
        ("1 October 2016", datetime.date(2016, 10, 1)),
        ("1/10/2016", datetime.date(2016, 10, 1)),
    ],
)
def test_dates_as_organizers_write_them(text, expected):
    assert parse_date(text) == expected


def test_names_match_in_either_alphabet():
    assert name_key("Токтогулова", "Айгүл") == name_key("Toktogulova", "Aigul")
    assert name_key("Жумабаев", "Жылдыз") == name_key("Zhumabaev", "Jyldyz")
    assert name_key("Асанов", "Бакыт") != name_key("Асанова", "Бакыт")


def test_staff_lists_and_status_changes_work_for_imported_people(
    admin_client, edition_2016, mailoutbox, django_capture_on_commit_callbacks
):
    confirm(
        admin_client,
        REGISTRATIONS,
        preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk),
    )
    imported = list(Registration.objects.order_by("pk"))
    response = admin_client.post(
        REGISTRATIONS,
        {
            "action": "export",
            "apply": "1",
            "_selected_action": [r.pk for r in imported],
            "preset": "all",
            "file_format": "csv",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "aigul.t@example.org" in text and "Kadyrova" in text
    # Cancelling an imported registration writes no letter and issues or changes no ticket.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        admin_client.post(REGISTRATIONS, {"action": "cancel", "_selected_action": [imported[0].pk]})
        response = admin_client.post(
            REGISTRATIONS, {"action": "confirm", "_selected_action": [imported[0].pk]}, follow=True
        )
    # Staff are told that nobody was written to, not that a letter went out.
    messages = [str(message) for message in response.context["messages"]]
    assert (
        messages[-2:] == ["1 registration from an imported list was changed without a letter: it has no account."] * 2
    )
    assert not [message for message in messages if "told by email" in message]
    imported[0].refresh_from_db()
    assert imported[0].status == Registration.Status.CONFIRMED
    assert (mailoutbox, tasks(callbacks)) == ([], [])
    assert not Ticket.objects.exists()


def test_the_preview_has_the_admins_breadcrumbs_and_scrolls_in_its_box(admin_client, settings, edition_2016):
    """Django 6 styles breadcrumbs as a list (import-export's div lost the bar); a file's many columns
    scroll inside the preview's box instead of widening the page."""
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = preview(admin_client, REGISTRATIONS, "list.csv", participants(), edition=edition_2016.pk).content.decode()
    crumbs = html[html.index('<ol class="breadcrumbs">') : html.index("</ol>")]
    items = [
        " ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)
    ]
    assert items == ["Начало", "Форум", "Регистрации", "Импорт"]
    assert re.search(r'<div class="import-preview-box">\s*<table class="import-preview">', html)
    assert "css/admin-import" in html
