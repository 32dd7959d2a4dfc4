"""The statistics page: the editions compared, by country, as bar charts and tables."""

import datetime
import io
import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from diaspora.models import DirectoryEntry
from forum.models import Arrival, Registration
from tests.factories import EditionFactory, RegistrationFactory
from tests.utils import count_queries, text_in_language

pytestmark = pytest.mark.django_db

URL = "/{}/forum/statistics/"


def arrive(registration, day):
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    return Arrival.objects.create(registration=registration, day=day, arrived_at=at, key=uuid.uuid4())


@pytest.fixture
def editions():
    """2012 by registrations; 2014 with arrivals recorded (they count instead); 2016 by registrations;
    an edition ahead whose registrations are not history yet, and a demonstration edition."""
    first = EditionFactory(year=2012, number=1, start_date=datetime.date(2012, 8, 1), end_date=None)
    second = EditionFactory(year=2014, number=2, start_date=datetime.date(2014, 7, 1), end_date=None)
    third = EditionFactory(year=2016, number=3, start_date=datetime.date(2016, 8, 1), end_date=None)
    ahead = EditionFactory(year=timezone.localdate().year + 1, number=4)
    RegistrationFactory.create_batch(6, edition=first, country="RU")
    RegistrationFactory.create_batch(2, edition=first, country="KZ")
    russians = RegistrationFactory.create_batch(7, edition=second, country="RU")
    RegistrationFactory(edition=second, country="TR")
    for registration in russians[:5]:
        arrive(registration, second.start_date)
    arrive(russians[0], second.start_date + datetime.timedelta(days=1))  # two days, one person
    RegistrationFactory.create_batch(7, edition=third, country="RU", organisation="Ата-Журт")
    RegistrationFactory(edition=third, country="RU", organisation="  ата-журт ")
    RegistrationFactory(edition=third, country="RU", organisation="Manas")
    RegistrationFactory.create_batch(5, edition=third, country="KZ")
    RegistrationFactory.create_batch(2, edition=third, country="DE")
    RegistrationFactory.create_batch(3, edition=third, country="RU", status=Registration.Status.CANCELLED)
    RegistrationFactory(edition=third, country="RU", status=Registration.Status.PENDING)
    RegistrationFactory(edition=third, country="RU", status=Registration.Status.WAITLISTED)
    RegistrationFactory.create_batch(6, edition=ahead, country="US")
    demonstration = EditionFactory(year=2015, number=15, start_date=datetime.date(2015, 7, 1), is_demo=True)
    RegistrationFactory.create_batch(6, edition=demonstration, country="US")
    return first, second, third, ahead


def table_rows(html, caption):
    """The rows of the table with `caption`, each a list of its cells' texts."""
    table = re.search(rf"<caption[^>]*>\s*{re.escape(caption)}\s*</caption>(.*?)</table>", html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells])
    return rows


PAGES = {
    "en": {
        "title": "The forum's editions compared",
        "summary": "Each edition in figures",
        "by_country": "Participants by country of residence",
        "russia": "Russia",
        "kazakhstan": "Kazakhstan",
        "fewer": "fewer than 5",
        "other": "Other countries",
        "all": "All countries",
        "not_recorded": "not recorded",
        "change": "Change",
        "country": "Country",
        "unknown": "not known",
    },
    "ru": {
        "title": "Форумы в сравнении",
        "summary": "Каждый форум в цифрах",
        "by_country": "Участники по стране проживания",
        "russia": "Россия",
        "kazakhstan": "Казахстан",
        "fewer": "меньше 5",
        "other": "Другие страны",
        "all": "Все страны",
        "not_recorded": "не отмечались",
        "change": "Изменение",
        "country": "Страна",
        "unknown": "неизвестно",
    },
    "ky": {
        "title": "Форумдарды салыштыруу",
        "summary": "Ар бир форум сандарда",
        "by_country": "Катышуучулар жашаган өлкөсү боюнча",
        "russia": "Россия",
        "kazakhstan": "Казакстан",
        "fewer": "5 адамдан аз",
        "other": "Башка өлкөлөр",
        "all": "Бардык өлкөлөр",
        "not_recorded": "белгиленген эмес",
        "change": "Өзгөрүү",
        "country": "Өлкө",
        "unknown": "белгисиз",
    },
}


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_the_editions_compared_with_their_numbers(client, editions, language):
    words = PAGES[language]
    change, unknown = words["change"], f"– {words['unknown']}"
    html = client.get(URL.format(language)).content.decode()
    assert f"<h1>{words['title']}</h1>" in html
    # Participants, change, countries, organisations, confirmed, checked in: 2014 counts arrivals.
    assert table_rows(html, words["summary"])[1:] == [
        ["2012", "8", unknown, "2", "0", "8", words["not_recorded"]],
        ["2014", "5", "-3", "1", "0", "8", "5"],
        ["2016", "16", "+11", "3", "2", "16", words["not_recorded"]],
    ]
    assert table_rows(html, words["by_country"]) == [
        [words["country"], "2012", change, "2014", change, "2016"],
        [words["russia"], "6", "-1", "5", "+4", "9"],
        [words["kazakhstan"], words["fewer"], unknown, "0", "+5", "5"],
        # Turkey's one registrant of 2014 was not checked in, so not counted.
        [words["other"], "0", "0", "0", unknown, words["fewer"]],
        [words["all"], "8", "-3", "5", "+11", "16"],
    ]
    # Bar lengths are numbers in every language (no decimal comma), on bars of three editions.
    assert re.findall(r'(?:x|y|width)="[^"]*,[^"]*"', html) == []
    assert html.count('<rect class="chart__bar') == 3 + 3 * 3  # totals, three rows
    # The years beside each country's bars, so that a bar is told apart without its colour.
    assert re.findall(r'class="chart__series">([^<]*)<', html) == ["2012", "2014", "2016"] * 3
    # The upcoming edition is not history yet, and a demonstration is none.
    assert str(editions[3].year) not in text_in_language(html, language)
    assert "2015" not in text_in_language(html, language)


