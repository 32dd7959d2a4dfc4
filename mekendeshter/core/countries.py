"""Country names in the page's language, Kyrgyz included.

django-countries translates names into Russian and English but has no Kyrgyz catalogue;
pycountry ships the iso-codes project's Kyrgyz names, which we use for `ky`.
"""

import gettext
from functools import cache

import pycountry
from django.utils.translation import get_language
from django_countries import Countries as BaseCountries
from django_countries import CountryTuple

# Names iso-codes lacks in Kyrgyz, and "Россия", which Kyrgyz readers use rather than the
# official "Орус Федерациясы".
KY_NAMES = {
    "RU": "Россия",
    "TR": "Түркия",
    "MK": "Түндүк Македония",
    "SZ": "Эсватини",
}


@cache
def kyrgyz_names():
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ky"])
    names = {country.alpha_2: catalogue.gettext(country.name) for country in pycountry.countries}
    return names | KY_NAMES


# The country's own name in Russian, as used in Kyrgyzstan, rather than "Киргизия".
RU_NAMES = {"KG": "Кыргызстан"}


class Countries(BaseCountries):
    def translate_pair(self, code, name=None):
        language = get_language()
        if language == "ky" and code in kyrgyz_names():
            return CountryTuple(code, kyrgyz_names()[code])
        if language == "ru" and code in RU_NAMES:
            return CountryTuple(code, RU_NAMES[code])
        return super().translate_pair(code, name)


countries = Countries()


# Statistics by country never show a country with fewer people than this (registrations, directory).
SMALL_COUNT_MINIMUM = 5


def group_small_counts(counts, *, minimum=SMALL_COUNT_MINIMUM):
    """`counts` rows of {"country": code, "count": n}, largest first, become named rows for the
    countries with at least `minimum` people and one "other" sum for the rest, so that no one can
    be singled out. Returns (rows, other, total)."""
    rows, other, total = [], 0, 0
    for row in counts:
        total += row["count"]
        if row["count"] >= minimum:
            rows.append({"country": countries.name(row["country"]), "count": row["count"]})
        else:
            other += row["count"]
    return rows, other, total
