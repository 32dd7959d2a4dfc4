import pytest

from mekendeshter import search as site_search
from mekendeshter.core.translit import to_cyrillic, to_latin, variants
from tests.factories import AssociationFactory, DirectoryEntryFactory, EditionFactory, ItemFactory, SectionFactory
from tests.utils import count_queries, squash

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
    # Shown in Russian, the fallback for English pages, with the match marked.
    assert '<span lang="ru"><mark>Бишкекский</mark> клуб</span>' in html


@pytest.mark.parametrize(
    ("language", "query", "dates"),
    [
        ("ky", "Бишкек", "2012-жылдын 1–2-июлу"),
        ("ru", "бишкек", "1–2 июля 2012 г."),
        ("en", "Bishkek", "1–2 July 2012"),
    ],
)
def test_search_finds_editions_in_any_alphabet(client, language, query, dates):
    first = EditionFactory(year=2012)  # in Bishkek, like the factory's every edition unless told
    EditionFactory(year=2014)
    EditionFactory(year=2016, city_ky="Ош", city_ru="Ош", city_en="Osh")
    html = squash(client.get(f"/{language}/search/?q={query}").content.decode())
    title = getattr(first, f"title_{language}")
    assert html.count(f'href="/{language}/forum/2012/"') == 1
    assert f'<a href="/{language}/forum/2012/" >{title}</a> <span class="search-hit__label">{dates}</span>' in html
    assert f'href="/{language}/forum/2014/"' in html
    assert f'href="/{language}/forum/2016/"' not in html


def test_search_finds_recommendations_with_their_anchor(client):
    section = SectionFactory(slug="recommendation", document__edition=EditionFactory(year=2016))
    ItemFactory(section=section, number=14, text_ru="Развивать краудфандинг для проектов на родине.")
    html = squash(client.get("/ru/search/?q=краудфандинг").content.decode())
    assert (
        '<a href="/ru/forum/2016/outcome/#recommendation-14">2016 · Рекомендация 14</a>'
        ' <p class="search-hit__snippet" > Развивать <mark>краудфандинг</mark> для проектов на родине. </p>'
    ) in html


