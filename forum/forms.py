from allauth.account.forms import SignupForm
from django import forms
from django.core.exceptions import ValidationError
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.emails import normalise_email
from mekendeshter.core.forms import HoneypotFormMixin
from mekendeshter.core.i18n import translated
from mekendeshter.core.validators import normalise_phone

from .models import ContactRequest, Edition, Registration


class ContactForm(HoneypotFormMixin, forms.ModelForm):
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

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise ValidationError(_("Please write a few words about your question."))
        return message


DIRECTORY_CONSENT = _(
    "I agree to be listed in the diaspora directory with my name, country, city and organisation. "
    "I can hide or delete my entry at any time."
)


class RegistrationForm(forms.ModelForm):
    privacy_consent = forms.BooleanField(label=_("I agree to the processing of my personal data for the forum."))
    directory_consent = forms.BooleanField(required=False, label=DIRECTORY_CONSENT)

    class Meta:
        model = Registration
        fields = list(Registration.DETAIL_FIELDS)
        widgets = {
            "arrival_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "arrival_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "check_in": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "check_out": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "phone": _("In international format, e.g. +996 312 66 35 38."),
            "flight": _("E.g. TK 346."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["privacy_consent"].initial = True
            self.fields["directory_consent"].initial = bool(self.instance.directory_consent_at)
        # Blank on the model only for imported lists of past editions: whoever registers gives both.
        self.fields["phone"].required = self.fields["city"].required = True
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        # A prompt rather than Django's dashes, which look like the line under the pinned countries.
        # (Whether the field brings a blank choice of its own depends on the model field's options.)
        countries = [choice for choice in self.fields["country"].choices if choice[0] != ""]
        self.fields["country"].choices = [("", BLANK_CHOICE_LABEL), *countries]
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean(self):
        data = super().clean()
        if data.get("needs_transfer") and not data.get("arrival_date"):
            self.add_error("arrival_date", _("Give the arrival date for the transfer."))
        if data.get("needs_accommodation"):
            check_in, check_out = data.get("check_in"), data.get("check_out")
            if not check_in or not check_out:
                self.add_error("check_in", _("Give the check-in and check-out dates."))
            elif check_out <= check_in:
                self.add_error("check_out", _("Check-out must be after check-in."))
        return data

    def _post_clean(self):
        # The model's full_clean runs in the service, with the consent fields it sets.
        pass

    @property
    def details(self):
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["directory_consent_text"] = str(DIRECTORY_CONSENT) if self.cleaned_data.get("directory_consent") else ""
        return data


class AccountForm(SignupForm):
    """The account opened on the registration page (allauth's sign-up: its checks, one password)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Your email")
        self.fields["email"].help_text = _("We will send a link to this address to confirm it.")
        self.fields["password1"].label = _("Choose a password")
        self.fields["password1"].help_text = _(
            "At least 8 characters. You will sign in with your email and this password."
        )
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ProposalForm(forms.Form):
    target = forms.ChoiceField(label=_("What do you propose?"))
    text = forms.CharField(
        label=_("Proposed text"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5, "maxlength": 3000})
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4, "maxlength": 3000})
    )

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.targets = {}
        choices = []
        for section in document.sections.all():
            title = str(translated(section, "title"))
            group = []
            for item in section.items.all():
                key = f"item-{item.pk}"
                self.targets[key] = {"item": item}
                group.append((key, _("Amend item %(number)s") % {"number": item.number}))
            key = f"section-{section.pk}"
            self.targets[key] = {"section": section}
            group.append((key, _("A new item in this section")))
            choices.append((title, group))
        self.fields["target"].choices = choices

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 10:
            raise ValidationError(_("Please write the proposed text in a few words at least."))
        return text

    @property
    def target_kwargs(self):
        return self.targets[self.cleaned_data["target"]]


class CheckinCodeForm(forms.Form):
    """One scan at the venue: the code read or typed, the page's idempotency key for it and, for a
    scan queued offline, when it was made."""

    code = forms.CharField(label=_("Ticket code"), max_length=200)
    key = forms.UUIDField(widget=forms.HiddenInput)
    at = forms.DateTimeField(required=False, widget=forms.HiddenInput)


class CheckinSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=100, required=False)
