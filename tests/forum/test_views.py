import datetime

import pytest

from forum.models import Edition, OutcomeDocument
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
from tests.utils import count_queries, squash

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions():
    """The first three editions: two whose month only is known, and 2016 with its theme, texts and venue."""
    first = EditionFactory(
        year=2012,
        number=1,
        title_ky="Биринчи «Мекендештер – 2012» форуму",
        title_ru="Первый форум «Мекендештер – 2012»",
        title_en="The First Mekendeshter Forum 2012",
        start_date=datetime.date(2012, 8, 1),
        end_date=None,
        date_precision=Edition.DatePrecision.MONTH,
    )
    second = EditionFactory(
        year=2014,
        number=2,
        start_date=datetime.date(2014, 7, 1),
        end_date=None,
        date_precision=Edition.DatePrecision.MONTH,
    )
    third = EditionFactory(
        year=2016,
        number=3,
        city_ky="Ош",
        city_ru="Ош",
        city_en="Osh",
        start_date=datetime.date(2016, 8, 1),
        end_date=datetime.date(2016, 8, 2),
        theme_ky="Жаңы мүмкүнчүлүктөр",
        theme_ru="Новые возможности",
        theme_en="New Opportunities",
        about_ky="Форум жөнүндө.",
        about_ru="О форуме.",
        about_en="About the forum.",
        mission_ky="Үчүнчү Форумдун миссиясы.",
        mission_ru="Миссия третьего форума.",
        mission_en="The mission of the third forum.",
        venue=VenueFactory(
            latitude="40.5223",
            longitude="72.7985",
            transfer_ru="Встречаем в аэропорту Оша.",
            accommodation_ru="Места в гостиницах рядом с университетом.",
        ),
    )
    return first, second, third


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        ("ky", ["2016-жылдын 1–2-августу", "2014-жылдын июлу", "2012-жылдын августу"]),
        ("ru", ["1–2 августа 2016 г.", "июль 2014 г.", "август 2012 г."]),
        ("en", ["1–2 August 2016", "July 2014", "August 2012"]),
    ],
)
def test_edition_list(client, editions, language, dates):
    html = squash(client.get(f"/{language}/forum/").content.decode())
    summaries = [
        f'<time datetime="{edition.start_date:%Y-%m-%d}">{when}</time> </p> <h2 class="edition-summary__title" >'
        f' <a href="/{language}/forum/{edition.year}/">{getattr(edition, f"title_{language}")}</a> </h2>'
        for edition, when in zip(reversed(editions), dates, strict=True)
    ]
    # Newest first, each with its dates in the page's language.
    positions = [html.index(summary) for summary in summaries]
    assert positions == sorted(positions)


def test_edition_list_queries_do_not_grow(client):
    KeyFigureFactory(edition=EditionFactory())
    few = count_queries(client, "/ky/forum/")
    for edition in EditionFactory.create_batch(4):
        KeyFigureFactory.create_batch(3, edition=edition)
    assert count_queries(client, "/ky/forum/") == few <= 8


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("ky", ["«Жаңы мүмкүнчүлүктөр»", "<p>Форум жөнүндө.</p>", "<p>Үчүнчү Форумдун миссиясы.</p>"]),
        ("ru", ["«Новые возможности»", "<p>О форуме.</p>", "<p>Миссия третьего форума.</p>"]),
        ("en", ["“New Opportunities”", "<p>About the forum.</p>", "<p>The mission of the third forum.</p>"]),
    ],
)
def test_edition_detail(client, editions, outcome, language, texts):
    later = EditionFactory(year=2018, number=4)
    html = squash(client.get(f"/{language}/forum/2016/").content.decode())
    for text in texts:
        assert text in html, text
    assert f'<a href="/{language}/forum/2016/outcome/">' in html
    previous, following = getattr(editions[1], f"title_{language}"), getattr(later, f"title_{language}")
    assert f'<a rel="prev" href="/{language}/forum/2014/">← {previous}</a>' in html
    assert f'<a rel="next" href="/{language}/forum/2018/">{following} →</a>' in html


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


@pytest.fixture
def outcome(editions):
    """The 2016 outcome document: 18 recommendations and 8 results, its introduction and note in each language."""
    document = OutcomeDocumentFactory(
        edition=editions[2],
        introduction_ky="Дүйнө жүзүндө 700 миңден ашык мекендешибиз жашайт.",
        proposals_note_ru="Принимаются предложения для внесения в итоговый документ.",
        proposals_note_en="Proposals for inclusion in the outcome document are welcome.",
    )
    recommendations = SectionFactory(document=document, slug="recommendation", title_ky="Сунуштамалар")
    for number in range(1, 19):
        ItemFactory(section=recommendations, number=number, text_ky=f"Диаспора маселелерин карап чыгуу {number}")
    results = SectionFactory(document=document, slug="result")
    for number in range(1, 9):
        ItemFactory(section=results, number=number)
    return document


def test_outcome_document_has_every_item_with_stable_anchors(client, outcome):
    html = squash(client.get("/ky/forum/2016/outcome/").content.decode())
    for number in range(1, 19):
        assert f'<li id="recommendation-{number}" value="{number}" class="document__item">' in html
    for number in range(1, 9):
        assert f'<li id="result-{number}" value="{number}" class="document__item">' in html
    assert 'id="recommendation-19"' not in html
    assert "<h2 >Сунуштамалар</h2>" in html
    assert '<div class="prose" ><p>Дүйнө жүзүндө 700 миңден ашык мекендешибиз жашайт.</p></div>' in html
    assert "<span >Диаспора маселелерин карап чыгуу 12</span>" in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Принимаются предложения для внесения в итоговый документ."),
        ("en", "Proposals for inclusion in the outcome document are welcome."),
    ],
)
def test_outcome_document_in_other_languages(client, outcome, language, text):
    html = squash(client.get(f"/{language}/forum/2016/outcome/").content.decode())
    assert f'<aside class="notice"> <p >{text}</p>' in html
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


def test_venue_page(client, editions):
    html = squash(client.get("/ru/forum/2016/venue/").content.decode())
    assert '<h2 id="venue-heading" >Ошский государственный университет</h2> <address >ул. Ленина, 331</address>' in html
    assert (
        '<a href="https://www.openstreetmap.org/?mlat=40.522300&amp;mlon=72.798500#map=17/40.522300/72.798500"' in html
    )
    assert 'data-lat="40.522300" data-lng="72.798500"' in html
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<h2 id="transfer-heading">Трансфер</h2> <div class="prose" ><p>Встречаем в аэропорту Оша.</p></div>' in html
    assert (
        '<h2 id="accommodation-heading">Проживание</h2>'
        ' <div class="prose" ><p>Места в гостиницах рядом с университетом.</p></div>'
    ) in html


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
