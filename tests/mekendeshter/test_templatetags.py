"""The site's template filters: the page title's site name and the lang attribute of a fallback text."""

import re

import pytest
from django.template import engines
from django.utils import translation

from mekendeshter.core.i18n import Translated
from tests.factories import DirectoryEntryFactory


def render(source, **context):
    return engines["django"].from_string("{% load portal %}" + source).render(context)


TITLE = "{% filter with_site_name %} {{ title }} {% endfilter %}"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ky", "Tom &amp; Jerry — «Мекендештер» форуму"), ("ru", "Tom &amp; Jerry — Форум «Мекендештер»")],
)
def test_with_site_name_adds_the_suffix_and_escapes_once(lang, expected):
    with translation.override(lang):
        assert render(TITLE, title="Tom & Jerry") == expected


@pytest.mark.parametrize(("lang", "expected"), [("ky", "«Мекендештер» форуму"), ("ru", "Форум «Мекендештер»")])
def test_with_site_name_alone_without_a_title(lang, expected):
    with translation.override(lang):
        assert render(TITLE, title="") == expected


def test_lang_attr_marks_a_fallback_only():
    assert render("<p {{ text|lang_attr }}>", text=Translated("Только по-русски", "ru", "ky")) == '<p lang="ru">'
    assert render("<p {{ text|lang_attr }}>", text=Translated("Кыргызча", "ky", "ky")) == "<p >"
    assert render("<p {{ text|lang_attr }}>", text="plain") == "<p >"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ky", "Айгүл Асанова — Диаспора маалымдамасы — «Мекендештер» форуму"),
        ("ru", "Айгүл Асанова — Справочник диаспоры — Форум «Мекендештер»"),
    ],
)
def test_entry_page_title_ends_with_the_site_name(client, lang, title):
    """The entry page was the one title without the site's name before base.html added it."""
    DirectoryEntryFactory(slug="aigul", display_name="Айгүл Асанова")
    html = client.get(f"/{lang}/directory/aigul/").content.decode()
    assert page_title(html) == title


def page_title(html):
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "label", "error"),
    [
        ("ky", "Электрондук почтаңыз", "Электрондук почтанын дарегин туура жазыңыз."),
        ("ru", "Ваша электронная почта", "Введите правильный адрес электронной почты."),
    ],
)
def test_field_group_uses_the_site_field_template(client, lang, label, error):
    """`field.as_field_group` goes through SiteFormRenderer to includes/_field.html: label, required mark,
    the widget tied to its error list, the error in the page's language."""
    html = client.post(f"/{lang}/subscribe/", {"email": "x", "language": "ky", "news": "on"}).content.decode()
    group = " ".join(re.search(r'<div class="field field--error">(.*?)</div>', html, re.S).group(1).split())
    assert group == (
        f'<label for="id_email"> {label} <span class="field__required" aria-hidden="true">*</span> </label> '
        '<input type="email" name="email" value="x" maxlength="254" autocomplete="email" required '
        'aria-invalid="true" aria-describedby="id_email_error" id="id_email"> '
        f'<ul class="field__errors" id="id_email_error"> <li>{error}</li> </ul>'
    )
