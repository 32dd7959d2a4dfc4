from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

admin.site.site_header = _("Mekendeshter: administration")
admin.site.site_title = _("Mekendeshter")
admin.site.index_title = _("Site content")


class TranslatedAdmin(TabbedTranslationAdmin):
    """Tabbed translations, plus a column saying which languages each object is written in."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "languages_filled")

    @admin.display(description=_("languages"))
    def languages_filled(self, obj):
        # The model's first translated field in definition order (title, name): modeltranslation keeps its
        # field names in a set, so their order changes from one process to the next.
        translated = set(translator.get_options_for_model(type(obj)).get_field_names())
        first_field = next(field.name for field in obj._meta.concrete_fields if field.name in translated)
        filled = [
            code for code, _name in settings.LANGUAGES if getattr(obj, build_localized_fieldname(first_field, code))
        ]
        return format_html_join(" ", '<span class="lang-filled" lang="{}">{}</span>', ((code, code) for code in filled))
