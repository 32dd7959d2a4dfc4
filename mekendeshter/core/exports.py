"""Spreadsheet files for staff (CSV and XLSX): every writer goes through here.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to a
spreadsheet program (openpyxl even stores such strings as formulas): text that people typed into
our forms must never run as one when staff open the list (formula or CSV injection). `neutralise`
makes such text inert by putting an apostrophe in front, as OWASP recommends.
"""

import csv
import datetime
import io
import re

from django.http import HttpResponse
from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A signed plain number ("+996312663538", "-3") calls no function and links nowhere: phone
# numbers in international format stay readable for the people who dial them.
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d ]*")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """The cell value as it is safe to write: text that a spreadsheet would read as a formula
    gets a leading apostrophe; numbers, dates and None are kept as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv_text(value):
    return "" if value is None else neutralise(str(value))


def csv_response(rows, filename):
    """`rows` (lists of cells, the first the header) as a CSV download."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    # A BOM so that spreadsheet programs read the Cyrillic text as UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_value(value):
    if value is None or isinstance(value, (bool, int, float, datetime.date, datetime.time)):
        return value
    return neutralise(str(value))


def xlsx_response(rows, filename):
    """`rows` (lists of cells, the first the header) as an XLSX download."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
