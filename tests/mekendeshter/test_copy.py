"""The copy findings of the language review, settled in our catalogue, the overrides and the demo."""

import pytest

from tests.factories import OpenEditionFactory

pytestmark = pytest.mark.django_db


def test_kyrgyz_password_errors_are_kyrgyz(client):
    edition = OpenEditionFactory()
    html = client.post(
        f"/ky/forum/{edition.year}/register/", {"email": "a@example.org", "password1": "short"}
    ).content.decode()
    assert "Сырсөз өтө кыска: кеминде 8 белги болушу керек." in html
    assert "too short" not in html


def test_kyrgyz_registration_labels_in_the_organizers_words(client):
    edition = OpenEditionFactory()
    html = client.get(f"/ky/forum/{edition.year}/register/").content.decode()
    for label in ("Рейс (каттам) номери", "Коштоп келүүчүлөрдүн саны", "Мейманканага кирүү күнү", "Келген күнүңүз"):
        assert label in html, label
    assert "Рейси" not in html


def test_demo_copy_fixes(client, demo):
    html = client.get("/ru/").content.decode()
    assert "в Оше" in html and "г. Оше" not in html
    assert "Четвёртый форум «Мекендештер»" in html
    html = client.get("/ky/forum/2016/").content.decode()
    assert "КРнын" in html and "КРдын" not in html
