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


def languages_complete(obj):
    """(complete, incomplete) language codes of `obj`, in the site's order.

    The fields that matter are its translated fields written in at least one language (an
    optional field left empty everywhere asks nothing of any language). A language is complete
    when all of them are written in it, incomplete when only some are."""
    codes = [code for code, _name in settings.LANGUAGES]
    fields = sorted(translator.get_options_for_model(type(obj)).get_field_names())
    written = {
        code: {field for field in fields if getattr(obj, build_localized_fieldname(field, code))} for code in codes
    }
    used = set().union(*written.values())
    complete = [code for code in codes if used and written[code] == used]
    incomplete = [code for code in codes if written[code] and written[code] != used]
    return complete, incomplete


class TranslatedAdmin(TabbedTranslationAdmin):
    """Tabbed translations, plus a column saying which languages each object is complete in."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "languages_filled")

    @admin.display(description=_("languages"))
    def languages_filled(self, obj):
        complete, incomplete = languages_complete(obj)
        return format_html_join(
            " ",
            '<span class="{}" lang="{}" title="{}">{}</span>',
            [(("lang-filled", code, _("complete"), code)) for code in complete]
            + [("lang-partial", code, _("incomplete"), f"({code})") for code in incomplete],
        )
