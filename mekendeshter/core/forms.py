from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotFormMixin:
    """A field people never see (`.honeypot` hides it): bots that fill in every field reveal
    themselves. The view thanks them as it thanks people and stores nothing."""

    honeypot_field = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(self.honeypot_field))

    @property
    def submitted_data(self):
        """The cleaned data without the honeypot."""
        return {key: value for key, value in self.cleaned_data.items() if key != self.honeypot_field}
