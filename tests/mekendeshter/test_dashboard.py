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
    row = html[html.index(f"?edition__id__exact={edition.pk}") :]
    row = row[: row.index("</tr>")]
    cells = [re.sub(r"<[^>]+>|\s", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
    # pending, confirmed, waitlisted, cancelled, email not confirmed; places left
    assert cells == ["0", "3", "1", "0", "0", "7"]
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
