import re

import pytest

from diaspora import views
from tests.factories import AssociationFactory, DirectoryEntryFactory, UserFactory
from tests.utils import count_queries, skipped_heading_levels

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


# --- People -----------------------------------------------------------------------------------


def test_directory_lists_people_with_their_country(client):
    DirectoryEntryFactory(display_name="Айгүл Асанова", country="TR", city="Стамбул", occupation="мугалим")
    html = client.get("/ky/directory/").content.decode()
    assert "Айгүл Асанова" in html and "Түркия" in html and "Стамбул" in html and "мугалим" in html


def test_directory_groups_associations_by_country(client):
    AssociationFactory(name_en="In Moscow", country="RU")
    AssociationFactory(name_en="In Istanbul", country="TR")
    html = client.get("/en/directory/").content.decode()
    assert "<h3>Russia</h3>" in html
    assert "<h3>Türkiye</h3>" in html


def test_directory_map_points_only_with_coordinates(client):
    AssociationFactory(name_en="On the map", latitude="55.750000", longitude="37.620000")
    AssociationFactory(name_en="Not on the map")
    html = client.get("/en/directory/").content.decode()
    assert 'id="association-points"' in html and "On the map" in html
    assert "js/directory-map" in html
    assert "Not on the map" in html  # listed without the script, as every association


@pytest.mark.parametrize("query", ["Бишкек", "bishkek", "Bishkek"])
def test_people_search_in_either_alphabet(client, query):
    DirectoryEntryFactory(display_name="Нурлан", city="Bishkek")
    DirectoryEntryFactory(display_name="Асель", city="Бишкек")
    DirectoryEntryFactory(display_name="Чолпон", city="Москва")
    html = client.get("/en/directory/", {"q": query}).content.decode()
    assert "Нурлан" in html and "Асель" in html and "Чолпон" not in html


def test_people_filter_by_country(client):
    DirectoryEntryFactory(display_name="In Turkey", country="TR")
    DirectoryEntryFactory(display_name="In Russia", country="RU")
    html = client.get("/en/directory/", {"country": "TR"}).content.decode()
    assert "In Turkey" in html and "In Russia" not in html
    # An unknown country is ignored rather than an error.
    assert client.get("/en/directory/", {"country": "ZZ"}).status_code == 200


def test_people_are_paginated_and_pages_keep_the_filter(client):
    DirectoryEntryFactory.create_batch(views.ENTRIES_PER_PAGE + 1, country="KZ")
    html = client.get("/en/directory/", {"country": "KZ"}).content.decode()
    assert html.count('class="card"') == views.ENTRIES_PER_PAGE
    assert "?country=KZ&amp;people=2" in html
    second = client.get("/en/directory/", {"country": "KZ", "people": 2}).content.decode()
    assert second.count('class="card"') == 1


def test_expert_roster_lists_experts_only(client):
    DirectoryEntryFactory(display_name="Expert One", is_expert=True, expertise="water engineering")
    DirectoryEntryFactory(display_name="Not an expert")
    html = client.get("/en/directory/experts/").content.decode()
    assert "Expert One" in html and "water engineering" in html and "Not an expert" not in html


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_expert_roster_never_skips_a_heading_level(client, language):
    # The roster lists its entries right under the page's h1: their names are h2, not h3.
    DirectoryEntryFactory(display_name="Expert One", is_expert=True, expertise="water engineering")
    html = client.get(f"/{language}/directory/experts/").content.decode()
    assert re.search(rf'<h2 class="card__title">\s*<a href="/{language}/directory/[^"]+/">Expert One</a>', html)
    assert skipped_heading_levels(html) == []


def test_entry_page(client):
    entry = DirectoryEntryFactory(display_name="Эрмек", bio="Line one\nLine two", organisation="Kyrgyz House")
    html = client.get(f"/ru/directory/{entry.slug}/").content.decode()
    assert "Эрмек" in html and "Kyrgyz House" in html and "Line one<br>Line two" in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "ky",
            "Бул адам катталган катышуучулар менен бөлүшкөн байланыш маалыматтарын көрүү үчүн "
            '<a href="/ky/accounts/login/?next=/ky/directory/ermek/">сайтка кириңиз</a>.',
        ),
        (
            "ru",
            '<a href="/ru/accounts/login/?next=/ru/directory/ermek/">Войдите</a>, чтобы увидеть контакты, '
            "которые этот человек открыл для зарегистрированных участников.",
        ),
    ],
)
def test_entry_page_asks_anonymous_visitors_to_sign_in(client, lang, sentence):
    """The sign-in link brings the visitor back to the entry (`next` was empty before)."""
    DirectoryEntryFactory(slug="ermek", email="ermek@example.org")
    html = client.get(f"/{lang}/directory/ermek/").content.decode()
    assert f"<p> {sentence} </p>" in " ".join(html.split())
    assert "ermek@example.org" not in html


