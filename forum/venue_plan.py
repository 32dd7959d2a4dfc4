"""A plan of the venue and its recommended hotels, drawn as SVG from their coordinates.

The venue page shows it always: it is part of the page, so it stays readable offline (the
service worker keeps the page) and needs no third-party tiles, whose terms forbid keeping them
for offline use. The live map (Leaflet on OpenStreetMap tiles) is drawn over it only when the
phone is online, because streets help more than a plan when they can be had.
"""

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# The plan's drawing area (SVG user units) and the margin kept free for labels.
WIDTH, HEIGHT = 420, 300
MARGIN = 36
# Hotels farther than this are listed with their distance, not drawn: the plan would shrink the
# neighbourhood of the venue to a dot.
FARTHEST_DRAWN_M = 6000
# The plan shows at least this much around the venue.
MIN_RADIUS_M = 400
SCALE_STEPS_M = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
EARTH_RADIUS_M = 6371008.8


def distance_m(lat1, lng1, lat2, lng2):
    """Great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _offset_m(lat0, lng0, lat, lng):
    """East and north offsets in metres from (lat0, lng0): flat enough within a few kilometres."""
    east = math.radians(lng - lng0) * EARTH_RADIUS_M * math.cos(math.radians(lat0))
    north = math.radians(lat - lat0) * EARTH_RADIUS_M
    return east, north


def distance_label(metres):
    """ "650 m", "1.2 km" (in the page's language and number format)."""
    if metres < 1000:
        return _("%(metres)s m") % {"metres": int(round(metres, -1))}
    return _("%(km)s km") % {"km": number_format(round(metres / 1000, 1), decimal_pos=1)}


@dataclass
class PlanPoint:
    number: int
    hotel: object
    distance_m: float
    x: float | None = None
    y: float | None = None

    @property
    def distance(self):
        return distance_label(self.distance_m)


@dataclass
class Plan:
    width: int
    height: int
    venue_x: float
    venue_y: float
    points: list
    scale_m: int
    scale_px: float

    @property
    def scale_label(self):
        return distance_label(self.scale_m)


def venue_plan(venue, hotels):
    """The plan, or None when the venue has no coordinates. Every hotel with coordinates gets a
    number and its distance, also set on the hotel as `plan_point` for the hotel list; those near
    enough get a place on the plan."""
    if venue is None or venue.latitude is None or venue.longitude is None:
        return None
    lat0, lng0 = float(venue.latitude), float(venue.longitude)
    points, offsets = [], []
    for hotel in hotels:
        if hotel.latitude is None or hotel.longitude is None:
            continue
        lat, lng = float(hotel.latitude), float(hotel.longitude)
        point = PlanPoint(number=len(points) + 1, hotel=hotel, distance_m=distance_m(lat0, lng0, lat, lng))
        points.append(point)
        hotel.plan_point = point
        if point.distance_m <= FARTHEST_DRAWN_M:
            offsets.append((point, *_offset_m(lat0, lng0, lat, lng)))
    reach_x = max([MIN_RADIUS_M, *(abs(east) for _point, east, _north in offsets)])
    reach_y = max([MIN_RADIUS_M * HEIGHT / WIDTH, *(abs(north) for _point, _east, north in offsets)])
    # Metres to units, the same both ways (a plan, not a stretched picture).
    scale = min((WIDTH / 2 - MARGIN) / reach_x, (HEIGHT / 2 - MARGIN) / reach_y)
    centre_x, centre_y = WIDTH / 2, HEIGHT / 2
    for point, east, north in offsets:
        point.x = round(centre_x + east * scale, 1)
        point.y = round(centre_y - north * scale, 1)
    # A scale bar about a fifth of the plan's width, in a round number of metres.
    target = WIDTH / 5 / scale
    scale_m = min(SCALE_STEPS_M, key=lambda step: abs(step - target))
    return Plan(
        width=WIDTH,
        height=HEIGHT,
        venue_x=centre_x,
        venue_y=centre_y,
        points=points,
        scale_m=scale_m,
        scale_px=round(scale_m * scale, 1),
    )
