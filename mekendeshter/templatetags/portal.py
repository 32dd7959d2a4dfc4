from django import template
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from mekendeshter.dates import format_date_range

register = template.Library()

FALLBACK_NOTES = {
    "ky": _("Available in Kyrgyz only"),
    "ru": _("Available in Russian only"),
    "en": _("Available in English only"),
}


class Translated(str):
    """A translated field's text that knows which language it is in."""

    def __new__(cls, text, lang, page_lang):
        obj = super().__new__(cls, text)
        obj.lang = lang
        obj.is_fallback = bool(text) and lang != page_lang
        obj.note = FALLBACK_NOTES.get(lang, "") if obj.is_fallback else ""
        return obj


@register.simple_tag
def translated(obj, field):
    """`{% translated article "title" as title %}`: the text in the page's language, else the
    fallback modeltranslation would show, with `title.lang` and `title.note` for marking it."""
    page_lang = get_language()
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for lang in (page_lang, *fallbacks.get(page_lang, fallbacks["default"])):
        text = getattr(obj, build_localized_fieldname(field, lang), "")
        if text:
            return Translated(text, lang, page_lang)
    return Translated("", page_lang, page_lang)


@register.filter
def edition_dates(edition):
    """The dates of a forum edition, e.g. '2016-жылдын 1–2-августу' on /ky/."""
    return format_date_range(
        edition.start_date,
        edition.end_date,
        month_only=edition.date_precision == edition.DatePrecision.MONTH,
    )
