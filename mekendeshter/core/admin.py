from pathlib import Path

import adminsortable2
from adminsortable2 import admin as sortable
from django import VERSION as DJANGO_VERSION
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import letters
from .models import FailedLetter

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
    """Tabbed translations, plus a column saying which languages each object is complete in.

    A required text is required in one language, any of them: modeltranslation would ask for the
    default language's (Kyrgyz), so that staff could not publish a text written only in Russian;
    pages show such a text with the site's fallback note. The language tabs mark a language
    whose text is missing while another language has it (static/js/admin-translations.js)."""

    class Media:
        css = {"all": ["css/admin-translations.css"]}
        js = ["js/admin-translations.js"]

    def get_list_display(self, request):
        return (*super().get_list_display(request), "languages_filled")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        original = getattr(db_field, "translated_field", None)
        if field is None or original is None:
            return field
        widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
        widget.attrs.update(
            {
                "data-translation-of": original.name,
                "data-language": db_field.language,
                "data-missing-text": _("Not written in this language yet"),
            }
        )
        if not original.blank:
            # modeltranslation made only the default language's field required: any one will do.
            field.required = False
            widget.attrs["data-translation-required"] = ""
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        codes = [code for code, _name in settings.LANGUAGES]
        required = sorted(
            {
                field.widget.attrs["data-translation-of"]
                for field in form.base_fields.values()
                if "data-translation-required" in getattr(field.widget, "attrs", {})
            }
        )
        if not required:
            return form

        class AnyLanguageForm(form):
            def clean(self):
                cleaned_data = super().clean()
                for name in required:
                    names = [
                        build_localized_fieldname(name, code)
                        for code in codes
                        if build_localized_fieldname(name, code) in self.fields
                    ]
                    if names and not any(cleaned_data.get(each) for each in names):
                        self.add_error(
                            names[0], forms.ValidationError(_("Write this in at least one language."), code="required")
                        )
                return cleaned_data

        AnyLanguageForm.__name__ = form.__name__
        return AnyLanguageForm

    @admin.display(description=_("languages"))
    def languages_filled(self, obj):
        complete, incomplete = languages_complete(obj)
        return format_html_join(
            " ",
            '<span class="{}" lang="{}" title="{}">{}</span>',
            [(("lang-filled", code, _("complete"), code)) for code in complete]
            + [("lang-partial", code, _("incomplete"), f"({code})") for code in incomplete],
        )


# django-admin-sortable2 (2.3.1, the newest release) replaces the admin's actions.js with its own
# copy named after Django's version, and ships copies up to Django 6.0: on 6.1 its media names a
# file that does not exist, which the manifest static storage turns into a 500 on every page of a
# sortable model. Its 6.0 copy fits 6.1 (the admin's actions.js only changed a button's wording).
# Remove this, and import from adminsortable2 again, once a release ships actions-6.1.js: this
# fix does nothing when the file for the running Django version exists.
_SORTABLE_ACTIONS = "adminsortable2/js/actions-{}.{}.js".format(*DJANGO_VERSION[:2])
_SORTABLE_ACTIONS_SHIPPED = "adminsortable2/js/actions-6.0.js"
_SORTABLE_ACTIONS_MISSING = not (Path(adminsortable2.__file__).parent / "static" / _SORTABLE_ACTIONS).exists()


class _SortableActionsFix:
    @property
    def media(self):
        media = super().media
        if not _SORTABLE_ACTIONS_MISSING:
            return media
        js = [_SORTABLE_ACTIONS_SHIPPED if path == _SORTABLE_ACTIONS else path for path in media._js]
        return forms.Media(css=media._css, js=js)


class SortableAdminBase(_SortableActionsFix, sortable.SortableAdminBase):
    """adminsortable2's SortableAdminBase, with scripts that exist for this Django version."""


class SortableAdminMixin(_SortableActionsFix, sortable.SortableAdminMixin):
    """adminsortable2's SortableAdminMixin, with scripts that exist for this Django version."""


@admin.register(FailedLetter)
class FailedLetterAdmin(admin.ModelAdmin):
    """Letters the mail server refused after every retry: who, what, why; staff send them again."""

    list_display = ["last_attempt_at", "recipients", "subject", "attempts", "error"]
    search_fields = ["recipients", "subject"]
    date_hierarchy = "last_attempt_at"
    # The letter itself (its body may hold a personal link) is not shown, only resent.
    fields = readonly_fields = ["recipients", "subject", "error", "attempts", "created_at", "last_attempt_at"]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send again"), permissions=["change"])
    def send_again(self, request, queryset):
        count = letters.failed_letter_retry(queryset=queryset)
        self.message_user(
            request,
            ngettext(
                "%d letter is being sent again; it leaves this list once sent.",
                "%d letters are being sent again; each leaves this list once sent.",
                count,
            )
            % count,
        )
