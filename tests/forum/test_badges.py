import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from pypdf import PdfReader

from forum import badges, tickets
from forum.models import BadgeRole, Registration, Ticket
from tests.factories import OpenEditionFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrations():
    edition = OpenEditionFactory()
    people = [
        RegistrationFactory(edition=edition, first_name="Айгүл", last_name="Өмүрбекова", country="DE"),
        RegistrationFactory(
            edition=edition, first_name="Бакыт", last_name="Toktogulov", country="RU", role=BadgeRole.SPEAKER
        ),
        RegistrationFactory(edition=edition, first_name="Нурлан", last_name="Жаңыбаев", country="TR"),
    ]
    for registration in people:
        Ticket.objects.create(registration=registration, token=tickets.new_token())
    return people


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def test_one_a6_badge_a_page_with_both_scripts_country_and_role_in_order(registrations):
    pages = pdf_text(badges.badges_pdf(registrations, layout="a6", language="ru"))
    assert len(pages) == 3
    assert "Айгүл Өмүрбекова" in pages[0] and "Aygul Omurbekova" in pages[0] and "Германия" in pages[0]
    assert "УЧАСТНИК" in pages[0].upper()
    assert "Бакыт Toktogulov" in pages[1] and "Россия" in pages[1] and "СПИКЕР" in pages[1].upper()
    assert "Нурлан Жаңыбаев" in pages[2] and "Nurlan Jangybaev" in pages[2] and "Турция" in pages[2]


def test_a4_sheets_hold_four_badges(registrations):
    pages = pdf_text(badges.badges_pdf(registrations * 2, layout="a4", language="ky"))
    assert len(pages) == 2
    assert pages[0].upper().count("МЕКЕНДЕШТЕР") == 4
    assert pages[1].upper().count("МЕКЕНДЕШТЕР") == 2


def test_the_font_carrying_kyrgyz_letters_is_embedded(registrations):
    reader = PdfReader(io.BytesIO(badges.badges_pdf(registrations[:1], layout="a6")))
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    assert any("DejaVu-Sans" in str(font["/BaseFont"]) for font in fonts)
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def action(registrations, name):
    return {"action": name, "_selected_action": [r.pk for r in registrations]}


def test_staff_print_badges_from_the_admin_in_the_order_shown(admin_client, registrations):
    response = admin_client.post(
        "/admin/forum/registration/?o=-9", action(registrations, "badges_a6"), HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_text(response.content)
    # Newest registration first (the changelist's "created" column, descending), as staff sorted it.
    assert [page.split("\n")[1] for page in pages] == ["Нурлан Жаңыбаев", "Бакыт Toktogulov", "Айгүл Өмүрбекова"]


def test_badges_are_for_staff_who_may_change_registrations(client, registrations):
    data = action(registrations, "badges_a6")
    assert client.post("/admin/forum/registration/", data).status_code == 302
    client.force_login(registrations[0].user)
    assert client.post("/admin/forum/registration/", data)["Content-Type"] != "application/pdf"
    staff = UserFactory(is_staff=True)
    TOTP.activate(staff, generate_totp_secret())
    staff.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(staff)
    response = client.post("/admin/forum/registration/", data)
    assert response["Content-Type"] != "application/pdf"
    assert Registration.objects.count() == 3