def test_stats_group_small_countries(client):
    DirectoryEntryFactory.create_batch(5, country="RU")
    DirectoryEntryFactory.create_batch(2, country="TR")
    DirectoryEntryFactory(country="US")
    html = client.get("/en/directory/stats/").content.decode()
    assert "<td>Russia</td>" in html and "<td>5</td>" in html
    assert "Turkey" not in html and "United States" not in html
    assert "Other countries" in html and "fewer than 5" in html


def test_directory_pages_are_rate_limited_with_a_translated_page(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (2, 600)}
    entry = DirectoryEntryFactory()
    assert client.get("/ru/directory/").status_code == 200
    assert client.get(entry.get_absolute_url()).status_code == 200
    response = client.get("/ru/directory/experts/")
    assert response.status_code == 429
    assert response["Retry-After"]
    assert 'lang="ru"' in response.content.decode()
    assert entry.display_name not in response.content.decode()
    assert client.get(entry.get_absolute_url()).status_code == 429


@pytest.mark.parametrize(
    "url",
    ["/ky/directory/", "/ky/directory/?q=Бишкек&country=RU", "/ky/directory/experts/", "/ky/directory/stats/"],
)
def test_people_pages_queries_do_not_grow(client, url):
    DirectoryEntryFactory(is_expert=True, expertise="law", city="Бишкек")
    few = count_queries(client, url)
    DirectoryEntryFactory.create_batch(6, is_expert=True, expertise="law", city="Бишкек")
    DirectoryEntryFactory.create_batch(3, country="TR", is_expert=True, expertise="law")
    assert count_queries(client, url) == few <= 10


def test_entry_page_queries(client):
    entry = DirectoryEntryFactory()
    assert count_queries(client, entry.get_absolute_url()) <= 6


def test_hostile_input_in_every_field_is_escaped(client):
    hostile = '<script>alert("x")</script>'
    entry = DirectoryEntryFactory(
        display_name=hostile,
        city=hostile,
        occupation=hostile,
        organisation=hostile,
        bio=hostile,
        is_expert=True,
        expertise=hostile,
        email="a@example.org",
        email_visibility="public",
    )
    client.force_login(UserFactory())
    for url in [
        "/en/directory/",
        "/en/directory/experts/",
        entry.get_absolute_url(),
        f"/en/search/?q={entry.city[:20]}",
        "/en/directory/?q=%3Cscript%3E&country=%3Cb%3E",
        "/en/directory/?people=%27%22%3E&page=-1",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert hostile not in response.content.decode(), url
    assert client.get("/en/directory/%3Cscript%3E/").status_code == 404


def test_demo_directory_leads_with_associations_and_counts_per_country(client, demo):
    html = client.get("/ru/directory/").content.decode()
    assert "<h1>Объединения и соотечественники за рубежом</h1>" in html
    assert html.index('id="associations-heading"') < html.index('id="people-heading"')
    assert "Россия (3)</a>" in html and "Казахстан (1)</a>" in html
    assert html.count('<p class="badge">демонстрационные данные</p>') == 9
    # The chips follow the Russian alphabet: Великобритания … Германия … Россия … США … Турция.
    start = html.index('class="chips"')
    chips = re.findall(r"country=([A-Z]{2})", html[start : html.index("</ul>", start)])
    assert chips == ["GB", "DE", "KZ", "RU", "US", "TR", "KR"]
    assert html.index("<h3>Великобритания</h3>") < html.index("<h3>Германия</h3>") < html.index("<h3>Россия</h3>")
    html = client.get("/ky/directory/").content.decode()
    assert "Россия (3)</a>" in html and "<h1>Чет өлкөдөгү бирикмелер жана мекендештер</h1>" in html


def test_country_chip_filters_the_associations_and_the_map(client, demo):
    response = client.get("/ky/directory/?country=RU")
    html = response.content.decode()
    assert re.search(r'href="\?country=RU"\s+aria-current="true"', html)
    assert {point["name"] for point in response.context["map_points"]} == {
        "Москвадагы кыргызстандыктардын «Ата-Журт» бирикмеси",
        "Санкт-Петербургдагы «Ала-Тоо» мекендештер коому",
        "Екатеринбургдагы «Манас» кыргыз маданий борбору",
    }
    assert "Алматыдагы «Достук»" not in html
    # Unfiltered, the map shows every association.
    assert len(client.get("/ky/directory/").context["map_points"]) == 9
