"""Registration lists for staff: CSV or XLSX, with the columns they choose.

The transfer list carries only what the driver needs; the hotel list only what the hotel needs;
both only the people who are coming (confirmed), with the forum they come to.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendeshter.core import exports

from .models import Registration

# Each column is headed by its model field's label (lazy: in the language of the export), so a
# field renamed on the model is renamed here too; `LABELS` where a list needs other words.
GETTERS = {
    "edition": lambda r: str(r.edition.year),
    "first_name": lambda r: r.first_name,
    "last_name": lambda r: r.last_name,
    "email": lambda r: r.user.email if r.user_id else r.email,
    "phone": lambda r: r.phone,
    "status": lambda r: str(r.get_status_display()),
    "country": lambda r: str(r.country.name),
    "city": lambda r: r.city,
    "organisation": lambda r: r.organisation,
    "occupation": lambda r: r.occupation,
    "arrival_date": lambda r: r.arrival_date,
    "arrival_time": lambda r: r.arrival_time,
    "flight": lambda r: r.flight,
    "check_in": lambda r: r.check_in,
    "check_out": lambda r: r.check_out,
    "accompanying_persons": lambda r: r.accompanying_persons,
    "dietary_needs": lambda r: r.dietary_needs,
    "accessibility_needs": lambda r: r.accessibility_needs,
    "created_at": lambda r: timezone.localtime(r.created_at).replace(tzinfo=None),
}
# Where a list says it otherwise: the column holds the edition's year, and the account's address
# as well as the imported one (the model's label of `email` speaks of imported lists).
LABELS = {"edition": _("forum"), "email": _("email")}


def label(name):
    return LABELS.get(name) or Registration._meta.get_field(name).verbose_name


COLUMNS = {name: (label(name), getter) for name, getter in GETTERS.items()}

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
    (label("first_name"), lambda a: a.registration.first_name),
    (label("last_name"), lambda a: a.registration.last_name),
    (label("country"), lambda a: str(a.registration.country.name)),
    (label("city"), lambda a: a.registration.city),
    (label("organisation"), lambda a: a.registration.organisation),
    (_("checked in by"), lambda a: a.checked_in_by.get_username() if a.checked_in_by else ""),
)


def attendance_csv(arrivals, filename):
    """Arrivals as CSV, formulas neutralised by the same helper as every other export."""
    header = [str(label) for label, _value in ATTENDANCE_COLUMNS]
    lines = ([value(arrival) for _label, value in ATTENDANCE_COLUMNS] for arrival in arrivals)
    return exports.csv_response([header, *lines], filename)
