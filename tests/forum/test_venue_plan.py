"""The venue's plan drawn from coordinates (forum/venue_plan.py): readable offline, no tiles."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forum.venue_plan import FARTHEST_DRAWN_M, distance_label, distance_m, venue_plan
from tests.factories import EditionFactory, HotelFactory, VenueFactory
from tests.utils import count_queries

# Osh State University (the demo's venue) and points north and east of it.
LAT, LNG = Decimal("40.522300"), Decimal("72.798500")


def test_distances_on_the_earth():
    # One degree along a meridian, and along the equator, with the mean radius.
    assert round(distance_m(0, 0, 1, 0)) == 111195
    assert round(distance_m(0, 0, 0, 1)) == 111195
    assert distance_m(40.5223, 72.7985, 40.5223, 72.7985) == 0


@pytest.mark.parametrize(
    ("language", "metres", "label"),
    [
        ("en", 644, "640 m"),
        ("ru", 644, "640 м"),
        ("ky", 1234, "1,2 км"),
        ("ru", 1250, "1,2 км"),
        ("en", 9640, "9.6 km"),
    ],
)
def test_distance_labels_in_each_language(language, metres, label):
    with translation.override(language):
        assert distance_label(metres) == label


def test_no_plan_without_coordinates():
    assert venue_plan(None, []) is None
    assert venue_plan(VenueFactory.build(), []) is None


def test_the_plan_puts_hotels_where_they_are_around_the_venue():
    venue = VenueFactory.build(latitude=LAT, longitude=LNG)
    north = HotelFactory.build(latitude=LAT + Decimal("0.0045"), longitude=LNG)  # 500 m north
    east = HotelFactory.build(latitude=LAT, longitude=LNG + Decimal("0.0118"))  # 1 km east
    unplaced = HotelFactory.build()
    far = HotelFactory.build(latitude=LAT + Decimal("0.2"), longitude=LNG)  # 22 km: listed only
    plan = venue_plan(venue, [north, unplaced, east, far])
    assert [point.hotel for point in plan.points] == [north, east, far]
    assert [point.number for point in plan.points] == [1, 2, 3]
    assert not hasattr(unplaced, "plan_point")
    first, second, third = plan.points
    # North is up, east is right; the venue is in the middle.
    assert (plan.venue_x, plan.venue_y) == (plan.width / 2, plan.height / 2)
    assert first.x == plan.venue_x and first.y < plan.venue_y
    assert second.y == plan.venue_y and second.x > plan.venue_x
    # The same scale both ways: 1 km east is twice as far on the plan as 500 m north.
    assert abs((second.x - plan.venue_x) / (plan.venue_y - first.y) - second.distance_m / first.distance_m) < 0.01
    # Everything drawn fits in the picture.
    assert 0 < second.x < plan.width and 0 < first.y < plan.height
    assert third.distance_m > FARTHEST_DRAWN_M and third.x is None
    # The scale bar says what its length means.
    kilometre = plan.scale_px / plan.scale_m * 1000
    assert abs(kilometre - (second.x - plan.venue_x)) / kilometre < 0.02


@pytest.mark.django_db
def test_a_hotel_needs_both_coordinates_or_none():
    hotel = HotelFactory(latitude=LAT)
    with translation.override("en"), pytest.raises(ValidationError, match="both the latitude and the longitude"):
        hotel.full_clean()
    hotel.latitude = Decimal("91")
    hotel.longitude = LNG
    with pytest.raises(ValidationError):
        hotel.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "caption", "north", "listed"),
    [
        ("ky", "координаттары боюнча тартылды", ">Т</text>", "өткөрүү жеринен 500 м (пландагы № 1)"),
        ("ru", "нарисованные по их координатам", ">С</text>", "500 м от места проведения (№ 1 на плане)"),
        ("en", "drawn from their coordinates", ">N</text>", "500 m from the venue (no. 1 on the plan)"),
    ],
)
def test_the_venue_page_draws_the_plan_in_each_language(client, language, caption, north, listed):
    venue = VenueFactory(latitude=LAT, longitude=LNG)
    HotelFactory(venue=venue, latitude=LAT + Decimal("0.0045"), longitude=LNG)
    HotelFactory(venue=venue)
    edition = EditionFactory(venue=venue)
    html = client.get(f"/{language}/forum/{edition.year}/venue/").content.decode()
    plan = re.search(r'<figure class="venue-plan">.*?</figure>', html, re.S).group(0)
    assert caption in plan
    assert north in plan
    assert plan.count('<g class="venue-plan__hotel">') == 1
    assert "http" not in plan  # nothing from elsewhere: it is drawn, not fetched
    assert " ".join(html.split()).count(listed) == 1
    # The live map is still there for when the phone is online.
    assert "data-map" in html


@pytest.mark.django_db
def test_the_plan_costs_no_query_per_hotel(client):
    venue = VenueFactory(latitude=LAT, longitude=LNG)
    HotelFactory(venue=venue, latitude=LAT, longitude=LNG + Decimal("0.01"))
    edition = EditionFactory(venue=venue)
    url = f"/en/forum/{edition.year}/venue/"
    few = count_queries(client, url)
    HotelFactory.create_batch(4, venue=venue, latitude=LAT, longitude=LNG - Decimal("0.01"))
    assert count_queries(client, url) == few
