import io

import feedparser
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.test import override_settings
from modeltranslation.translator import translator
from reversion.models import Version

from diaspora.models import DirectoryEntry
from forum.models import Album, Edition, Item, OutcomeDocument, Partnership, ProgressUpdate
from mekendeshter.demo import content
from news.models import Article
from news.views import ARTICLES_PER_PAGE
from tests.factories import UserFactory
from tests.forum.test_calendar import parse

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("forum", "news", "diaspora")


def snapshot():
    models = [model for app in CONTENT_APPS for model in apps.get_app_config(app).get_models()]
    return {model.__name__: serializers.serialize("json", model.objects.order_by("pk")) for model in models}


def test_load_demo_is_idempotent(demo):
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_load_demo_content(demo):
    assert list(Edition.objects.order_by("number").values_list("year", flat=True))[:3] == [2012, 2014, 2016]
    upcoming = Edition.objects.get(number=4)
    assert upcoming.is_demo and upcoming in Edition.objects.upcoming()
    assert Edition.objects.current() == upcoming
    document = OutcomeDocument.objects.get(edition__year=2016)
    assert Item.objects.filter(section__document=document, section__slug="recommendation").count() == 18
    assert Item.objects.filter(section__document=document, section__slug="result").count() == 8
    assert Partnership.objects.filter(edition__year=2016).count() == 5
    assert Article.objects.published().count() == len(content.ARTICLES) > ARTICLES_PER_PAGE  # pagination shows
    assert Article.objects.filter(category=Article.Category.ANNOUNCEMENT).count() >= 3
    osh = Edition.objects.get(year=2016).venue
    assert osh.address_ru == "г. Ош, ул. Ленина, 331"
    assert osh.latitude and osh.longitude


DEMO_HOME_CONTENT = {
    "ky": [
        "Үчүнчү «Мекендештер – 2016» форуму",
        "Жаңы мүмкүнчүлүктөр",
        "2016-жылдын 1–2-августу",
        "катышуучу",
        "диаспоралык бирикме",
        "пленардык жыйналыш",
        "Ош мамлекеттик университети",
        "Жыйынтык документ",
        "«Роза Отунбаеванын демилгеси» эл аралык коомдук фонду",
        "+996 312 66 35 38",
        "mekendeshter@roza.kg",
    ],
    "ru": [
        "Третий форум «Мекендештер – 2016»",
        "Новые возможности",
        "1–2 августа 2016 г.",
        "участников",
        "диаспоральных объединений",
        "Ошский государственный университет",
        "Итоговый документ",
        "Международный общественный фонд «Инициатива Розы Отунбаевой»",
        "+996 312 66 35 38",
    ],
    "en": [
        "The Third Mekendeshter Forum 2016",
        "New Opportunities",
        "1–2 August 2016",
        "participants",
        "diaspora associations",
        "Osh State University",
        "Outcome document",
        "+996 312 66 35 38",
    ],
}


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_demo_home_page_shows_the_seed_content(client, demo, language):
    """A fresh `make run` opens on the seed page: the demo's own texts, as a visitor reads them."""
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    for text in DEMO_HOME_CONTENT[language]:
        assert text in html, text
    for value in ("500+", "24", "27", "7"):
        assert f'<span class="figures__value">{value}</span>' in html


# The demo's one text written in a single language: how the site shows an untranslated text.
ONE_LANGUAGE_ONLY = {("Article", "directory-add-your-association")}


def test_every_demo_text_is_translated(demo):
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).get_field_names()
        for obj in model.objects.all():
            if (model.__name__, getattr(obj, "slug", None)) in ONE_LANGUAGE_ONLY:
                continue
            for field in fields:
                values = {lang: getattr(obj, f"{field}_{lang}") for lang in ("ky", "ru", "en")}
                if any(values.values()):
                    assert all(values.values()), (model.__name__, obj.pk, field, values)


