"""No interface string of another language leaks onto a page, outside text marked with its own lang."""

import datetime
import re
from functools import cache
from pathlib import Path

import polib
import pytest

from forum.models import Album, Edition
from tests.factories import (
    ArticleFactory,
    AssociationFactory,
    DirectoryEntryFactory,
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
from tests.utils import text_in_language

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ("ky", "ru", "en")

PAGES = [
    "/{lang}/",
    "/{lang}/forum/",
    "/{lang}/forum/2016/",
    "/{lang}/forum/2012/",
    "/{lang}/forum/2016/outcome/",
    "/{lang}/forum/2016/venue/",
    "/{lang}/forum/2016/programme/",
    "/{lang}/forum/2016/photos/",
    "/{lang}/contact/thanks/",
    "/{lang}/search/?q=Osh",
    "/{lang}/news/",
    "/{lang}/news/2016-08-27-condolences/",
    "/{lang}/directory/",
    "/{lang}/contact/",
]


@cache
def catalogue(lang):
    return {
        entry.msgid: entry.msgstr or entry.msgid for entry in polib.pofile(LOCALE / lang / "LC_MESSAGES" / "django.po")
    }


@cache
def foreign_strings(lang):
    """Interface strings of the other languages (and untranslated English) that the page's own
    catalogue never uses: seeing one on the page means a string escaped translation."""
    own = set(catalogue(lang).values())
    foreign = set()
    for other in LANGUAGES:
        if other != lang:
            foreign |= set(catalogue(other).values()) | set(catalogue(other))
    return {text for text in foreign - own if len(text) >= 5 and re.search(r"\w{3}", text) and "%" not in text}


@pytest.mark.parametrize("catalogue_lang", ["ky", "ru"])
def test_catalogues_are_complete(catalogue_lang):
    po = polib.pofile(LOCALE / catalogue_lang / "LC_MESSAGES" / "django.po")
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def in_every_language(**texts):
    """`name={"ky": …, "ru": …, "en": …}` as the model's per-language fields."""
    return {f"{field}_{lang}": text for field, by_lang in texts.items() for lang, text in by_lang.items()}


@pytest.fixture
def content(db):
    """Every part of the pages above filled in all three languages, so that they show every interface
    string they can: a forum whose month only is known, and 2016 with venue, hotels, programme, outcome."""
    EditionFactory(
        year=2012, start_date=datetime.date(2012, 8, 1), end_date=None, date_precision=Edition.DatePrecision.MONTH
    )
    venue = VenueFactory(
        latitude="40.5223",
        longitude="72.7985",
        **in_every_language(
            description={"ky": "Университеттин имараты.", "ru": "Здание университета.", "en": "The university."},
            transfer={"ky": "Аэропорттон тосуп алабыз.", "ru": "Встречаем в аэропорту.", "en": "We meet you."},
            accommodation={"ky": "Мейманканалар.", "ru": "Гостиницы.", "en": "Hotels nearby."},
        ),
    )
    HotelFactory(
        venue=venue, url="https://alay.example/", **in_every_language(name={"ky": "Алай", "ru": "Алай", "en": "Alay"})
    )
    edition = EditionFactory(
        year=2016,
        start_date=datetime.date(2016, 8, 1),
        end_date=datetime.date(2016, 8, 2),
        venue=venue,
        **in_every_language(
            city={"ky": "Ош", "ru": "Ош", "en": "Osh"},
            theme={"ky": "Жаңы мүмкүнчүлүктөр", "ru": "Новые возможности", "en": "New opportunities"},
            about={"ky": "Форум жөнүндө.", "ru": "О форуме.", "en": "About the forum."},
            mission={"ky": "Миссиябыз.", "ru": "Наша миссия.", "en": "Our mission."},
        ),
    )
    KeyFigureFactory(edition=edition)
    PartnershipFactory(edition=edition)
    SessionFactory(edition=edition, start_time="10:00", end_time="12:00")
    document = OutcomeDocumentFactory(
        edition=edition,
        date=datetime.date(2016, 8, 2),
        **in_every_language(
            introduction={"ky": "Киришүү.", "ru": "Введение.", "en": "Introduction."},
            proposals_note={
                "ky": "Сунуштар кабыл алынат.",
                "ru": "Принимаются предложения.",
                "en": "Proposals welcome.",
            },
        ),
    )
    ItemFactory(section=SectionFactory(document=document, slug="recommendation"))
    Album.objects.create(
        edition=edition, **in_every_language(title={"ky": "Ачылыш", "ru": "Открытие", "en": "Opening"})
    )
    ArticleFactory(slug="2016-08-27-condolences", edition=edition)
    AssociationFactory(**in_every_language(city={"ky": "Ош", "ru": "Ош", "en": "Osh"}))
    DirectoryEntryFactory(city="Osh")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_interface_string(client, content, lang, page):
    response = client.get(page.format(lang=lang))
    assert response.status_code == 200
    text = text_in_language(response.content.decode(), lang)
    leaks = [s for s in foreign_strings(lang) if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
    assert leaks == []


def test_sign_in_pages_use_the_sites_kyrgyz_terms(client, db):
    html = client.get("/ky/accounts/login/").content.decode()
    assert "Сырсөз" in html and "Электрондук почта" in html
    assert "Купуя" not in html and "Эмейл" not in html
    signup = client.get("/ky/accounts/signup/").content.decode()
    assert "Купуя" not in signup and "Сырсөз" in signup
