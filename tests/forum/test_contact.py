import pytest
from django.core import mail

from forum.models import ContactRequest
from tests.factories import EditionFactory
from tests.utils import rate_limit

pytestmark = pytest.mark.django_db

CONTACT_LIMIT = rate_limit("contact")

VALID = {
    "name": "Айгүл Асанова",
    "email": "aigul@example.org",
    "phone": "+7 (916) 123-45-67",
    "message": "Кийинки форумга катышууну каалайм. Маалымат жибериңиздерчи.",
}


def test_contact_request_is_stored_and_emailed(client, django_capture_on_commit_callbacks):
    edition = EditionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ky/contact/", {**VALID, "edition": edition.pk})
    assert response.status_code == 302
    assert response["Location"] == "/ky/contact/thanks/"
    request = ContactRequest.objects.get()
    assert request.phone == "+79161234567"
    assert request.language == "ky"
    assert request.edition == edition
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mekendeshter@roza.kg"]
    assert message.reply_to == ["aigul@example.org"]
    assert "Айгүл Асанова" in message.subject
    assert VALID["message"] in message.body


def test_thank_you_page(client):
    html = client.get("/ru/contact/thanks/").content.decode()
    assert "Спасибо" in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Электрондук почтанын дарегин туура жазыңыз."),
        ({"phone": "12345"}, "phone", "+996 312 66 35 38"),
        ({"name": ""}, "name", "Бул талааны толтуруу зарыл."),
        ({"message": "hi"}, "message", None),
    ],
)
def test_bad_input_is_refused_in_the_page_language(client, data, field, message):
    response = client.post("/ky/contact/", {**VALID, **data})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    if message:
        assert message in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_hostile_text_is_stored_as_text_and_escaped(client, django_capture_on_commit_callbacks):
    hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> ‮ 𝕏 ' + "ы" * 3000
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contact/", {**VALID, "name": "<b>Bob</b>", "message": hostile})
    request = ContactRequest.objects.get()
    assert request.message == hostile.strip()
    assert "<script>" in mail.outbox[0].body  # plain-text mail: shown as typed, never rendered


def test_too_long_message_is_refused(client):
    response = client.post("/en/contact/", {**VALID, "message": "x" * 5001})
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()


def test_honeypot_pretends_success_and_stores_nothing(client):
    response = client.post("/ky/contact/", {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_rate_limit_per_client(client):
    for _ in range(CONTACT_LIMIT):
        assert client.post("/ru/contact/", VALID).status_code == 302
    response = client.post("/ru/contact/", VALID)
    assert response.status_code == 429
    assert "Слишком много" in response.content.decode()
    assert ContactRequest.objects.count() == CONTACT_LIMIT
    # Another client is not affected.
    assert client.post("/ru/contact/", VALID, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_contact_page_queries(client, django_assert_max_num_queries):
    EditionFactory.create_batch(3)
    with django_assert_max_num_queries(6):
        response = client.get("/ky/contact/")
    assert "mekendeshter@roza.kg" in response.content.decode()


def test_staff_mark_requests_handled(admin_client):
    request = ContactRequest.objects.create(name="A", email="a@example.org", message="A question here", language="ru")
    response = admin_client.post(
        "/admin/forum/contactrequest/", {"action": "mark_handled", "_selected_action": [request.pk]}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.handled_at is not None
