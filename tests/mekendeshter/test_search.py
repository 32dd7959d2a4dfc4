import pytest

from mekendeshter.core.translit import to_cyrillic, to_latin, variants
from tests.factories import AssociationFactory
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
    from tests.factories import DirectoryEntryFactory

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


def test_search_lists_no_one_while_the_directory_answers_429(client, settings):
    from tests.factories import DirectoryEntryFactory

    settings.DIRECTORY_RATE_LIMIT = 2
    entry = DirectoryEntryFactory(display_name="Болот Асанов")
    for _ in range(2):
        assert client.get("/ru/directory/").status_code == 200
    assert client.get("/ru/directory/").status_code == 429
    html = client.get("/ru/search/?q=bo").content.decode()
    assert entry.get_absolute_url().replace("/ky/", "/ru/") not in html and "Болот" not in html
    assert "Люди из справочника сейчас не показаны" in html


def test_search_counts_against_the_directory_limit(client, settings):
    from tests.factories import DirectoryEntryFactory

    settings.DIRECTORY_RATE_LIMIT = 3
    DirectoryEntryFactory(display_name="Болот Асанов")
    for _ in range(3):
        assert "Болот Асанов" in client.get("/ru/search/?q=bo").content.decode()
    assert "Болот Асанов" not in client.get("/ru/search/?q=bo").content.decode()
    assert client.get("/ru/directory/").status_code == 429


def test_search_is_rate_limited(client, db):
    from mekendeshter.views import SEARCH_LIMIT

    for _ in range(SEARCH_LIMIT):
        assert client.get("/ky/search/?q=Ош").status_code == 200
    response = client.get("/ky/search/?q=Ош")
    assert response.status_code == 429
    assert "кыска убакыттын ичинде көп жолу издедиңиз" in response.content.decode()
