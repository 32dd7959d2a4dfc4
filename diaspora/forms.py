from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.emails import normalise_email
from mekendeshter.core.validators import normalise_phone, normalise_telegram, telegram_validator

from .models import DirectoryEntry

DIRECTORY_ENTRY_CONSENT = _(
    "I agree to be listed in the diaspora directory with what I enter here: my name, country, city, "
    "occupation, organisation, about me and fields of expertise for everyone, and each contact for those "
    "I choose. I can hide or delete my entry at any time."
)

# What makes a member (diaspora.selectors.is_member), said where people choose who sees a contact.
MEMBERS_EXPLAINED = _(
    "“Members” are people who took part in a Mekendeshter Forum (their registration was confirmed) "
    "and people the organizing committee has approved as members; signing up on the site is not enough."
)


class EntryForm(forms.ModelForm):
    consent = forms.BooleanField(label=DIRECTORY_ENTRY_CONSENT)

    class Meta:
        model = DirectoryEntry
        fields = list(DirectoryEntry.DETAIL_FIELDS)
        widgets = {"bio": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}
        # The model's "name" is shared with associations and venues ("аталышы" in Kyrgyz, a word
        # for things); a person is asked for their name.
        labels = {"display_name": _("Your full name")}
        help_texts = {
            "display_name": _("As you want it shown, e.g. Aigul Asanova."),
            "phone": _("In international format, e.g. +996 312 66 35 38."),
            "whatsapp": _("The number, in international format."),
            "telegram": _("Your username, e.g. @aigul_asanova."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.consent_at:
            self.fields["consent"].initial = True
        self.fields["display_name"].widget.attrs["autocomplete"] = "name"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        for name in ("phone", "whatsapp"):
            self.fields[name].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise ValidationError(_("Give your name."))
        return name

    def clean_email(self):
        email = self.cleaned_data["email"]
        return normalise_email(email) if email else ""

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_whatsapp(self):
        return normalise_phone(self.cleaned_data["whatsapp"])

    def clean_telegram(self):
        name = normalise_telegram(self.cleaned_data["telegram"])
        if name:
            telegram_validator(name)
        return name

    def clean(self):
        data = super().clean()
        if data.get("is_expert") and not data.get("expertise"):
            self.add_error("expertise", _("Give your fields of expertise to be listed as an expert."))
        return data

    @property
    def details(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EntryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, city or occupation"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, country_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *country_choices]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