@override_settings(DEBUG=True)
def test_staff_account_in_development(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    user = get_user_model().objects.get(username="staff@example.org")
    assert user.is_staff and user.check_password("mekendeshter-demo")
    assert "mekendeshter-demo" in out.getvalue()


@override_settings(DEBUG=False)
def test_no_staff_account_in_production(db):
    call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_load_demo_invents_no_people(demo):
    call_command("load_demo", stdout=io.StringIO())
    assert not DirectoryEntry.objects.exists()


def test_demo_outcome_text_can_be_restored_after_an_edit(demo):
    item = Item.objects.get(section__document__edition__year=2016, section__slug="recommendation", number=12)
    original = item.text_ky
    versions = Version.objects.get_for_object(item.section)
    assert versions.count() == 1
    Item.objects.filter(pk=item.pk).update(text_ky="Оңдолгон текст")
    versions.first().revision.revert()
    item.refresh_from_db()
    assert item.text_ky == original
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert Version.objects.get_for_object(item.section).count() == 1  # idempotent


# --- The demo's pages -----------------------------------------------------------------------


def test_demo_programme_has_the_seven_plenary_sessions(client, demo):
    html = client.get("/en/forum/2016/programme/").content.decode()
    assert html.count('class="session"') == 7
    assert "Improving the Investment Climate" in html
    assert "The Diaspora in the National Development Strategy" in html
    assert "1 August 2016" in html and "2 August 2016" in html


def test_demo_calendar_has_the_seven_plenary_sessions(client, demo):
    calendar = parse(client.get("/ru/forum/2016/calendar.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 7
    assert str(events[0]["summary"]).endswith(" — Третий форум «Мекендештер – 2016»")
    assert "Ошский государственный университет" in str(events[0]["location"])
    assert str(events[0]["url"]) == "http://testserver/ru/forum/2016/"


def test_demo_edition_is_open_for_registration(client, demo):
    edition = Edition.objects.get(number=4)
    assert edition.registration_is_open() and edition.capacity
    user = UserFactory()
    client.force_login(user)
    for page in (f"/ky/forum/{edition.year}/", "/ky/"):
        assert f"/ky/forum/{edition.year}/register/" in client.get(page).content.decode(), page


def test_demo_news_list_has_pages_and_announcements(client, demo):
    html = client.get("/en/news/").content.decode()
    assert "Page 1 of 2" in html
    assert "The Mekendeshter Forum&#x27;s portal is open" in html
    assert "We grieve together" in client.get("/en/news/?page=2").content.decode() + html


@pytest.mark.parametrize(
    ("language", "status", "demo_word", "counts"),
    [
        ("ky", "аткарылууда", "демонстрация", "Пункттардын абалы"),
        ("ru", "выполняется", "демонстрация", "Состояние пунктов"),
        ("en", "in progress", "demonstration", "Where the items stand"),
    ],
)
def test_demo_tracks_the_2016_recommendations(client, demo, language, status, demo_word, counts):
    """The document's results 2012–2016 as the state of the recommendations they match, and a few
    later updates marked as demonstration data: on the outcome page, the progress page and the feed."""
    html = " ".join(client.get(f"/{language}/forum/2016/outcome/").content.decode().split())
    council = html.split('id="recommendation-2"', 1)[1].split("</li>", 1)[0]
    assert f'<span class="progress-status progress-status--in_progress">{status}</span>' in council
    assert demo_word not in council
    platform = html.split('id="recommendation-18"', 1)[1].split("</li>", 1)[0]
    assert f'<span class="badge">{demo_word}</span>' in platform
    page = " ".join(client.get(f"/{language}/forum/2016/outcome/progress/").content.decode().split())
    assert f'<h2 id="progress-summary">{counts}</h2>' in page
    assert 'progress-status--in_progress">' + status.capitalize() + "</span> </th> <td>5</td>" in page
    assert page.count('<span class="badge">') == 2 * ProgressUpdate.objects.filter(is_demo=True).count()
    feed = feedparser.parse(client.get(f"/{language}/forum/2016/outcome/progress/feed/").content)
    assert not feed.bozo and len(feed.entries) == len(content.PROGRESS_2016)
    # The results are dated as the document records them; the demonstration data is marked so.
    assert not ProgressUpdate.objects.filter(is_demo=False).exclude(date=content.OUTCOME_2016["date"]).exists()


def test_demo_album_has_drawn_demonstration_photos(client, demo, settings):
    album = Album.objects.get(edition__year=2016)
    photos = list(album.photos.order_by("order"))
    assert len(photos) == 4
    for photo in photos:
        assert (settings.MEDIA_ROOT / photo.image.name).is_file() and photo.thumb_480
        assert photo.caption_ky.startswith("Демонстрациялык сүрөт")
    html = client.get("/ky/forum/2016/").content.decode()
    assert 'alt="Демонстрациялык сүрөт 1"' in html and "Бул форумдун сүрөт альбому" in html
    page = client.get("/ru/forum/2016/photos/").content.decode()
    assert "Демонстрационный альбом" in page and "нарисованные для сайта" in page
    call_command("load_demo", verbosity=0, stdout=io.StringIO())  # again: no second set of photos
    assert album.photos.count() == 4
