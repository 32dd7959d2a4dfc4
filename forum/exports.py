"""Registration lists for staff: CSV or XLSX, with the columns they choose.

The transfer list carries only what the driver needs; the hotel list only what the hotel needs.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

COLUMNS = {
    "first_name": (_("first name"), lambda r: r.first_name),
    "last_name": (_("last name"), lambda r: r.last_name),
    "email": (_("email"), lambda r: r.user.email),
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
        ["first_name", "last_name", "phone", "arrival_date", "arrival_time", "flight", "accompanying_persons"],
        {"needs_transfer": True},
    ),
    "hotel": (
        _("Hotel list (for the hotel)"),
        ["first_name", "last_name", "check_in", "check_out", "accompanying_persons", "accessibility_needs"],
        {"needs_accommodation": True},
    ),
}


def rows(queryset, columns):
    yield [str(COLUMNS[name][0]) for name in columns]
    for registration in queryset:
        yield [COLUMNS[name][1](registration) for name in columns]


def _text(value):
    return "" if value is None else str(value)


def as_csv(queryset, columns, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(queryset, columns):
        writer.writerow([_text(value) for value in row])
    # A BOM so that spreadsheet programs read the Cyrillic text as UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(queryset, columns, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows(queryset, columns):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


# --- Attendance at the venue -----------------------------------------------------------------

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection):
# a name typed as "=HYPERLINK(…)" must arrive as text, so such cells get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = _text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(label) for label, _value in ATTENDANCE_COLUMNS])
    for arrival in arrivals:
        writer.writerow([spreadsheet_safe(value(arrival)) for _label, value in ATTENDANCE_COLUMNS])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
