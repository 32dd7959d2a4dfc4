import pytest

from mekendeshter.core.translit import to_cyrillic, to_latin, variants
from tests.factories import AssociationFactory, DirectoryEntryFactory, ItemFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Бишкек", "bishkek"), ("Ош", "osh"), ("Жалал-Абад", "jalal-abad"), ("Мекендештер", "mekendeshter")],
)
def test_transliteration_both_ways(cyrillic, latin):
    assert to_latin(cyrillic) == latin
    assert to_cyrillic(latin) == cyrillic.lower()


def test_variants_cover_case_and_alphabet():
    assert {"Бишкек", "бишкек", "Bishkek", "bishkek"} <= variants("bishkek")


def test_latin_query_finds_cyrillic_only_content(client):
    AssociationFactory(
        name_ky="Бишкек клубу", name_ru="Бишкекский клуб", name_en="", city_en="", city_ru="", city_ky=""
    )
    html = client.get("/en/search/?q=Bishkek").content.decode()
    assert "Бишкекский клуб" in html  # shown in Russian, the fallback for English pages
    assert 'lang="ru"' in html


@pytest.mark.parametrize(("language", "query"), [("ky", "Бишкек"), ("ru", "бишкек"), ("en", "Bishkek")])
def test_search_finds_editions_in_any_alphabet(client, demo, language, query):
    html = client.get(f"/{language}/search/?q={query}").content.decode()
    assert html.count('href="/' + language + '/forum/2012/"') == 1
    assert 'href="/' + language + '/forum/2014/"' in html


def test_search_finds_recommendations_with_their_anchor(client, demo):
    html = (
        client.get("/ru/search/?q=краудфандинг").content.decode() + client.get("/ru/search/?q=туризм").content.decode()
    )
    assert "/ru/forum/2016/outcome/#recommendation-14" in html


def test_short_empty_and_hostile_queries(client, demo):
    assert "at least two letters" in client.get("/en/search/?q=a").content.decode()
    assert client.get("/en/search/").status_code == 200
    html = client.get("/en/search/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Nothing was found" in html
    assert client.get("/en/search/?q=" + "ы" * 5000).status_code == 200


def test_search_queries_do_not_grow(client, demo):
    few = count_queries(client, "/ky/search/?q=Ош")
    AssociationFactory.create_batch(15, city_ky="Ош", city_ru="Ош", city_en="Osh")
    assert count_queries(client, "/ky/search/?q=Ош") == few <= 14


def test_search_finds_listed_people_by_name_city_and_occupation_only(client):
    DirectoryEntryFactory(
        display_name="Нурбек Listed", city="Бишкек", occupation="архитектор", email="nurbek-secret@example.org"
    )
    DirectoryEntryFactory(display_name="Hidden Нурбек", city="Бишкек", is_hidden=True)
    DirectoryEntryFactory(display_name="Organisation match", organisation="Bishkek Club", city="Osh")
    html = client.get("/en/search/", {"q": "Bishkek"}).content.decode()
    assert "Нурбек Listed" in html and "архитектор" in html
    assert "Hidden Нурбек" not in html and "nurbek-secret" not in html
    assert "Organisation match" not in html
    assert "Нурбек Listed" in client.get("/en/search/", {"q": "Nurbek"}).content.decode()


@pytest.mark.parametrize(("status", "found"), [("draft", False), ("open", True), ("final", True)])
def test_search_finds_outcome_items_of_readable_documents_only(client, status, found):
    ItemFactory(section__document__status=status, text_en="Diaspora savings fund", text_ky="", text_ru="")
    html = client.get("/en/search/", {"q": "savings"}).content.decode()
    assert ("Diaspora savings fund" in html) is found


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Текстте тыюу салынган белги бар: нөлдүк байт."), ("ru", "Данные содержат запрещённый символ: ноль-байт")],
)
def test_search_with_a_nul_byte_says_why_in_the_page_language(client, demo, language, message):
    response = client.get(f"/{language}/search/?q=a%00b")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
