import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from diaspora.models import DirectoryEntry
from forum.models import ContactRequest, Registration
from mekendeshter.core.validators import normalise_phone, normalise_telegram, phone_validator, telegram_validator

PHONE = {
    "ky": "Телефон номерин эл аралык форматта жазыңыз, мисалы: +996 312 66 35 38.",
    "ru": "Введите номер телефона в международном формате, например: +996 312 66 35 38.",
}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("+996 (312) 66-35-38", "+996312663538"), (" +49.30.1234567 ", "+49301234567"), ("", "")],
)
def test_phone_numbers_are_normalised(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("typed", ["0312 66 35 38", "+0 312 663538", "+996", "call me", "+996312663538x"])
def test_a_phone_number_that_is_not_international_is_refused_in_each_language(typed, language):
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            normalise_phone(typed)
        assert error.value.messages == [PHONE[language]]


@pytest.mark.parametrize(
    ("typed", "name"), [("@aigul_asanova", "aigul_asanova"), ("https://t.me/aigul_asanova", "aigul_asanova")]
)
def test_telegram_names_are_normalised(typed, name):
    assert normalise_telegram(typed) == name
    telegram_validator(name)


@pytest.mark.parametrize("name", ["1aigul", "aig", "aigul asanova", "a" * 33])
def test_a_telegram_name_out_of_form_is_refused(name):
    with pytest.raises(ValidationError):
        telegram_validator(name)


@pytest.mark.parametrize(
    ("model", "field"),
    [(Registration, "phone"), (ContactRequest, "phone"), (DirectoryEntry, "phone"), (DirectoryEntry, "whatsapp")],
)
def test_every_phone_field_checks_on_the_model(model, field):
    # So that the admin and any service store only numbers that tel: and wa.me links can use.
    assert phone_validator in model._meta.get_field(field).validators


def test_telegram_field_checks_on_the_model():
    assert telegram_validator in DirectoryEntry._meta.get_field("telegram").validators
