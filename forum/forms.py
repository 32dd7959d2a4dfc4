import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import ContactRequest, Edition

PHONE_RE = re.compile(r"^\+[1-9]\d{6,14}$")


def normalise_phone(value):
    """'+996 (312) 66-35-38' → '+996312663538'; international format required."""
    compact = re.sub(r"[\s().-]", "", value)
    if not PHONE_RE.match(compact):
        raise ValidationError(_("Enter the phone number in international format, e.g. +996 312 66 35 38."))
    return compact


class ContactForm(forms.ModelForm):
    # A field people never see (hidden by CSS): bots that fill in every field reveal themselves.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = ContactRequest
        fields = ["name", "email", "phone", "edition", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        labels = {"name": _("Your name"), "email": _("Your email"), "phone": _("Phone (optional)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = Edition.objects.order_by("-start_date")
        self.fields["edition"].label = _("About which forum (optional)")
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return normalise_phone(phone) if phone else ""

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise ValidationError(_("Please write a few words about your question."))
        return message

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
