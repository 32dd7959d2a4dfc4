"""Translated content fields that know which language they are in."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

FALLBACK_NOTES = {
    "ky": _("Available in Kyrgyz only"),
    "ru": _("Available in Russian only"),
    "en": _("Available in English only"),
}


class Translated(str):
    """A translated field's text, with `lang` (the language it is in) and a note when it is a fallback."""

    def __new__(cls, text, lang, page_lang):
        obj = super().__new__(cls, text)
        obj.lang = lang
        obj.is_fallback = bool(text) and lang != page_lang
        obj.note = FALLBACK_NOTES.get(lang, "") if obj.is_fallback else ""
        return obj


def translated(obj, field):
    """The field's text in the active language, else the fallback modeltranslation would show."""
    page_lang = get_language()
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for lang in (page_lang, *fallbacks.get(page_lang, fallbacks["default"])):
        text = getattr(obj, build_localized_fieldname(field, lang), "")
        if text:
            return Translated(text, lang, page_lang)
    return Translated("", page_lang, page_lang)
