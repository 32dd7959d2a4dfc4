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
