import datetime

import pytest
from icalendar import Calendar

from forum.models import Edition
from tests.factories import EditionFactory, SessionFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_one_event_per_day_without_a_programme(client):
    edition = EditionFactory(start_date=datetime.date(2031, 7, 30), end_date=datetime.date(2031, 8, 1), year=2031)
    calendar = parse(client.get("/ky/forum/2031/calendar.ics"))
    events = calendar.walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [
        datetime.date(2031, 7, 30),
        datetime.date(2031, 7, 31),
        datetime.date(2031, 8, 1),
    ]
    assert str(events[0]["summary"]) == edition.title_ky


def test_one_event_per_session(client):
    edition = EditionFactory()
    SessionFactory(edition=edition, title_en="Investment climate", start_time="10:00", end_time="11:30")
    SessionFactory(edition=edition, title_en="Culture", start_time="18:00")
    calendar = parse(client.get(f"/en/forum/{edition.year}/calendar.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    start = events[0].decoded("dtstart")
    assert (start.hour, start.minute, start.utcoffset()) == (10, 0, datetime.timedelta(hours=6))
    assert str(events[0]["summary"]).startswith("Investment climate — ")
    assert len({str(event["uid"]) for event in events}) == 2


def test_no_calendar_when_only_the_month_is_known(client):
    EditionFactory(
        year=2012, start_date=datetime.date(2012, 8, 1), end_date=None, date_precision=Edition.DatePrecision.MONTH
    )
    assert client.get("/ky/forum/2012/calendar.ics").status_code == 404


def test_calendar_queries_do_not_grow(client):
    edition = EditionFactory()
    SessionFactory(edition=edition, start_time="10:00")
    url = f"/ky/forum/{edition.year}/calendar.ics"
    few = count_queries(client, url)
    SessionFactory.create_batch(5, edition=edition, start_time="12:00")
    assert count_queries(client, url) == few <= 4


@pytest.mark.parametrize(("language", "label"), [("ky", "Календарга кошуу"), ("ru", "Добавить в календарь")])
def test_edition_page_links_to_the_calendar(client, language, label):
    EditionFactory(year=2016)
    html = client.get(f"/{language}/forum/2016/").content.decode()
    assert f'<a href="/{language}/forum/2016/calendar.ics" download>{label}</a>' in html


def test_every_tzid_has_its_vtimezone(client):
    """RFC 5545: a TZID parameter must name a VTIMEZONE component of the same calendar."""
    edition = EditionFactory()
    SessionFactory(edition=edition, start_time="10:00", end_time="11:30")
    body = client.get(f"/ru/forum/{edition.year}/calendar.ics").content.decode()
    assert "DTSTART;TZID=Asia/Bishkek:" in body
    calendar = Calendar.from_ical(body)
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Asia/Bishkek"]
    # Bishkek has been UTC+6 all year since 2005.
    assert "TZOFFSETTO:+0600" in body
    assert body.index("BEGIN:VTIMEZONE") < body.index("BEGIN:VEVENT")
