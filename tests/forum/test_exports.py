"""forum.exports: the registration and attendance lists' headings, in the staff member's language."""

import pytest
from django.utils import translation

from forum import exports
from forum.models import Registration

HEADINGS = {
    "ky": ["форум", "аты", "фамилиясы", "электрондук почта", "жашаган өлкөсү", "катталган убакыт"],
    "ru": ["форум", "имя", "фамилия", "электронная почта", "страна проживания", "дата регистрации"],
}


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_registration_list_headings_are_the_field_labels_in_the_staff_language(language):
    columns = ["edition", "first_name", "last_name", "email", "country", "created_at"]
    with translation.override(language):
        header = next(exports.rows(Registration.objects.none(), columns))
    assert header == HEADINGS[language]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_attendance_headings_name_the_person_as_the_registration_list_does(language):
    with translation.override(language):
        attendance = [str(heading) for heading, _value in exports.ATTENDANCE_COLUMNS]
        registration = next(exports.rows(Registration.objects.none(), ["first_name", "last_name", "country"]))
    assert attendance[2:5] == registration
