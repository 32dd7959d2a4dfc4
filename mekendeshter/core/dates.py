"""Dates and date ranges written the way each language writes them."""

from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.translation import get_language, pgettext_lazy

# The same msgids as Django's own ("alt. month"): our catalogue overrides Django's Kyrgyz
# forms, which are capitalised nominatives, with the lower-case possessive forms that
# "2016-жылдын 1-августу" needs. Listing them here keeps them in our catalogue.
MONTHS_ALT = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)

# (format of the start, separator, format of the end) for a range within one month and
# within one year; ranges across years write both dates in full.
_RANGE_FORMATS = {
    "ky": {
        "month": (r"Y-\ж\ы\л\д\ы\н j", "–", r"j-E"),
        "year": (r"Y-\ж\ы\л\д\ы\н j-E", " – ", r"j-E"),
    },
    "ru": {
        "month": ("j", "–", r"j E Y \г."),
        "year": ("j E", " – ", r"j E Y \г."),
    },
    "en": {
        "month": ("j", "–", "j F Y"),
        "year": ("j F", " – ", "j F Y"),
    },
}


def format_date(value):
    return dateformat.format(value, get_format("DATE_FORMAT"))


def format_date_range(start, end=None, *, month_only=False):
    """'2016-жылдын 1–2-августу', '1–2 августа 2016 г.', '1–2 August 2016'."""
    if month_only:
        text = dateformat.format(start, get_format("YEAR_MONTH_FORMAT"))
        # Russian and English standalone months are capitalised by Django; inside a
        # Russian sentence the month stays in lower case.
        return text.lower() if get_language() == "ru" else text
    if end is None or end == start:
        return format_date(start)
    if start.year != end.year:
        return f"{format_date(start)} – {format_date(end)}"
    formats = _RANGE_FORMATS.get(get_language(), _RANGE_FORMATS["en"])
    start_format, separator, end_format = formats["month" if start.month == end.month else "year"]
    return dateformat.format(start, start_format) + separator + dateformat.format(end, end_format)
