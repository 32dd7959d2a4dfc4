import pytest

from forum.models import OutcomeDocument
from tests.factories import (
    EditionFactory,
    HotelFactory,
    ItemFactory,
    KeyFigureFactory,
    OutcomeDocumentFactory,
    PartnershipFactory,
    SectionFactory,
    SessionFactory,
    VenueFactory,
)
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("ky", ["Биринчи «Мекендештер – 2012» Форуму", "2012-жылдын августу", "2014-жылдын июлу", "Ош"]),
        ("ru", ["Первый форум «Мекендештер – 2012»", "август 2012 г.", "июль 2014 г.", "1–2 августа 2016 г."]),
        ("en", ["The First Mekendeshter Forum 2012", "August 2012", "July 2014", "1–2 August 2016"]),
    ],
)
def test_edition_list(client, demo, language, texts):
    html = client.get(f"/{language}/forum/").content.decode()
    for text in texts:
        assert text in html, text
    # Newest first.
    assert html.index("/forum/2016/") < html.index("/forum/2014/") < html.index("/forum/2012/")


def test_edition_list_queries_do_not_grow(client):
    KeyFigureFactory(edition=EditionFactory())
    few = count_queries(client, "/ky/forum/")
    for edition in EditionFactory.create_batch(4):
        KeyFigureFactory.create_batch(3, edition=edition)
    assert count_queries(client, "/ky/forum/") == few <= 8


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("ky", ["Жаңы мүмкүнчүлүктөр", "Үчүнчү «Мекендештер» Форумунун миссиясы", "Замандаш"]),
        ("ru", ["Новые возможности", "Миссия третьего форума «Мекендештер»", "Замандаш"]),
        ("en", ["New Opportunities", "The mission of the Third Mekendeshter Forum", "Zamandash"]),
    ],
)
def test_edition_detail(client, demo, language, texts):
    html = client.get(f"/{language}/forum/2016/").content.decode()
    for text in texts:
        assert text in html, text
    assert f'href="/{language}/forum/2016/outcome/"' in html
    assert f'rel="prev" href="/{language}/forum/2014/"' in html
    assert 'rel="next"' in html


def test_edition_detail_unknown_year(client, db):
    assert client.get("/ky/forum/1999/").status_code == 404


def test_edition_detail_queries_do_not_grow(client):
    edition = EditionFactory()
    PartnershipFactory(edition=edition)
    KeyFigureFactory(edition=edition)
    url = edition.get_absolute_url()
    few = count_queries(client, url)
    PartnershipFactory.create_batch(4, edition=edition)
    KeyFigureFactory.create_batch(4, edition=edition)
    assert count_queries(client, url) == few <= 12


def test_outcome_document_has_every_item_with_stable_anchors(client, demo):
    html = client.get("/ky/forum/2016/outcome/").content.decode()
    for number in range(1, 19):
        assert f'id="recommendation-{number}"' in html
    for number in range(1, 9):
        assert f'id="result-{number}"' in html
    assert 'id="recommendation-19"' not in html
    assert "Маселенин тарыхы" in html
    assert "700 миңден ашык" in html
    assert "Өнүктүрүүнүн элементи, катализатору катары диаспора маселелерин" in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Принимаются предложения для внесения в итоговый документ."),
        ("en", "Proposals for inclusion in the outcome document are welcome."),
    ],
)
def test_outcome_document_in_other_languages(client, demo, language, text):
    html = client.get(f"/{language}/forum/2016/outcome/").content.decode()
    assert text in html
    assert 'id="recommendation-12"' in html


def test_draft_outcome_document_is_not_public(client):
    document = OutcomeDocumentFactory(status=OutcomeDocument.Status.DRAFT)
    assert client.get(f"/ky/forum/{document.edition.year}/outcome/").status_code == 404


def test_outcome_document_queries_do_not_grow(client):
    document = OutcomeDocumentFactory()
    ItemFactory(section=SectionFactory(document=document), number=1)
    url = document.get_absolute_url()
    few = count_queries(client, url)
    for _ in range(3):
        section = SectionFactory(document=document)
        for number in range(1, 6):
            ItemFactory(section=section, number=number)
    assert count_queries(client, url) == few <= 10


def test_outcome_item_falls_back_and_is_marked(client):
    item = ItemFactory(text_ky="", text_ru="Только по-русски", text_en="")
    html = client.get(f"/ky/forum/{item.section.document.edition.year}/outcome/").content.decode()
    assert '<span lang="ru">Только по-русски</span>' in html


def test_programme_groups_sessions_by_day(client):
    edition = EditionFactory()
    SessionFactory(edition=edition, title_en="Investment climate", start_time="10:00")
    SessionFactory(edition=edition, title_en="Culture evening", day=edition.end_date, start_time="18:00")
    html = client.get(f"/en/forum/{edition.year}/programme/").content.decode()
    assert html.index("Investment climate") < html.index("Culture evening")
    assert f"{edition.start_date.day} July {edition.year}" in html


def test_programme_queries_do_not_grow(client):
    edition = EditionFactory()
    SessionFactory(edition=edition)
    url = f"/ky/forum/{edition.year}/programme/"
    few = count_queries(client, url)
    SessionFactory.create_batch(6, edition=edition)
    assert count_queries(client, url) == few <= 10


def test_venue_page(client, demo):
    html = client.get("/ru/forum/2016/venue/").content.decode()
    assert "Ошский государственный университет" in html
    assert "331" in html
    assert "https://www.openstreetmap.org/?mlat=40.522300&amp;mlon=72.798500" in html
    assert 'data-lat="40.522300"' in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "Трансфер" in html and "аэропорт" in html
    assert "Проживание" in html


def test_venue_page_lists_hotels(client):
    venue = VenueFactory()
    HotelFactory(venue=venue, name_en="Hotel Alay", url="https://alay.example/")
    edition = EditionFactory(venue=venue)
    url = f"/en/forum/{edition.year}/venue/"
    html = client.get(url).content.decode()
    assert '<a href="https://alay.example/" rel="noopener nofollow">Hotel Alay</a>' in html
    few = count_queries(client, url)
    HotelFactory.create_batch(4, venue=venue)
    assert count_queries(client, url) == few <= 8


def test_venue_page_without_venue(client):
    edition = EditionFactory()
    html = client.get(f"/en/forum/{edition.year}/venue/").content.decode()
    assert "will be announced soon" in html
