import pytest
from django.utils import translation

from diaspora.models import Association
from mekendeshter.core.countries import countries


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
