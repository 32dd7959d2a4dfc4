import pytest
from django.utils import translation

from diaspora.models import Association
from mekendeshter.core.countries import PINNED, countries


@pytest.mark.parametrize(
    ("language", "kg", "de"),
    [("ky", "Кыргызстан", "Германия"), ("ru", "Кыргызстан", "Германия"), ("en", "Kyrgyzstan", "Germany")],
)
def test_country_names_in_the_page_language(language, kg, de):
    with translation.override(language):
        assert countries.name("KG") == kg
        assert countries.name("DE") == de


def test_every_country_has_a_kyrgyz_name():
    with translation.override("ky"):
        names = dict(countries)
    latin = [name for name in names.values() if name.isascii()]
    assert latin == []
    assert names["TR"] == "Түркия"


def test_model_field_uses_our_catalogue():
    association = Association(country="RU")
    with translation.override("ky"):
        assert association.country.name == "Россия"
    with translation.override("ru"):
        assert association.country.name == "Россия"


def _unpinned(language):
    with translation.override(language):
        names = [country.name for country in countries]
    return names[: len(PINNED)], names[len(PINNED) + 1 :]


def test_kyrgyz_list_follows_the_kyrgyz_alphabet_after_the_pinned_countries():
    pinned, names = _unpinned("ky")
    assert pinned[:3] == ["Россия", "Казакстан", "Түркия"]
    assert names.index("Польша") < names.index("Россия") < names.index("Румыния")
    assert names.index("Кувейт") < names.index("Кыргызстан")
    assert names.index("Иордания") < names.index("Казакстан")
    # ө after о, ү after у, as the alphabet has them.
    assert names.index("Оман") < names.index("Ооганстан") < names.index("Өзбекстан") < names.index("Пакистан")
    assert names.index("Тунис") < names.index("Түркия")
    assert names.index("Улуу Британия") < names.index("Уругвай")


def test_russian_list_follows_the_russian_alphabet():
    pinned, names = _unpinned("ru")
    assert pinned[0] == "Россия"
    assert names.index("Польша") < names.index("Россия") < names.index("Румыния")
    assert names.index("Великобритания") < names.index("Украина")
    assert names.index("Сирия") < names.index("Швейцария") and names.index("Тайвань") < names.index("Швейцария")


def test_kyrgyz_country_names_without_the_iso_codes_typos():
    with translation.override("ky"):
        names = dict(countries)
    assert not [name for name in names.values() if "ӊ" in name or "Ӊ" in name]
    assert names["PG"] == "Папуа-Жаңы Гвинея"
    assert names["LA"] == "Лаос"
    assert names["HU"] == "Венгрия"
    assert names["CZ"] == "Чехия"
    assert names["CX"] == "Рождество аралы"
