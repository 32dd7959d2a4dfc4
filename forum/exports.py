"""Registration lists for staff: CSV or XLSX, with the columns they choose.

The transfer list carries only what the driver needs; the hotel list only what the hotel needs;
both only the people who are coming (confirmed), with the forum they come to.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendeshter.core import exports

from .models import Registration

COLUMNS = {
    "edition": (_("forum"), lambda r: str(r.edition.year)),
    "first_name": (_("first name"), lambda r: r.first_name),
    "last_name": (_("last name"), lambda r: r.last_name),
    "email": (_("email"), lambda r: r.user.email if r.user_id else r.email),
    "phone": (_("phone"), lambda r: r.phone),
    "status": (_("status"), lambda r: str(r.get_status_display())),
    "country": (_("country of residence"), lambda r: str(r.country.name)),
    "city": (_("city"), lambda r: r.city),
    "organisation": (_("organisation or diaspora association"), lambda r: r.organisation),
    "occupation": (_("occupation"), lambda r: r.occupation),
    "arrival_date": (_("arrival date"), lambda r: r.arrival_date),
    "arrival_time": (_("arrival time"), lambda r: r.arrival_time),
    "flight": (_("flight"), lambda r: r.flight),
    "check_in": (_("check-in"), lambda r: r.check_in),
    "check_out": (_("check-out"), lambda r: r.check_out),
    "accompanying_persons": (_("accompanying persons"), lambda r: r.accompanying_persons),
    "dietary_needs": (_("dietary needs"), lambda r: r.dietary_needs),
    "accessibility_needs": (_("accessibility needs"), lambda r: r.accessibility_needs),
    "created_at": (_("registered"), lambda r: timezone.localtime(r.created_at).replace(tzinfo=None)),
}

PRESETS = {
    "all": (_("All columns"), list(COLUMNS), {}),
    "transfer": (
        _("Transfer list (for the driver)"),
        [
            "edition",
            "status",
            "first_name",
            "last_name",
            "phone",
            "arrival_date",
            "arrival_time",
            "flight",
            "accompanying_persons",
        ],
        # Waitlisted and cancelled people are not coming: no car waits for them.
        {"needs_transfer": True, "status": Registration.Status.CONFIRMED},
    ),
    "hotel": (
        _("Hotel list (for the hotel)"),
        [
            "edition",
            "status",
            "first_name",
            "last_name",
            "check_in",
            "check_out",
            "accompanying_persons",
            "accessibility_needs",
        ],
        {"needs_accommodation": True, "status": Registration.Status.CONFIRMED},
    ),
}


def rows(queryset, columns):
    yield [str(COLUMNS[name][0]) for name in columns]
    for registration in queryset:
        yield [COLUMNS[name][1](registration) for name in columns]


def as_csv(queryset, columns, filename):
    return exports.csv_response(rows(queryset, columns), filename)


def as_xlsx(queryset, columns, filename):
    return exports.xlsx_response(rows(queryset, columns), filename)


# --- Attendance at the venue -----------------------------------------------------------------

ATTENDANCE_COLUMNS = (
    (_("day"), lambda a: a.day),
    (_("checked in at"), lambda a: timezone.localtime(a.arrived_at).strftime("%H:%M")),
    (_("first name"), lambda a: a.registration.first_name),
    (_("last name"), lambda a: a.registration.last_name),
    (_("country of residence"), lambda a: str(a.registration.country.name)),
    (_("city"), lambda a: a.registration.city),
    (_("organisation or diaspora association"), lambda a: a.registration.organisation),
    (_("checked in by"), lambda a: a.checked_in_by.get_username() if a.checked_in_by else ""),
)


def attendance_csv(arrivals, filename):
    """Arrivals as CSV, formulas neutralised by the same helper as every other export."""
    header = [str(label) for label, _value in ATTENDANCE_COLUMNS]
    lines = ([value(arrival) for _label, value in ATTENDANCE_COLUMNS] for arrival in arrivals)
    return exports.csv_response([header, *lines], filename)
