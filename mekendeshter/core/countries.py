"""Country names in the page's language, Kyrgyz included.

django-countries translates names into Russian and English but has no Kyrgyz catalogue;
pycountry ships the iso-codes project's Kyrgyz names, which we use for `ky`.
"""

import gettext
import unicodedata
from functools import cache

import pycountry
from django.utils.translation import get_language
from django_countries import Countries as BaseCountries
from django_countries import CountryTuple

# Names iso-codes lacks in Kyrgyz or gets wrong (typos, outdated or official-only forms), and
# "Россия", which Kyrgyz readers use rather than the official "Орус Федерациясы".
KY_NAMES = {
    "RU": "Россия",
    "TR": "Түркия",
    "MK": "Түндүк Македония",
    "SZ": "Эсватини",
    "LA": "Лаос",
    "CZ": "Чехия",
    "HU": "Венгрия",
    "HT": "Гаити",
    "MG": "Мадагаскар",
    "MD": "Молдова",
    "CX": "Рождество аралы",
    "DO": "Доминикан Республикасы",
    "CD": "Конго Демократиялык Республикасы",
    "VE": "Венесуэла",
    "SY": "Сирия",
    "KR": "Түштүк Корея",
    "KP": "Түндүк Корея",
    "CF": "Борбордук Африка Республикасы",
    "ZA": "Түштүк Африка Республикасы",
}


@cache
def kyrgyz_names():
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ky"])
    names = {country.alpha_2: catalogue.gettext(country.name) for country in pycountry.countries}
    # iso-codes writes Kyrgyz ң with the Khakas letter ӊ (U+04CA) in some names.
    names = {code: name.replace("ӊ", "ң").replace("Ӊ", "Ң") for code, name in names.items()}
    return names | KY_NAMES


# Where most compatriots live: first in every country list, in this order.
PINNED = ["RU", "KZ", "TR", "KR", "US", "DE", "GB", "AE"]
PINNED_BREAK = "────────"

# The alphabets, in order; other letters (Latin) sort after them, spaces and punctuation first.
ALPHABETS = {
    "ky": "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя",
    "ru": "абвгдежзийклмнопрстуфхцчшщъыьэюя",
}


def collation_key(name, language):
    """A sort key for `name` in the page's language: "Россия" after "Польша", not after "Румыния";
    Kyrgyz ң, ө, ү after н, о, у; Russian ё with е. Other languages: accents folded, as before."""
    alphabet = ALPHABETS.get(language)
    text = name.casefold()
    if alphabet is None:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if language == "ru":
        text = text.replace("ё", "е")
    key = []
    for char in text:
        position = alphabet.find(char)
        if position >= 0:
            key.append((2, position))
        elif char.isalnum():
            key.append((3 if char.isalpha() else 1, ord(char)))
        else:
            key.append((0, 0))
    return key


# The country's own name in Russian, as used in Kyrgyzstan, rather than "Киргизия".
RU_NAMES = {
    "KG": "Кыргызстан",
    "NC": "Новая Каледония",
    "US": "Соединённые Штаты Америки",
    "AE": "Объединённые Арабские Эмираты",
}


class Countries(BaseCountries):
    first = PINNED
    first_break = PINNED_BREAK
    first_repeat = True  # also in their alphabetical place, for readers who scan the alphabet

    def __iter__(self):
        """django-countries' order (the pinned countries, the break), with the rest re-sorted by
        the page language's alphabet: its own sort folds Cyrillic away and ends up in English order."""
        items = list(super().__iter__())
        head = len(self.first) + 1
        language = get_language()
        items[head:] = sorted(items[head:], key=lambda country: collation_key(str(country.name), language))
        yield from items

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
