"""Spreadsheets staff import in the admin (django-import-export): CSV and XLSX files as organizers
write them, read the same way for every model.

- A file is read here, not by tablib's own readers: CSV in UTF-8 (with or without a BOM), UTF-16
  ("Unicode text") or Windows-1251 (what Excel on a Russian Windows saves), with a comma, semicolon or
  tab between cells; the first sheet of an XLSX workbook. Anything else, more than `MAX_ROWS` rows,
  a formula, a garbled encoding or a missing required column is refused as a whole with a message
  saying what to do: nothing is written.
- Column headers are matched in ky, ru or en (the model field's label in each language and a few
  usual spellings), countries by name in the three languages or by code, dates as people write them.
- The preview sorts every row into new, changed, unchanged, duplicate or invalid, with the reason;
  confirming writes the new and changed rows in one transaction (an error rolls all of it back).
- Exports use the same resources and neutralise formulas (`mekendeshter.core.exports.neutralise`).
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from functools import cache

import tablib
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.results import RowResult
from import_export.tmp_storages import CacheStorage
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .countries import countries, kyrgyz_names
from .emails import normalise_email
from .exports import FORMULA_TRIGGERS, neutralise
from .translit import to_latin

# The most rows one file may hold: a whole edition's participants many times over, and what one
# preview checks in well under a minute. Larger lists are split into several files.
MAX_ROWS = 20_000
# Below nginx's client_max_body_size (deploy/nginx): 20,000 rows of a registration list are ~5 MB.
MAX_FILE_SIZE = 20 * 1024 * 1024

LANGUAGES = ("ky", "ru", "en")


class SpreadsheetError(ValidationError):
    """The file as a whole cannot be imported; the message says why and what to do."""


# --- Reading files ----------------------------------------------------------------------------

# UTF-8 text read as Windows-1252 or Latin-1 and saved again: "Ð\x90Ñ\x81" for "Ас".
MOJIBAKE = re.compile(r"[ÐÑ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]|Ã[\u0080-\u00bf]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIXED_WORD = re.compile(r"[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z]")


def _decode(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise SpreadsheetError(_("This file is not a spreadsheet: choose a CSV or XLSX file."), code="type")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on a Russian Windows saves "CSV" in Windows-1251: accepted when it reads as Cyrillic.
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            text = ""
        # Latin-1 or another 8-bit encoding read as Windows-1251 mixes the alphabets inside words.
        if not CYRILLIC.search(text) or MIXED_WORD.search(text):
            raise SpreadsheetError(
                _("The file's text encoding is not recognised. Save it as “CSV UTF-8” and upload it again."),
                code="encoding",
            ) from None
        return text
    if MOJIBAKE.search(text):
        raise SpreadsheetError(
            _(
                "The text in this file is garbled (for example “Ð” instead of Cyrillic letters): it was saved "
                "in the wrong encoding. Open the original file and save it as “CSV UTF-8”."
            ),
            code="encoding",
        )
    return text


def _too_many_rows():
    return SpreadsheetError(
        _("The file has more than %(limit)s rows. Split it into files of at most %(limit)s rows.")
        % {"limit": f"{MAX_ROWS:,}".replace(",", "\u00a0")},
        code="size",
    )


def _formula(row_number, column):
    return SpreadsheetError(
        _(
            "Row %(row)s, column %(column)s holds a formula. Copy the sheet and paste it as values only, "
            "then upload it again."
        )
        % {"row": row_number, "column": column},
        code="formula",
    )


def _cell(value):
    """A cell's text, stripped; an apostrophe that only kept a formula character as text (our own
    exports put it there) is dropped."""
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
            value = value[1:]
        return value
    return value


def _dataset(header, rows):
    if not header or not any(value not in (None, "") for value in header):
        raise SpreadsheetError(_("The first row of the file must hold the column headers."), code="header")
    header = [str(value).strip() if value is not None else "" for value in header]
    dataset = tablib.Dataset(headers=header)
    for row in rows:
        row = list(row)[: len(header)]
        row += [None] * (len(header) - len(row))
        dataset.append(row)
    return dataset


def read_csv(data):
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    for number, row in enumerate(reader, 2):
        row = [_cell(value) for value in row]
        if not any(row):
            continue
        if len(rows) >= MAX_ROWS:
            raise _too_many_rows()
        for index, value in enumerate(row):
            if value.startswith("="):
                raise _formula(number, header[index] if index < len(header) else index + 1)
        rows.append(row)
    return _dataset(header, rows)


def read_xlsx(data):
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _("This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV."), code="type"
        )
    try:
        # Formulas as formulas (not their cached results): a file with one is refused, not guessed at.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise SpreadsheetError(
            _("This file is not an Excel workbook (.xlsx). Choose an XLSX or CSV file."), code="type"
        ) from None
    try:
        sheet = workbook.worksheets[0]
        # The sheet's declared size, when it has one, refuses a huge file before reading it.
        if sheet.max_row is not None and sheet.max_row > MAX_ROWS * 2:
            raise _too_many_rows()
        cells = sheet.iter_rows()
        header_cells = next(cells, ())
        header = [cell.value for cell in header_cells]
        rows = []
        for row_cells in cells:
            row = []
            for cell in row_cells:
                if getattr(cell, "data_type", None) == "f":
                    raise _formula(cell.row, header[cell.column - 1] if cell.column <= len(header) else cell.column)
                row.append(_cell(cell.value))
            if not any(value not in (None, "") for value in row):
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            rows.append(row)
    finally:
        workbook.close()
    return _dataset(header, rows)


def read_spreadsheet(data, kind):
    if data is None:
        raise SpreadsheetError(_("The preview has expired. Upload the file again."), code="expired")
    if len(data) > MAX_FILE_SIZE:
        raise SpreadsheetError(
            _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)}, code="size"
        )
    return read_xlsx(data) if kind == "xlsx" else read_csv(data)


class CsvFormat(CSV):
    """CSV read as bytes by `read_csv` (encodings, delimiters, formulas, size), written neutralised."""

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        return read_spreadsheet(in_stream, "csv")

    def export_data(self, dataset, **kwargs):
        # A BOM so that spreadsheet programs read the Cyrillic text as UTF-8 (as core.exports does).
        return "\ufeff" + _neutralised(dataset).export("csv")


class XlsxFormat(XLSX):
    def create_dataset(self, in_stream):
        return read_spreadsheet(in_stream, "xlsx")

    def export_data(self, dataset, **kwargs):
        return _neutralised(dataset).export("xlsx")


def _neutralised(dataset):
    safe = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        safe.append([neutralise(value) for value in row])
    return safe


FORMATS = [CsvFormat, XlsxFormat]


class ImportStorage(CacheStorage):
    """The uploaded file between preview and confirmation: in the cache every app server shares,
    for two hours (personal data is not left lying in a temporary folder)."""

    CACHE_LIFETIME = 2 * 60 * 60
    CACHE_PREFIX = "import-"


# --- Reading values ---------------------------------------------------------------------------


def normalise_text(value):
    """Lower case, ё as е, accents and punctuation folded to spaces: how headers and names compare."""
    text = unicodedata.normalize("NFKC", str(value or "")).casefold().replace("ё", "е")
    text = re.sub(r"[\s\-_.,:;*()\[\]/'\"«»№]+", " ", text)
    return text.strip()


def name_key(*parts):
    """Names compared in either alphabet: "Айгүл Токтогулова" and "Aigul Toktogulova" give one key."""
    text = to_latin(normalise_text(" ".join(str(part or "") for part in parts)))
    # The usual Latin spellings of the same Cyrillic letters.
    for spelling, letter in (("zh", "j"), ("dj", "j"), ("kh", "h"), ("y", "i"), ("w", "v"), ("ts", "c")):
        text = text.replace(spelling, letter)
    text = re.sub(r"[^a-z ]", "", text)
    return re.sub(r"(.)\1+", r"\1", " ".join(text.split()))


# Country names people write that neither catalogue has.
COUNTRY_ALIASES = {
    "рф": "RU",
    "российская федерация": "RU",
    "орусия": "RU",
    "сша": "US",
    "usa": "US",
    "америка": "US",
    "uk": "GB",
    "англия": "GB",
    "england": "GB",
    "киргизия": "KG",
    "корея": "KR",
    "korea": "KR",
    "турция": "TR",
    "turkey": "TR",
    "оаэ": "AE",
    "uae": "AE",
}


@cache
def country_names():
    names = {}
    for code, _name in countries:
        if not code or code.startswith("─"):
            continue
        names[code.casefold()] = code
        names[countries.alpha3(code).casefold()] = code
        names[normalise_text(kyrgyz_names().get(code, ""))] = code
        for language in ("ru", "en"):
            with translation.override(language):
                names[normalise_text(countries.name(code))] = code
    names.pop("", None)
    return names | COUNTRY_ALIASES


class CountryWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        code = country_names().get(normalise_text(value))
        if code is None:
            raise ValueError(_("Unknown country “%(value)s”.") % {"value": value})
        return code

    def render(self, value, obj=None, **kwargs):
        return countries.name(value) if value else ""


MONTHS = {
    # ru, ky (the same Russian-derived names) and en, by the start of the word.
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def parse_date(value):
    """A date as organizers write it: 01.10.2016, 1/10/2016, 2016-10-01, 1 октября 2016,
    2016-жылдын 1-октябры, 1 October 2016, or an Excel date cell. Day first when ambiguous."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = normalise_text(value)
    if match := re.fullmatch(r"(\d{4}) (\d{1,2}) (\d{1,2})", text):
        year, month, day = map(int, match.groups())
    elif match := re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4})", text):
        day, month, year = map(int, match.groups())
    else:
        year = re.search(r"\b(\d{4})\b", text)
        words = text.split()
        month = next((number for word in words for stem, number in MONTHS.items() if word.startswith(stem)), None)
        day = re.search(r"\b(\d{1,2})\b", text.replace(year.group(1), "") if year else text)
        if not (year and month and day):
            raise ValueError(_("Unknown date “%(value)s”; write it as 01.10.2016.") % {"value": value})
        year, day = int(year.group(1)), int(day.group(1))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(_("Unknown date “%(value)s”; write it as 01.10.2016.") % {"value": value}) from None


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return None if value in (None, "") else parse_date(value)

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d.%m.%Y") if value else ""


class TimeWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.time()
        if isinstance(value, datetime.time):
            return value
        match = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::\d{2})?", str(value).strip())
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise ValueError(_("Unknown time “%(value)s”; write it as 09:30.") % {"value": value})
        return datetime.time(int(match.group(1)), int(match.group(2)))

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%H:%M") if value else ""


class EmailWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        try:
            return normalise_email(str(value))
        except ValidationError:
            raise ValueError(_("“%(value)s” is not an email address.") % {"value": value}) from None

    def render(self, value, obj=None, **kwargs):
        return value or ""


class TextWidget(widgets.Widget):
    """Text as typed (numbers from a spreadsheet, such as a phone, without a trailing .0)."""

    def __init__(self, **kwargs):
        # import-export passes its CharWidget's options (allow_blank); text here is never None.
        super().__init__(coerce_to_string=True)

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split())

    def render(self, value, obj=None, **kwargs):
        return value or ""


# --- The resources ----------------------------------------------------------------------------

CATEGORIES = {
    "new": _("new"),
    "changed": _("changed"),
    "unchanged": _("unchanged"),
    "duplicate": _("duplicate"),
    "invalid": _("invalid"),
}


def translated_aliases(text_headers):
    """`ALIASES` for translated text columns. `text_headers` maps a field to the headers each
    language writes for its text ({"name": {"ky": ("аталышы",), "ru": ("название",), ...}}): a
    header in one language names that language's text, so "Название" is `name_ru`."""
    return {
        f"{name}_{language}": (f"{name} {language}", *spellings[language])
        for name, spellings in text_headers.items()
        for language in LANGUAGES
    }


