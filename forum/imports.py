"""Staff imports of past editions' participant lists and of programme sessions (CSV, XLSX).

The reading, headers, categories and admin pages are `mekendeshter.core.imports`; here is what a
registration and a session are, and how the same one is found again.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from mekendeshter.core.imports import (
    LANGUAGES,
    CountryWidget,
    DateWidget,
    EmailWidget,
    SpreadsheetResource,
    TextWidget,
    TimeWidget,
    name_key,
    normalise_text,
    texts,
    translated_aliases,
    translated_fields,
)
from mekendeshter.core.validators import compact_phone

from .models import Edition, Registration, Session


def _field(name, widget=None):
    return fields.Field(attribute=name, column_name=name, widget=widget or TextWidget())


class PhoneWidget(TextWidget):
    """A phone as the registration form keeps it (+996312663538); a spreadsheet that turned it into
    a number lost the plus, which international numbers of ten or more digits get back."""

    def clean(self, value, row=None, **kwargs):
        phone = compact_phone(super().clean(value, row, **kwargs))
        return f"+{phone}" if phone.isdigit() and len(phone) >= 10 else phone


class RegistrationResource(SpreadsheetResource):
    """A past edition's participant (a registration without an account), one row each.

    The same person is found by normalised email, or, in a row without one, by name in either
    alphabet plus country. A person who registered on the site is never changed by an import."""

    first_name = _field("first_name")
    last_name = _field("last_name")
    email = _field("email", EmailWidget())
    phone = _field("phone", PhoneWidget())
    country = _field("country", CountryWidget())
    city = _field("city")
    organisation = _field("organisation")
    occupation = _field("occupation")

    ALIASES = {
        "first_name": ("имя", "аты", "name", "given name"),
        "last_name": ("фамилия", "фамилиясы", "surname", "family name"),
        "email": ("e-mail", "email address", "эл почта", "электрондук почта", "почта", "электронная почта"),
        "phone": ("телефон", "тел", "phone number", "номер телефона"),
        "country": ("страна", "өлкө", "страна проживания", "country"),
        "city": ("город", "шаар", "city"),
        "organisation": ("организация", "уюм", "ассоциация", "organization", "association"),
        "occupation": ("должность", "род занятий", "кесиби", "position"),
    }
    REQUIRED = ("first_name", "last_name", "country")
    SET_BY_IMPORT = ("edition",)

    class Meta(SpreadsheetResource.Meta):
        model = Registration
        fields = ("first_name", "last_name", "email", "phone", "country", "city", "organisation", "occupation")
        export_order = fields

    def __init__(self, edition=None, **kwargs):
        super().__init__(**kwargs)
        self.edition = edition

    def existing_instances(self):
        return Registration.objects.filter(edition=self.edition).select_related("user")

    def instance_keys(self, instance):
        email = instance.email or (instance.user.email.lower() if instance.user_id else "")
        return [
            ("email", email) if email else None,
            ("name", name_key(instance.last_name, instance.first_name), instance.country),
        ]

    def match_keys(self, values):
        if values.get("email"):
            return [("email", values["email"])]
        return [("name", name_key(values.get("last_name"), values.get("first_name")), values.get("country"))]

    def identity_keys(self, values):
        # A later row without an email is the same person when name and country match.
        return [
            *self.match_keys(values),
            ("name", name_key(values.get("last_name"), values.get("first_name")), values.get("country")),
        ]

    def duplicate_reason(self, instance):
        if instance.source == Registration.Source.FORM:
            return _("Registered on the site by the person: kept as they wrote it.")
        return None

    def after_init_instance(self, instance, new, row, **kwargs):
        if new:
            instance.edition = self.edition
            instance.source = Registration.Source.IMPORT
            # They took part; no place, ticket or letter follows from it (forum.services skips
            # registrations without an account), and no directory consent is recorded.
            instance.status = Registration.Status.CONFIRMED

    def get_queryset(self):
        return Registration.objects.select_related("user", "edition")

    def dehydrate_email(self, registration):
        return registration.email or (registration.user.email if registration.user_id else "")


class KindWidget(widgets.Widget):
    """A session's kind by its code or its name in any of the three languages."""

    # Names the organizers' older programmes use for a kind the site now calls otherwise (the
    # site settled on "пленардык жыйналыш", as the 2016 page says).
    FORMER_NAMES = {"пленардык отурум": Session.Kind.PLENARY}

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return Session.Kind.OTHER
        text = normalise_text(value)
        for kind in Session.Kind:
            names = {kind.value}
            for language in LANGUAGES:
                with translation.override(language):
                    names.add(normalise_text(kind.label))
            if text in names:
                return kind.value
        former = self.FORMER_NAMES.get(text)
        if former:
            return former.value
        raise ValueError(_("Unknown kind “%(value)s”.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return Session.Kind(value).label if value else ""


SESSION_TEXT_HEADERS = {
    "title": {"ky": ("аталышы", "темасы"), "ru": ("название", "тема"), "en": ("title", "topic")},
    "room": {"ky": ("бөлмө", "жай"), "ru": ("зал", "аудитория", "помещение"), "en": ("room", "hall")},
    "description": {"ky": ("сүрөттөмө",), "ru": ("описание",), "en": ("description",)},
}


class SessionResource(SpreadsheetResource):
    """A programme session; its edition is the one held in the year of its day. The same session
    is one on the same day and start time with a title that matches in any language."""

    day = fields.Field(attribute="day", column_name="day", widget=DateWidget())
    start_time = fields.Field(attribute="start_time", column_name="start_time", widget=TimeWidget())
    end_time = fields.Field(attribute="end_time", column_name="end_time", widget=TimeWidget())
    kind = fields.Field(attribute="kind", column_name="kind", widget=KindWidget())

    ALIASES = {
        "day": ("дата", "күнү", "күн", "день", "date"),
        "start_time": ("начало", "башталышы", "start", "from", "с"),
        "end_time": ("конец", "окончание", "аякташы", "end", "to", "до"),
        "kind": ("тип", "түрү", "формат", "type"),
        **translated_aliases(SESSION_TEXT_HEADERS),
    }
    REQUIRED = ("day",)
    SET_BY_IMPORT = ("edition",)
    REQUIRED_IN_ONE_LANGUAGE = "title"
    NO_COLUMN_IN_ANY_LANGUAGE = _("The file has no title column (“Аталышы”, “Название” or “Title”).")
    EMPTY_IN_EVERY_LANGUAGE = _("No title in any language.")

    class Meta(SpreadsheetResource.Meta):
        model = Session
        fields = ("day", "start_time", "end_time", "kind", *translated_fields(SESSION_TEXT_HEADERS))
        export_order = fields

    def before_import(self, dataset, **kwargs):
        self.editions = {edition.year: edition for edition in Edition.objects.all()}
        super().before_import(dataset, **kwargs)

    def existing_instances(self):
        return Session.objects.filter(edition__in=self.editions.values())

    def _keys(self, day, start_time, titles):
        return [("session", day, start_time, name_key(title)) for title in titles if title]

    def instance_keys(self, instance):
        return self._keys(instance.day, instance.start_time, texts(instance, "title"))

    def match_keys(self, values):
        return self._keys(values.get("day"), values.get("start_time"), texts(values, "title"))

    def check_instance(self, instance, errors):
        if instance.day is not None and "day" not in errors:
            edition = self.editions.get(instance.day.year)
            if edition is None:
                errors["edition"] = [_("No forum edition was held in %(year)s.") % {"year": instance.day.year}]
            else:
                instance.edition = edition
        if instance.start_time and instance.end_time and instance.end_time <= instance.start_time:
            errors["end_time"] = [_("The session ends before it starts.")]

    def get_queryset(self):
        return Session.objects.select_related("edition")
