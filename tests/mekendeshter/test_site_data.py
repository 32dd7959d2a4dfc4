"""The header's, the footer's and the home page's data come from the shared cache, and a change
made by staff shows on the next page (mekendeshter.core.cache)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import OutcomeDocument
from tests.factories import EditionFactory, KeyFigureFactory, OutcomeDocumentFactory, PartnershipFactory, VenueFactory

pytestmark = pytest.mark.django_db


def outcome_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        html = client.get(url).content.decode()
    return html, [query["sql"] for query in context if "forum_outcomedocument" in query["sql"]]


def test_the_outcome_link_in_the_header_comes_from_the_cache_and_follows_staff_edits(client):
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    html, queries = outcome_queries(client, "/ky/forum/")
    assert 'href="/ky/forum/2016/outcome/"' not in html and len(queries) == 1
    document = OutcomeDocumentFactory(edition=edition)  # staff adopt the document
    html, queries = outcome_queries(client, "/ru/news/")
    assert re.search(r'href="/ru/forum/2016/outcome/"\s*>Итоговый документ</a>', html) and len(queries) == 1
    html, queries = outcome_queries(client, "/ky/news/")
    # From the cache: no query.
    assert re.search(r'href="/ky/forum/2016/outcome/"\s*>Жыйынтык документ</a>', html) and queries == []
    document.status = OutcomeDocument.Status.OPEN  # back to a draft open for proposals
    document.save()
    html, _queries = outcome_queries(client, "/ky/news/")
    assert 'href="/ky/forum/2016/outcome/"' not in html


def test_the_home_page_partners_follow_a_rename_and_a_removal_at_once(client):
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    partnership = PartnershipFactory(
        edition=edition, organisation__name_ky="Айыл банк", organisation__name_ru="Айыл Банк"
    )
    assert "Айыл банк" in client.get("/ky/").content.decode()
    assert "Айыл Банк" in client.get("/ru/").content.decode()
    organisation = partnership.organisation
    organisation.name_ky, organisation.name_ru = "Кыргызстан банкы", "Банк Кыргызстан"
    organisation.save()
    assert "Кыргызстан банкы" in client.get("/ky/").content.decode()
    assert "Банк Кыргызстан" in client.get("/ru/").content.decode()
    partnership.delete()
    assert "Банк Кыргызстан" not in client.get("/ru/").content.decode()


def test_the_next_edition_on_the_home_page_follows_staff_edits(client):
    EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    upcoming = EditionFactory(year=2040, title_ky="Келечектеги форум", title_ru="Будущий форум")
    assert "Келечектеги форум" in client.get("/ky/").content.decode()
    upcoming.title_ky, upcoming.title_ru = "Жаңы форум", "Новый форум"
    upcoming.save()
    assert "Жаңы форум" in client.get("/ky/").content.decode()
    assert "Новый форум" in client.get("/ru/").content.decode()


def test_the_last_editions_key_figures_on_the_home_page_follow_staff_edits(client):
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    figure = KeyFigureFactory(edition=edition, value="300", label_ky="катышуучу", label_ru="участников")
    assert "катышуучу" in client.get("/ky/").content.decode()
    figure.value, figure.label_ru = "350", "делегатов"
    figure.save()
    html = client.get("/ru/").content.decode()
    assert "350" in html and "делегатов" in html
    figure.delete()
    assert "делегатов" not in client.get("/ru/").content.decode()


def test_programme_and_venue_read_their_edition_from_the_cache_and_follow_staff_edits(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the data cache under test, not the page cache
    edition = EditionFactory(
        year=2016, start_date="2016-08-26", end_date="2016-08-28", title_ru="Форум 2016", venue=VenueFactory()
    )
    assert "Форум 2016" in client.get("/ru/forum/2016/venue/").content.decode()
    with CaptureQueriesContext(connection) as context:
        html = client.get("/ru/forum/2016/programme/").content.decode()
    assert "Форум 2016" in html
    assert not [query["sql"] for query in context if 'FROM "forum_edition"' in query["sql"]]
    edition.title_ru = "Шестой форум"
    edition.save()
    assert "Шестой форум" in client.get("/ru/forum/2016/programme/").content.decode()
    venue = edition.venue
    venue.name_ru = "Новый зал"
    venue.save()
    assert "Новый зал" in client.get("/ru/forum/2016/venue/").content.decode()
    assert client.get("/ru/forum/2015/venue/").status_code == 404
    assert client.get("/ru/forum/2015/programme/").status_code == 404


def test_the_outcome_page_reads_its_document_from_the_cache_and_hides_a_draft_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the data cache under test, not the page cache
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28")
    document = OutcomeDocumentFactory(edition=edition, title_ru="Итоговая резолюция")
    assert "Итоговая резолюция" in client.get("/ru/forum/2016/outcome/").content.decode()
    html, queries = outcome_queries(client, "/ru/forum/2016/outcome/")
    assert "Итоговая резолюция" in html and queries == []
    document.status = OutcomeDocument.Status.DRAFT  # staff take it back
    document.save()
    assert client.get("/ru/forum/2016/outcome/").status_code == 404


def test_the_edition_page_reads_its_edition_and_figures_from_the_cache_and_follows_staff_edits(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the data cache under test, not the page cache
    edition = EditionFactory(year=2016, start_date="2016-08-26", end_date="2016-08-28", title_ru="Форум 2016")
    KeyFigureFactory(edition=edition, value="573", label_ru="тысячи соотечественников")
    assert "тысячи соотечественников" in client.get("/ru/forum/2016/").content.decode()
    with CaptureQueriesContext(connection) as context:
        html = client.get("/ru/forum/2016/").content.decode()
    assert "Форум 2016" in html and len(context) == 0
    edition.title_ru = "Шестой форум"
    edition.save()
    assert "Шестой форум" in client.get("/ru/forum/2016/").content.decode()
    assert client.get("/ru/forum/2015/").status_code == 404
