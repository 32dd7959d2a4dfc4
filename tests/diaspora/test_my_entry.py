import pytest
from django.utils import timezone, translation

from diaspora.forms import DIRECTORY_ENTRY_CONSENT
from diaspora.models import DirectoryEntry, Visibility
from tests.factories import DirectoryEntryFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

FORM = {
    "action": "save",
    "display_name": "Айгүл Асанова",
    "country": "TR",
    "city": "Стамбул",
    "occupation": "дарыгер",
    "organisation": "",
    "bio": "",
    "expertise": "",
    "email": "aigul@example.org",
    "email_visibility": "members",
    "phone": "+90 532 111 22 33",
    "phone_visibility": "members",
    "telegram": "@aigul_asanova",
    "telegram_visibility": "hidden",
    "whatsapp": "",
    "whatsapp_visibility": "members",
    "consent": "on",
}


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/en/directory/me/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.post("/en/directory/me/", FORM)
    assert not DirectoryEntry.objects.exists()


def test_create_my_entry_records_the_consent_shown(client):
    me = UserFactory()
    client.force_login(me)
    with translation_of("ru"):
        page = client.get("/ru/directory/me/").content.decode()
    response = client.post("/en/directory/me/", FORM)
    assert response.status_code == 302
    entry = DirectoryEntry.objects.get(user=me)
    assert entry.consent_at is not None and entry.consent_text == str(DIRECTORY_ENTRY_CONSENT)
    assert entry.phone == "+905321112233" and entry.telegram == "aigul_asanova"
    assert entry.slug == "aygul-asanova"
    assert entry.telegram_visibility == Visibility.HIDDEN
    assert "csrfmiddlewaretoken" in page
    assert entry in DirectoryEntry.objects.listed()


def translation_of(language):
    return translation.override(language)


def test_no_entry_without_consent(client):
    client.force_login(UserFactory())
    response = client.post("/en/directory/me/", {**FORM, "consent": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not DirectoryEntry.objects.exists()


def test_contact_visibility_defaults_to_members():
    entry = DirectoryEntry()
    assert {entry.email_visibility, entry.phone_visibility, entry.telegram_visibility, entry.whatsapp_visibility} == {
        Visibility.MEMBERS
    }


def test_edit_hide_show_and_delete_my_entry(client):
    entry = DirectoryEntryFactory(display_name="Old name")
    client.force_login(entry.user)
    assert "Old name" in client.get("/en/directory/me/").content.decode()
    client.post("/en/directory/me/", {**FORM, "display_name": "New name"})
    entry.refresh_from_db()
    assert entry.display_name == "New name" and entry.slug.startswith("person-")  # the address stays
    client.post("/en/directory/me/", {"action": "hide"})
    entry.refresh_from_db()
    assert entry.is_hidden and entry not in DirectoryEntry.objects.listed()
    assert "Show my entry again" in client.get("/en/directory/me/").content.decode()
    client.post("/en/directory/me/", {"action": "show"})
    entry.refresh_from_db()
    assert not entry.is_hidden
    client.post("/en/directory/me/", {"action": "delete"})
    assert not DirectoryEntry.objects.filter(pk=entry.pk).exists()


def test_nobody_edits_another_persons_entry(client):
    other = DirectoryEntryFactory(display_name="Other person")
    client.force_login(UserFactory())
    client.post("/en/directory/me/", {"action": "delete"})
    client.post("/en/directory/me/", {"action": "hide"})
    other.refresh_from_db()
    assert other.display_name == "Other person" and not other.is_hidden


def test_staff_hidden_entry_stays_hidden_when_the_person_shows_it(client):
    entry = DirectoryEntryFactory(hidden_by_staff=True)
    client.force_login(entry.user)
    assert "has hidden your entry" in client.get("/en/directory/me/").content.decode()
    client.post("/en/directory/me/", {"action": "show"})
    client.post("/en/directory/me/", FORM)
    assert entry not in DirectoryEntry.objects.listed()


def test_prefilled_from_a_registration_with_directory_consent_but_created_only_on_save(client):
    registration = RegistrationFactory(
        first_name="Бакыт",
        last_name="Токтогулов",
        country="DE",
        city="Берлин",
        organisation="Кыргыз үйү",
        occupation="инженер",
        directory_consent_at=timezone.now(),
        directory_consent_text="I agree to be listed in the diaspora directory with my name.",
    )
    client.force_login(registration.user)
    html = client.get("/en/directory/me/").content.decode()
    assert 'value="Бакыт Токтогулов"' in html and 'value="Берлин"' in html
    assert 'value="Кыргыз үйү"' in html and 'value="инженер"' in html
    assert '<option value="DE" selected>' in html
    assert "I agree to be listed in the diaspora directory with my name." in html
    assert not DirectoryEntry.objects.exists()
    client.post("/en/directory/me/", {**FORM, "display_name": "Бакыт Токтогулов", "country": "DE"})
    assert DirectoryEntry.objects.get(user=registration.user).display_name == "Бакыт Токтогулов"


def test_no_prefill_without_directory_consent(client):
    registration = RegistrationFactory(first_name="Бакыт", city="Берлин")
    client.force_login(registration.user)
    html = client.get("/en/directory/me/").content.decode()
    assert 'value="Берлин"' not in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "call me"),
        ("whatsapp", "<script>"),
        ("telegram", "<b>x</b>"),
        ("email", "not-an-email"),
        ("email_visibility", "everyone-always"),
        ("country", "XX"),
        ("display_name", "   "),
        ("display_name", "x" * 500),
        ("bio", "y" * 5000),
    ],
)
def test_hostile_input_is_refused_without_error(client, field, value):
    client.force_login(UserFactory())
    response = client.post("/en/directory/me/", {**FORM, field: value})
    assert response.status_code == 200
    if "<" in value:
        assert value not in response.content.decode()
    assert not DirectoryEntry.objects.exists()


def test_hostile_but_valid_text_is_stored_and_escaped(client):
    me = UserFactory()
    client.force_login(me)
    hostile = "<img src=x onerror=alert(1)>"
    client.post("/en/directory/me/", {**FORM, "display_name": hostile, "bio": hostile, "city": hostile})
    entry = DirectoryEntry.objects.get(user=me)
    html = client.get(entry.get_absolute_url()).content.decode()
    assert hostile not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_expert_needs_fields_of_expertise(client):
    client.force_login(UserFactory())
    response = client.post("/en/directory/me/", {**FORM, "is_expert": "on"})
    assert "Give your fields of expertise" in response.content.decode()


def test_reserved_addresses_are_not_taken(client):
    for name in ("Me", "Experts", "Stats"):
        me = UserFactory()
        client.force_login(me)
        client.post("/en/directory/me/", {**FORM, "display_name": name})
        entry = DirectoryEntry.objects.get(user=me)
        assert entry.slug not in ("me", "experts", "stats")
        assert client.get(entry.get_absolute_url()).status_code == 200


def test_my_entry_page_queries_do_not_grow(client):
    entry = DirectoryEntryFactory()
    client.force_login(entry.user)
    few = count_queries(client, "/en/directory/me/")
    DirectoryEntryFactory.create_batch(5)
    RegistrationFactory.create_batch(2, user=entry.user)
    assert count_queries(client, "/en/directory/me/") == few <= 12
