import pytest

from diaspora.models import DirectoryEntry
from tests.factories import DirectoryEntryFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_filters_and_searches_entries(admin_client):
    DirectoryEntryFactory(display_name="Expert in Turkey", country="TR", is_expert=True, expertise="law")
    DirectoryEntryFactory(display_name="Hidden in Russia", is_hidden=True)
    url = "/admin/diaspora/directoryentry/"
    assert "Expert in Turkey" in admin_client.get(url).content.decode()
    filtered = admin_client.get(url, {"is_expert__exact": "1", "country": "TR"}).content.decode()
    assert "Expert in Turkey" in filtered and "Hidden in Russia" not in filtered
    hidden = admin_client.get(url, {"is_hidden__exact": "1"}).content.decode()
    assert "Hidden in Russia" in hidden and "Expert in Turkey" not in hidden
    found = admin_client.get(url, {"q": "Turkey"}).content.decode()
    assert "Expert in Turkey" in found and "Hidden in Russia" not in found


def test_staff_hide_entries_from_the_admin(admin_client):
    entry = DirectoryEntryFactory()
    response = admin_client.post(
        "/admin/diaspora/directoryentry/", {"action": "hide_entries", "_selected_action": [entry.pk]}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.hidden_by_staff and not DirectoryEntry.objects.listed().exists()


def test_staff_cannot_add_entries_for_people(admin_client):
    assert admin_client.get("/admin/diaspora/directoryentry/add/").status_code == 403


def test_admin_change_page_opens(admin_client):
    entry = DirectoryEntryFactory()
    html = admin_client.get(f"/admin/diaspora/directoryentry/{entry.pk}/change/").content.decode()
    assert entry.consent_text in html
