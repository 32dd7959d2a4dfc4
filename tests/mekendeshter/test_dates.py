import datetime

import pytest
from django.utils import translation

from mekendeshter.core.dates import format_date, format_date_range

AUG_1, AUG_2 = datetime.date(2016, 8, 1), datetime.date(2016, 8, 2)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "2016-жылдын 1–2-августу"), ("ru", "1–2 августа 2016 г."), ("en", "1–2 August 2016")],
)
def test_range_within_a_month(language, expected):
    with translation.override(language):
        assert format_date_range(AUG_1, AUG_2) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ky", "2016-жылдын 31-июлу – 2-августу"),
        ("ru", "31 июля – 2 августа 2016 г."),
        ("en", "31 July – 2 August 2016"),
    ],
)
def test_range_across_months(language, expected):
    with translation.override(language):
        assert format_date_range(datetime.date(2016, 7, 31), AUG_2) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ky", "2016-жылдын 31-декабры – 2017-жылдын 2-январы"),
        ("ru", "31 декабря 2016 г. – 2 января 2017 г."),
        ("en", "31 December 2016 – 2 January 2017"),
    ],
)
def test_range_across_years(language, expected):
    with translation.override(language):
        assert format_date_range(datetime.date(2016, 12, 31), datetime.date(2017, 1, 2)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "2012-жылдын августу"), ("ru", "август 2012 г."), ("en", "August 2012")],
)
def test_month_only(language, expected):
    with translation.override(language):
        assert format_date_range(datetime.date(2012, 8, 1), month_only=True) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "2016-жылдын 28-августу"), ("ru", "28 августа 2016 г."), ("en", "28 August 2016")],
)
def test_single_date_and_a_range_of_one_day(language, expected):
    day = datetime.date(2016, 8, 28)
    with translation.override(language):
        assert format_date(day) == expected
        assert format_date_range(day, day) == expected


def test_kyrgyz_months_are_lower_case_everywhere():
    with translation.override("ky"):
        for month in range(1, 13):
            text = format_date(datetime.date(2016, month, 1))
            assert text == text.lower(), text
