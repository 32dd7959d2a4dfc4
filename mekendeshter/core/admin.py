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
# The index opens with a dashboard (registrations, queues, the last newsletter).
admin.site.index_template = "admin/dashboard.html"

# Apps in the order staff use them; the rest (accounts, sign-in, two-factor) after, alphabetically.
APP_ORDER = ["forum", "news", "diaspora"]
_app_list = admin.site.get_app_list


def _ordered_app_list(request, app_label=None):
    apps = _app_list(request, app_label)
    return sorted(apps, key=lambda app: APP_ORDER.index(app["app_label"]) if app["app_label"] in APP_ORDER else 99)


admin.site.get_app_list = _ordered_app_list


class TranslatedAdmin(TabbedTranslationAdmin):
    """Tabbed translations, plus a column saying which languages each object is written in."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "languages_filled")

    @admin.display(description=_("languages"))
    def languages_filled(self, obj):
        first_field = translator.get_options_for_model(type(obj)).get_field_names()[0]
        filled = [
            code for code, _name in settings.LANGUAGES if getattr(obj, build_localized_fieldname(first_field, code))
        ]
        return format_html_join(" ", '<span class="lang-filled" lang="{}">{}</span>', ((code, code) for code in filled))