def test_the_charts_are_images_with_a_title_and_the_tables_numbers(client, editions):
    html = client.get(URL.format("en")).content.decode()
    charts = re.findall(r'<figure class="chart">(.*?)</figure>', html, re.S)
    assert len(charts) == 2
    for chart in charts:
        assert len(re.findall(r'role="img"', chart)) == 1
        label = re.search(r'aria-labelledby="([^"]+)"', chart).group(1).split()
        assert [len(re.findall(rf'<span id="{name}" hidden>[^<]+</span>', chart)) for name in label] == [1, 1]
    totals, by_country = charts
    assert re.findall(r'class="chart__value"[^>]*>([^<]*)<', totals) == ["8", "5", "16"]
    assert re.findall(r'class="chart__label"[^>]*>([^<]*)<', totals) == ["2012", "2014", "2016"]
    # A bar per edition for Russia, Kazakhstan and the other countries; below 5, no bar, only the words.
    assert re.findall(r'class="chart__value"[^>]*>([^<]*)<', by_country) == [
        "6", "5", "9", "fewer than 5", "0", "5", "0", "0", "fewer than 5",
    ]  # fmt: skip
    assert re.findall(r'class="chart__label"[^>]*>([^<]*)<', by_country) == ["Russia", "Kazakhstan", "Other countries"]
    # Each bar's length is a percentage of the largest number (9); the CSP refuses style attributes.
    widths = [float(width) for width in re.findall(r'<svg class="chart__svg" width="([\d.]+)%"', by_country)]
    assert widths == [pytest.approx(100 * count / 9, abs=0.05) for count in (6, 5, 9, 0, 0, 5, 0, 0, 0)]
    assert " style=" not in totals + by_country
    # The years' labels are short: beside their bars even on a phone; the countries' stand above there.
    assert "chart__body--beside" in totals and "chart__body--beside" not in by_country


def test_a_page_without_history(client):
    EditionFactory(year=timezone.localdate().year + 1)
    html = client.get(URL.format("en")).content.decode()
    assert "No edition of the forum has been held yet." in html
    assert "chart__" not in html


def test_linked_from_the_forum_and_in_the_sitemap(client, editions):
    assert 'href="/ru/forum/statistics/"' in client.get("/ru/forum/").content.decode()
    assert "/ky/forum/statistics/" in client.get("/sitemap.xml").content.decode()


def test_queries_do_not_grow_with_editions_and_registrations(client, editions):
    few = count_queries(client, URL.format("ky"))
    for year in (2018, 2020, 2022):
        edition = EditionFactory(year=year, number=year)
        for country in ("RU", "KZ", "TR", "US", "DE", "KR"):
            registrations = RegistrationFactory.create_batch(5, edition=edition, country=country, organisation=country)
            arrive(registrations[0], edition.start_date)
    assert count_queries(client, URL.format("ky")) == few <= 8


@pytest.fixture
def demo_participants(db):
    call_command("load_demo", "--participants", verbosity=0, stdout=io.StringIO())


def test_the_demo_gives_the_2016_figures(client, demo_participants):
    html = client.get(URL.format("en")).content.decode()
    rows = table_rows(html, "Each edition in figures")
    assert [row[0] for row in rows[1:]] == ["2012", "2014", "2016"]
    participants = {row[0]: int(row[1]) for row in rows[1:]}
    countries = {row[0]: int(row[3]) for row in rows[1:]}
    assert participants["2016"] >= 500 and countries["2016"] == 24
    assert participants["2012"] < participants["2014"] < participants["2016"]
    # Each is the number of confirmed registrations in the database, per edition.
    for year, count in participants.items():
        assert Registration.objects.filter(edition__year=year).confirmed().count() == count


def test_the_demo_participants_are_loaded_once_and_never_listed(client, demo_participants):
    registrations = Registration.objects.count()
    people = get_user_model().objects.filter(username__startswith="demo-participant-")
    accounts = people.count()
    call_command("load_demo", "--participants", verbosity=0, stdout=io.StringIO())
    assert (Registration.objects.count(), people.count()) == (registrations, accounts)
    # Some came more than once: a history to show.
    assert Registration.objects.filter(user__in=people).values("user").distinct().count() < registrations
    assert not people.filter(is_active=True).exists()
    assert not any(person.has_usable_password() for person in people)
    assert not DirectoryEntry.objects.exists()
    assert "demo-participant" not in client.get("/en/directory/").content.decode()
