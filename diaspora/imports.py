"""Staff imports of diaspora associations (CSV, XLSX): see `mekendeshter.core.imports`.

The same association is one with a matching name (in any language and either alphabet) in the
same country."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from mekendeshter.core.imports import (
    LANGUAGES,
    CountryWidget,
    SpreadsheetError,
    SpreadsheetResource,
    TextWidget,
    name_key,
)

from .models import Association

# A header in one language names that language's text ("Аталышы" the Kyrgyz name, "Название" the
# Russian one, "Name" the English one).
TEXT_HEADERS = {
    "name": {"ky": ("аталышы", "уюмдун аталышы"), "ru": ("название", "наименование"), "en": ("name",)},
    "city": {"ky": ("шаар",), "ru": ("город",), "en": ("city",)},
    "description": {"ky": ("сүрөттөмө",), "ru": ("описание",), "en": ("description",)},
}


class AssociationResource(SpreadsheetResource):
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    website = fields.Field(attribute="website", column_name="website", widget=TextWidget())

    ALIASES = {
        "country": ("страна", "өлкө"),
        "website": ("сайт", "веб-сайт", "web site", "url"),
        **{
            f"{name}_{language}": (f"{name} {language}", *spellings[language])
            for name, spellings in TEXT_HEADERS.items()
            for language in LANGUAGES
        },
    }
    REQUIRED = ("country",)

    class Meta(SpreadsheetResource.Meta):
        model = Association
        fields = (
            *(f"{name}_{language}" for name in TEXT_HEADERS for language in LANGUAGES),
            "country",
            "website",
        )
        export_order = fields

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if f.get_internal_type() in ("CharField", "TextField"):
            return TextWidget
        return super().widget_from_django_field(f)

    def check_headers(self, headers):
        super().check_headers(headers)
        found = set(self.map_headers(headers))
        if not any(f"name_{language}" in found for language in LANGUAGES):
            raise SpreadsheetError(_("The file has no name column (“Аталышы”, “Название” or “Name”)."), code="columns")

    def existing_instances(self):
        return Association.objects.all()

    def _keys(self, names, country):
        return [("association", name_key(name), country) for name in names if name]

    def instance_keys(self, instance):
        return self._keys([getattr(instance, f"name_{language}") for language in LANGUAGES], instance.country)

    def match_keys(self, values):
        return self._keys([values.get(f"name_{language}") for language in LANGUAGES], values.get("country"))

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not any(getattr(instance, f"name_{language}") for language in LANGUAGES):
            errors["name_ky"] = [_("No name in any language.")]
        if errors:
            raise ValidationError(errors)
