"""No interface string of another language leaks onto a page, outside text marked with its own lang."""

import re
from functools import cache
from pathlib import Path

import polib
import pytest

from tests.utils import text_in_language

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ("ky", "ru", "en")

PAGES = [
    "/{lang}/",
    "/{lang}/forum/",
    "/{lang}/forum/2016/",
    "/{lang}/forum/2012/",
    "/{lang}/forum/2016/outcome/",
    "/{lang}/forum/2016/venue/",
    "/{lang}/forum/2016/programme/",
    "/{lang}/forum/2016/photos/",
    "/{lang}/contact/thanks/",
    "/{lang}/search/?q=Osh",
    "/{lang}/news/",
    "/{lang}/news/2016-08-27-condolences/",
    "/{lang}/directory/",
    "/{lang}/contact/",
]


@cache
def catalogue(lang):
    return {
        entry.msgid: entry.msgstr or entry.msgid for entry in polib.pofile(LOCALE / lang / "LC_MESSAGES" / "django.po")
    }


@cache
def foreign_strings(lang):
    """Interface strings of the other languages (and untranslated English) that the page's own
    catalogue never uses: seeing one on the page means a string escaped translation."""
    own = set(catalogue(lang).values())
    foreign = set()
    for other in LANGUAGES:
        if other != lang:
            foreign |= set(catalogue(other).values()) | set(catalogue(other))
    return {text for text in foreign - own if len(text) >= 5 and re.search(r"\w{3}", text) and "%" not in text}


@pytest.mark.parametrize("catalogue_lang", ["ky", "ru"])
def test_catalogues_are_complete(catalogue_lang):
    po = polib.pofile(LOCALE / catalogue_lang / "LC_MESSAGES" / "django.po")
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_interface_string(client, demo, lang, page):
    response = client.get(page.format(lang=lang))
    assert response.status_code == 200
    text = text_in_language(response.content.decode(), lang)
    leaks = [s for s in foreign_strings(lang) if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
    assert leaks == []


def test_sign_in_pages_use_the_sites_kyrgyz_terms(client, db):
    html = client.get("/ky/accounts/login/").content.decode()
    assert "Сырсөз" in html and "Электрондук почта" in html
    assert "Купуя" not in html and "Эмейл" not in html
    signup = client.get("/ky/accounts/signup/").content.decode()
    assert "Купуя" not in signup and "Сырсөз" in signup
