"""Staff imports of diaspora associations (CSV, XLSX): see `mekendeshter.core.imports`.

The same association is one with a matching name (in any language and either alphabet) in the
same country."""

from django.utils.translation import gettext_lazy as _
from import_export import fields

from mekendeshter.core.imports import (
    CountryWidget,
    SpreadsheetResource,
    TextWidget,
    name_key,
    texts,
    translated_aliases,
    translated_fields,
)

from .models import Association

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
        **translated_aliases(TEXT_HEADERS),
    }
    REQUIRED = ("country",)
    REQUIRED_IN_ONE_LANGUAGE = "name"
    NO_COLUMN_IN_ANY_LANGUAGE = _("The file has no name column (“Аталышы”, “Название” or “Name”).")
    EMPTY_IN_EVERY_LANGUAGE = _("No name in any language.")

    class Meta(SpreadsheetResource.Meta):
        model = Association
        fields = (*translated_fields(TEXT_HEADERS), "country", "website")
        export_order = fields

    def existing_instances(self):
        return Association.objects.all()

    def _keys(self, names, country):
        return [("association", name_key(name), country) for name in names if name]

    def instance_keys(self, instance):
        return self._keys(texts(instance, "name"), instance.country)

    def match_keys(self, values):
        return self._keys(texts(values, "name"), values.get("country"))
