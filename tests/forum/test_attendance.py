import csv
import datetime
import io
import uuid

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.utils import timezone, translation

from forum import selectors
from forum.models import Arrival, Registration
from mekendeshter.core import exports as core_exports
from tests.factories import OpenEditionFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY_1, DAY_2 = datetime.date(2030, 7, 1), datetime.date(2030, 7, 2)


def arrive(registration, day):
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 14)))
    return Arrival.objects.create(registration=registration, day=day, arrived_at=at, key=uuid.uuid4())


@pytest.fixture
def edition():
    edition = OpenEditionFactory(start_date=DAY_1, end_date=DAY_2, year=2030)
    germans = RegistrationFactory.create_batch(2, edition=edition, country="DE")
    russian = RegistrationFactory(edition=edition, country="RU")
    RegistrationFactory(edition=edition, country="KZ", status=Registration.Status.WAITLISTED)
    arrive(germans[0], DAY_1)
    arrive(germans[0], DAY_2)
    arrive(russian, DAY_1)
    return edition


def test_figures_per_day_and_country_against_confirmed(edition):
    with translation.override("en"):
        figures = selectors.attendance_figures(edition=edition)
    assert figures["days"] == [DAY_1, DAY_2]
    rows = {str(row["country"]): row for row in figures["rows"]}
    assert set(rows) == {"Germany", "Russia"}
    assert (rows["Germany"]["confirmed"], rows["Germany"]["per_day"], rows["Germany"]["arrived"]) == (2, [1, 1], 1)
    assert (rows["Russia"]["confirmed"], rows["Russia"]["per_day"], rows["Russia"]["arrived"]) == (1, [1, 0], 1)
    assert figures["totals"] == {"confirmed": 3, "per_day": [2, 1], "arrived": 2}


@pytest.mark.parametrize(
    ("lang", "caption", "germany"),
    [("ky", "2030-жылкы форумга келгендер", "Германия"), ("ru", "Явка на форум 2030 года", "Германия")],
)
def test_the_admin_shows_the_figures_in_the_staffs_language(admin_client, edition, lang, caption, germany):
    page = admin_client.get(
        f"/admin/forum/arrival/?registration__edition__id__exact={edition.pk}", HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert caption in page
    assert f'<th scope="row">{germany}</th>' in page
    assert f"/admin/forum/arrival/export/{edition.pk}/" in page


def test_the_admin_home_page_shows_the_current_editions_figures(admin_client, edition):
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Явка на форум 2030 года" in page


def test_the_export_neutralises_formulas(admin_client, edition):
    for name in ('=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTab"):
        arrive(RegistrationFactory(edition=edition, first_name=name, last_name="Асанова"), DAY_1)
    response = admin_client.get(f"/admin/forum/arrival/export/{edition.pk}/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["день", "время отметки", "имя"]
    first_names = [row[2] for row in rows[1:]]
    assert {'\'=HYPERLINK("http://x")', "'+1+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)", "'\tTab"} <= set(first_names)
    assert "Айгүл" in first_names
    assert len(rows) == 1 + 3 + 5


def test_the_shared_neutraliser_leaves_ordinary_text_alone():
    assert core_exports.neutralise("Айгүл") == "Айгүл"
    assert core_exports.neutralise("\r=1") == "'\r=1"


def test_the_export_is_for_staff_who_may_see_arrivals(client, edition):
    url = f"/admin/forum/arrival/export/{edition.pk}/"
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 302
    staff = UserFactory(is_staff=True)
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_arrival"))
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.content.decode("utf-8-sig").splitlines()) == 1 + 3