@pytest.mark.parametrize(
    ("language", "too_short", "nothing"),
    [
        (
            "ky",
            "Жок дегенде эки тамга жазыңыз.",
            "«&lt;script&gt;alert(1)&lt;/script&gt;» боюнча эч нерсе табылган жок.",
        ),
        ("ru", "Введите не меньше двух букв.", "По запросу «&lt;script&gt;alert(1)&lt;/script&gt;» ничего не найдено."),
    ],
)
def test_short_empty_and_hostile_queries(client, language, too_short, nothing):
    assert f"<p>{too_short}</p>" in client.get(f"/{language}/search/?q=a").content.decode()
    assert client.get(f"/{language}/search/").status_code == 200
    html = squash(client.get(f"/{language}/search/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode())
    assert "<script>alert(1)</script>" not in html
    assert f"<p>{nothing}</p>" in html
    assert client.get(f"/{language}/search/?q=" + "ы" * 5000).status_code == 200


def test_search_queries_do_not_grow(client):
    edition = EditionFactory(city_ky="Ош", city_ru="Ош", city_en="Osh")
    section = SectionFactory(document__edition=edition)
    ItemFactory(section=section, text_ky="Ош шаарында жолугушуу")
    AssociationFactory(city_ky="Ош", city_ru="Ош", city_en="Osh")
    few = count_queries(client, "/ky/search/?q=Ош")
    AssociationFactory.create_batch(15, city_ky="Ош", city_ru="Ош", city_en="Osh")
    ItemFactory.create_batch(5, section=section, text_ky="Ош шаарында жолугушуу")
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
    assert "<mark>Нурбек</mark> Listed" in client.get("/en/search/", {"q": "Nurbek"}).content.decode()


@pytest.mark.parametrize(("status", "found"), [("draft", False), ("open", True), ("final", True)])
def test_search_finds_outcome_items_of_readable_documents_only(client, status, found):
    ItemFactory(section__document__status=status, text_en="Diaspora savings fund", text_ky="", text_ru="")
    html = client.get("/en/search/", {"q": "savings"}).content.decode()
    assert ("Diaspora <mark>savings</mark> fund" in html) is found


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


def test_search_lists_no_one_while_the_directory_answers_429(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (2, 600)}
    entry = DirectoryEntryFactory(display_name="Болот Асанов")
    for _ in range(2):
        assert client.get("/ru/directory/").status_code == 200
    assert client.get("/ru/directory/").status_code == 429
    html = client.get("/ru/search/?q=Асанов").content.decode()
    assert entry.get_absolute_url().replace("/ky/", "/ru/") not in html
    assert "Болот" not in html
    assert "Люди из справочника сейчас не показаны" in html


def test_search_counts_against_the_directory_limit(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "directory": (3, 600)}
    DirectoryEntryFactory(display_name="Болот Асанов")
    for _ in range(3):
        assert "Болот <mark>Асанов</mark>" in client.get("/ru/search/?q=Асанов").content.decode()
    assert "Болот <mark>Асанов</mark>" not in client.get("/ru/search/?q=Асанов").content.decode()
    assert client.get("/ru/directory/").status_code == 429


def test_only_a_search_counts_against_the_search_limit(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (2, 600)}
    for _ in range(3):
        assert client.get("/ky/search/").status_code == 200  # the empty page searches nothing
        assert client.get("/ky/search/?q=О").status_code == 200  # too short to search
    for _ in range(2):
        assert client.get("/ky/search/?q=Ош").status_code == 200
    response = client.get("/ky/search/?q=Ош")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Сиздин тармактан өтө көп аракет жасалды." in html
    assert 'value="Ош"' in html  # the form comes back as it was sent


@pytest.mark.parametrize(
    ("language", "query", "title", "marked"),
    [
        ("ru", "Россия", "Предыстория вопроса", "<mark>России</mark>"),
        ("ky", "Россия", "Маселенин тарыхы", "<mark>Россияда</mark>"),
        ("en", "Russia", "Background", "<mark>Russia</mark>"),
    ],
)
def test_russia_finds_the_background_paragraph_of_the_outcome_document(client, demo, language, query, title, marked):
    html = squash(client.get(f"/{language}/search/", {"q": query}).content.decode())
    assert f'<a href="/{language}/forum/2016/outcome/#background">2016 · <span >{title}</span></a>' in html
    snippet = html.split("#background", 1)[1].split("</li>", 1)[0]
    assert marked in snippet and "573" in snippet


@pytest.mark.parametrize(
    ("language", "heading", "label", "more"),
    [
        ("ky", "Жыйынтык документтер", "2016 · 7-сунуштама", "Эң ылайыктуулары: 12 ичинен 10."),
        ("ru", "Итоговые документы", "2016 · Рекомендация 7", "Самые подходящие: 10 из 12."),
        ("en", "Outcome documents", "2016 · Recommendation 7", "The 10 best matches of 12."),
    ],
)
def test_results_say_how_many_of_each_kind_and_what_each_hit_is(client, language, heading, label, more):
    section = SectionFactory(slug="recommendation", document__edition=EditionFactory(year=2016))
    for number in range(1, 13):
        ItemFactory(
            section=section, number=number, text_ky="Краудфандинг", text_ru="Краудфандинг", text_en="Crowdfunding"
        )
    html = squash(client.get(f"/{language}/search/", {"q": "краудфандинг"}).content.decode())
    assert f'<a href="#found-outcome">{heading}</a> <span class="search-count">12</span>' in html
    assert f'<h2 id="found-outcome"> {heading} <span class="search-count">12</span> </h2>' in html
    assert html.count('class="search-hit"') == 10
    assert f'<a href="/{language}/forum/2016/outcome/#recommendation-7">{label}</a>' in html
    assert more in html


# (query, whether the search lists the person, whether the directory does). A query without a word
# filters nothing in the directory, and one longer than its field is ignored there (core.lists).
BAD_QUERIES = [
    ("Ош & | ! : * ( ) ' \\ \" <-> !!", True, True),  # operators are not words: "Ош" is searched
    ("Бишкек:* & !Ош", True, True),
    ("a:* | b", False, False),
    ("'", False, True),
    ("&|!:*()", False, True),
    ("%_%", False, True),
    ("\u0301\u200b", False, True),
    ("ы" * 10_000, False, True),
    ("Бишкек Ош " * 1000, True, True),  # 10 KB: the search reads the first 100 characters
]


@pytest.mark.parametrize(("query", "searched", "listed"), BAD_QUERIES)
def test_operators_and_long_queries_are_plain_text(client, query, searched, listed):
    entry = DirectoryEntryFactory(display_name="Бишкек Ош")
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    assert (f"/ru/directory/{entry.slug}/" in response.content.decode()) is searched
    response = client.get("/ky/directory/", {"q": query})
    assert response.status_code == 200
    assert (f"/ky/directory/{entry.slug}/" in response.content.decode()) is listed


def test_a_staff_edit_is_found_at_once(admin_client):
    edition = EditionFactory(year=2016, theme_ru="")
    assert "found-editions" not in admin_client.get("/ru/search/?q=Нарын").content.decode()
    edition.theme_ru = "Нарын и диаспора"
    edition.save()
    assert 'id="found-editions"' in admin_client.get("/ru/search/?q=Нарын").content.decode()


def test_directory_search_finds_organisation_and_expertise(client):
    DirectoryEntryFactory(display_name="Айбек", organisation="Kyrgyz Club Berlin", expertise="право")
    DirectoryEntryFactory(display_name="Жылдыз", organisation="", expertise="медицина")
    html = client.get("/ru/directory/", {"q": "Берлин"}).content.decode()
    assert "Айбек" in html and "Жылдыз" not in html
    html = client.get("/ru/directory/", {"q": "медицина"}).content.decode()
    assert "Жылдыз" in html and "Айбек" not in html


def test_directory_search_queries_do_not_grow(client):
    DirectoryEntryFactory(city="Бишкек")
    few = count_queries(client, "/ky/directory/?q=Бишкек")
    DirectoryEntryFactory.create_batch(30, city="Бишкек")
    assert count_queries(client, "/ky/directory/?q=Бишкек") == few


@pytest.mark.parametrize(
    ("language", "more"),
    [
        ("ky", "Эң ылайыктуулары: 3+ ичинен 3."),
        ("ru", "Самые подходящие: 3 из 3+."),
        ("en", "The 3 best matches of 3+."),
    ],
)
def test_a_frequent_word_is_counted_and_ranked_up_to_a_limit(client, monkeypatch, language, more):
    monkeypatch.setattr(site_search, "MATCHES_COUNTED", 3)
    for number in range(5):
        DirectoryEntryFactory(display_name=f"Болот Асанов {number}", city="Москва")
    DirectoryEntryFactory(display_name="Айбек Москвин", city="Ош")
    html = squash(client.get(f"/{language}/search/", {"q": "Москва"}).content.decode())
    assert '<a href="#found-people">' in html
    assert '<span class="search-count">3+</span>' in html
    assert more in html
    # Under the limit the count is exact.
    html = squash(client.get(f"/{language}/search/", {"q": "Ош"}).content.decode())
    assert '<span class="search-count">1</span>' in html and "+</span>" not in html