def translated_fields(text_headers):
    """The resource fields of those columns: `name_ky`, `name_ru`, `name_en`, ..."""
    return tuple(f"{name}_{language}" for name in text_headers for language in LANGUAGES)


def texts(source, name):
    """A translated field's text in every language, from an instance or from a row's values."""
    names = [f"{name}_{language}" for language in LANGUAGES]
    if isinstance(source, dict):
        return [source.get(field) for field in names]
    return [getattr(source, field) for field in names]


class ImportRowResult(RowResult):
    def __init__(self):
        super().__init__()
        self.category = None
        self.reasons = []
        self.number = None


class SpreadsheetResource(resources.ModelResource):
    """The shared part of every import: headers in three languages, duplicates and row categories.

    A subclass declares its fields (the column names are the field names), `ALIASES` (field name to
    extra header spellings), `REQUIRED` (fields a row cannot go without), and `match_keys(values)`
    / `instance_keys(instance)` for finding the same thing in the file and in the database."""

    ALIASES = {}
    REQUIRED = ()
    # A translated field no row may go without in every language (a name, a title), with the
    # messages for a file without any of its columns and for a row without any of its texts.
    REQUIRED_IN_ONE_LANGUAGE = None
    NO_COLUMN_IN_ANY_LANGUAGE = ""
    EMPTY_IN_EVERY_LANGUAGE = ""
    # Fields the resource itself sets from a checked value (an edition chosen on the form): not
    # looked up again for every row.
    SET_BY_IMPORT = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        skip_html_diff = True
        store_row_values = True
        store_instance = True

    def __init__(self, **kwargs):
        super().__init__()
        self.options = kwargs

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        # Text fields the resource does not declare are read as typed, like the declared ones.
        if f.get_internal_type() in ("CharField", "TextField"):
            return TextWidget
        return super().widget_from_django_field(f, default)

    # Headers

    def header_map(self):
        """Normalised header text → field name: the field's label in each language, its name, aliases."""
        mapping = {}
        for name, field in self.fields.items():
            spellings = {name, field.column_name, *self.ALIASES.get(name, ())}
            model_field = self.model_field(name)
            if model_field is not None:
                for language in LANGUAGES:
                    with translation.override(language):
                        spellings.add(str(model_field.verbose_name))
            for spelling in spellings:
                mapping.setdefault(normalise_text(spelling), name)
        return mapping

    def model_field(self, name):
        try:
            return self._meta.model._meta.get_field(self.fields[name].attribute or name)
        except Exception:  # noqa: BLE001 - a resource field with no model field behind it has no label
            return None

    def label(self, name):
        model_field = self.model_field(name)
        return str(model_field.verbose_name) if model_field is not None else name

    def map_headers(self, headers):
        mapping = self.header_map()
        return [mapping.get(normalise_text(header), header) for header in headers]

    def check_headers(self, headers):
        """Raise a SpreadsheetError when a required column is missing from the file."""
        found = set(self.map_headers(headers))
        missing = [name for name in self.REQUIRED if name not in found]
        if missing:
            raise SpreadsheetError(
                ngettext(
                    "The file has no column %(columns)s. Name the columns in the first row.",
                    "The file has no columns %(columns)s. Name the columns in the first row.",
                    len(missing),
                )
                % {"columns": ", ".join(f"“{self.label(name)}”" for name in missing)},
                code="columns",
            )
        name = self.REQUIRED_IN_ONE_LANGUAGE
        if name and not any(f"{name}_{language}" in found for language in LANGUAGES):
            raise SpreadsheetError(self.NO_COLUMN_IN_ANY_LANGUAGE, code="columns")

    def check_dataset(self, dataset):
        """Whole-file checks after reading: columns, and required columns empty in every row."""
        self.check_headers(dataset.headers)
        headers = self.map_headers(dataset.headers)
        for name in self.REQUIRED:
            index = headers.index(name)
            if dataset.height and all(row[index] in (None, "") for row in dataset):
                raise SpreadsheetError(
                    _("The column “%(column)s” is empty. Fill it in and upload the file again.")
                    % {"column": self.label(name)},
                    code="empty",
                )

    def get_export_headers(self, selected_fields=None):
        return [capfirst(self.label(field.column_name)) for field in self.get_export_fields(selected_fields)]

    # The import

    def get_row_result_class(self):
        return ImportRowResult

    def before_import(self, dataset, **kwargs):
        dataset.headers = self.map_headers(dataset.headers)
        self.seen = {}
        self.index = {}
        for instance in self.existing_instances():
            for key in self.instance_keys(instance):
                if key:
                    self.index.setdefault(key, instance)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # The preview's column headings: the file's columns, named as this admin's language names them.
        result.preview_headers = [
            capfirst(self.label(name)) if name in self.fields else name for name in dataset.headers
        ]

    def existing_instances(self):
        raise NotImplementedError

    def instance_keys(self, instance):
        raise NotImplementedError

    def match_keys(self, values):
        raise NotImplementedError

    def identity_keys(self, values):
        """Every key a row is remembered by, for the rows after it (by default its match keys)."""
        return self.match_keys(values)

    def duplicate_reason(self, instance):
        """Why an existing row found for the file's row may not be changed by an import, or None."""
        return None

    def row_values(self, row):
        values = {}
        for name, field in self.fields.items():
            if field.column_name in row:
                try:
                    values[name] = field.clean(row)
                except (ValueError, ValidationError):
                    values[name] = None
        return values

    def import_instance(self, instance, row, **kwargs):
        """Every error of a row at once: the values that cannot be read and `check_instance`'s."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        name = self.REQUIRED_IN_ONE_LANGUAGE
        if name and not any(texts(instance, name)):
            errors[f"{name}_{LANGUAGES[0]}"] = [self.EMPTY_IN_EVERY_LANGUAGE]
        self.check_instance(instance, errors)
        if errors:
            raise ValidationError(errors)

    def check_instance(self, instance, errors):
        """Add to `errors` (field name → messages) what makes a row invalid beyond its fields."""

    def get_instance(self, instance_loader, row):
        return self.current

    def import_row(self, row, instance_loader, **kwargs):
        number = kwargs["row_number"] + 1  # the header is row 1, as the spreadsheet program shows
        values = self.row_values(row)
        keys = [key for key in self.match_keys(values) if key]
        first = next((self.seen[key] for key in keys if key in self.seen), None)
        self.current = next((self.index[key] for key in keys if key in self.index), None)
        if first is not None:
            return self._row_result(
                "duplicate", number, [_("The same as row %(row)s of this file.") % {"row": first}], row
            )
        for key in self.identity_keys(values):
            if key:
                self.seen.setdefault(key, number)
        if self.current is not None and (reason := self.duplicate_reason(self.current)):
            return self._row_result("duplicate", number, [reason], row)
        missing = [name for name in self.REQUIRED if row.get(name) in (None, "")]
        if missing:
            # Left out before anything is built from it; the reasons name every empty required cell
            # and every value that cannot be read.
            reasons = [_("%(column)s: empty.") % {"column": self.label(name)} for name in missing]
            for name, field in self.fields.items():
                if field.column_name in row:
                    try:
                        field.clean(row)
                    except ValueError as error:
                        reasons.append(f"{self.label(name)}: {error}")
            return self._row_result("invalid", number, reasons, row)
        result = super().import_row(row, instance_loader, **kwargs)
        result.number = number
        if result.import_type == RowResult.IMPORT_TYPE_INVALID:
            reasons = []
            for field, errors in result.validation_error.message_dict.items():
                label = self.label(field) if field in self.fields else ""
                reasons += [f"{label}: {error}" if label else error for error in errors]
            # Invalid rows are shown and left out; they never make the whole import fail.
            result.import_type, result.validation_error = RowResult.IMPORT_TYPE_SKIP, None
            result.category, result.reasons = "invalid", list(dict.fromkeys(reasons))
        elif result.import_type == RowResult.IMPORT_TYPE_NEW:
            result.category = "new"
        elif result.import_type == RowResult.IMPORT_TYPE_UPDATE:
            result.category = "changed"
            changed = [
                self.label(field.column_name)
                for field in self.get_import_fields()
                if field.column_name in row and field.get_value(result.instance) != field.get_value(result.original)
            ]
            result.reasons = [_("Changes: %(fields)s.") % {"fields": ", ".join(changed)}]
        elif result.import_type == RowResult.IMPORT_TYPE_SKIP:
            result.category = "unchanged"
        return result

    def _row_result(self, category, number, reasons, row):
        result = self.get_row_result_class()()
        result.import_type = RowResult.IMPORT_TYPE_SKIP
        result.category, result.reasons, result.number = category, reasons, number
        result.row_values = row
        return result

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's field validation, without what would cost a query or a sort per row at
        20,000 rows: uniqueness is what the duplicate search above decides from one query for the
        whole file, the database's constraints still guard every write (an error rolls the whole
        import back), and a country the widget read is a valid code (the field's own check sorts
        all 250 countries in the page's alphabet)."""
        errors = dict(import_validation_errors or {})
        read_by_widgets = [field.attribute for field in self.fields.values() if isinstance(field.widget, CountryWidget)]
        try:
            instance.full_clean(
                exclude=[*errors, *read_by_widgets, *self.SET_BY_IMPORT],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def summary(result):
    """Counts per category, in the order the preview shows them."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for row in result.rows:
        if getattr(row, "category", None):
            counts[row.category] += 1
    return counts


# --- The admin --------------------------------------------------------------------------------


class SpreadsheetImportForm(ImportForm):
    """The upload: the file is read and checked here, so that a bad one gets its message on the form."""

    def __init__(self, formats, resources, **kwargs):
        self.resource_classes = resources
        self.import_formats = formats
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].help_text = _(
            "CSV or XLSX, at most %(rows)s rows. Column headers in Kyrgyz, Russian or English."
        ) % {"rows": f"{MAX_ROWS:,}".replace(",", "\u00a0")}

    def clean(self):
        cleaned = super().clean()
        upload, fmt = cleaned.get("import_file"), cleaned.get("format")
        if upload is None or fmt in (None, ""):
            return cleaned
        kind = "xlsx" if issubclass(self.import_formats[int(fmt)], XLSX) else "csv"
        data = b"".join(upload.chunks())
        upload.seek(0)
        # A workbook chosen with the CSV format (or the reverse) is read as what it is.
        if data.startswith(b"PK\x03\x04") and kind == "csv":
            self.add_error("format", _("This is an XLSX file: choose XLSX as the format."))
            return cleaned
        resource = self.resource_classes[int(cleaned.get("resource") or 0)](**self.resource_kwargs())
        try:
            resource.check_dataset(read_spreadsheet(data, kind))
        except SpreadsheetError as error:
            self.add_error("import_file", error)
        return cleaned

    def resource_kwargs(self):
        return {}


class SpreadsheetConfirmForm(ConfirmImportForm):
    pass


class SpreadsheetImportAdmin(ImportExportMixin):
    """Import (upload, preview, confirm) and export for a model admin, with the files above."""

    formats = FORMATS
    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    tmp_storage_class = ImportStorage
    import_template_name = "admin/import_export/spreadsheet_import.html"
    # Exports go through the export page (all rows, or those filtered), never the action menu.
    import_error_display = ("message",)

    def get_import_context_data(self, **kwargs):
        return {"categories": CATEGORIES, "max_rows": MAX_ROWS}

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        result = getattr(response, "context_data", {}).get("result")
        if result is not None:
            counts = summary(result)
            response.context_data["summary"] = [(key, CATEGORIES[key], counts[key]) for key in CATEGORIES]
            response.context_data["preview_rows"] = [row for row in result.rows if getattr(row, "category", None)]
            response.context_data["headers"] = getattr(result, "preview_headers", [])
        return response

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except SpreadsheetError as error:
            self.message_user(request, error.message, messages.ERROR)
            info = self.model._meta.app_label, self.model._meta.model_name
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*info)))

    def process_result(self, result, request):
        if result.has_errors():
            self.message_user(
                request, _("The import failed and nothing was written. Try again or tell the developers."), "error"
            )
            info = self.model._meta.app_label, self.model._meta.model_name
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*info)))
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        counts = summary(result)
        self.message_user(
            request,
            _(
                "Import done: %(new)s new, %(changed)s changed, %(unchanged)s unchanged; %(duplicate)s duplicate "
                "and %(invalid)s invalid rows left out."
            )
            % counts,
            messages.SUCCESS,
        )
