import pytest

from tests.factories import AssociationFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "country"), [("ky", "Россия"), ("ru", "Россия"), ("en", "Russia")])
def test_directory_lists_associations_with_country_names(client, language, country):
    AssociationFactory(
        name_en="Compatriots in Moscow", name_ky="Москвадагы мекендештер", name_ru="Соотечественники в Москве"
    )
    html = client.get(f"/{language}/directory/").content.decode()
    assert country in html
    assert {"ky": "Москвадагы мекендештер", "ru": "Соотечественники в Москве", "en": "Compatriots in Moscow"}[
        language
    ] in html


def test_directory_hides_unpublished(client):
    AssociationFactory(name_en="Hidden one", is_published=False)
    assert "Hidden one" not in client.get("/en/directory/").content.decode()


def test_directory_queries_do_not_grow(client):
    AssociationFactory()
    few = count_queries(client, "/ky/directory/")
    AssociationFactory.create_batch(6, country="TR")
    assert count_queries(client, "/ky/directory/") == few <= 8
