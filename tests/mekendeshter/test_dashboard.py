"""The admin index: a dashboard for the organizers, apps in the order they use them."""

import re

import pytest

from forum.models import Registration
from tests.factories import NewsletterFactory, OpenEditionFactory, RegistrationFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_dashboard_counts_registrations_by_status_and_places_left(admin_client):
    edition = OpenEditionFactory(capacity=10)
    RegistrationFactory.create_batch(3, edition=edition, status=Registration.Status.CONFIRMED)
    RegistrationFactory(edition=edition, status=Registration.Status.WAITLISTED)
    NewsletterFactory(subject_ru="Письмо о форуме")
    admin_client.cookies["django_language"] = "ru"
    html = admin_client.get("/admin/").content.decode()
    assert "Коротко о главном" in html
    # A column per edition, a row per status (pending, confirmed, waitlisted, cancelled, email not
    # confirmed) and the places left: the edition's column is the first (the newest edition).
    table = html[html.index('id="dashboard"') : html.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>") :], re.S)
    labels = [re.sub(r"<[^>]+>|\s+", " ", re.search(r"<th[^>]*>(.*?)</th>", row, re.S)[1]).strip() for row in rows]
    assert labels == [
        "Ожидает подтверждения",
        "Подтверждена",
        "В листе ожидания",
        "Отменена",
        "Почта ещё не подтверждена",
        "Свободных мест",
    ]
    first_cells = [re.sub(r"<[^>]+>|\s", "", re.findall(r"<td>(.*?)</td>", row, re.S)[0]) for row in rows]
    assert first_cells == ["0", "3", "1", "0", "0", "7"]
    assert f"?edition__id__exact={edition.pk}&amp;status__exact=confirmed" in rows[1]
    assert "Письмо о форуме" in html


def test_dashboard_lists_the_forum_apps_first(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert html.index('class="app-forum') < html.index('class="app-news') < html.index('class="app-account')


def test_dashboard_queries_do_not_grow(admin_client):
    edition = OpenEditionFactory(capacity=10)
    RegistrationFactory(edition=edition)
    few = count_queries(admin_client, "/admin/")
    RegistrationFactory.create_batch(4, edition=OpenEditionFactory())
    assert count_queries(admin_client, "/admin/") <= few + 2
