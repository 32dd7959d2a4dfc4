"""allauth's sign-in and password-reset forms, finding an account whichever spelling of its
address is typed (see mekendeshter/core/emails.py); sign-up goes through the adapter's clean_email."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from django.core.exceptions import ValidationError

from mekendeshter.core.emails import normalise_email


def _normalised_if_address(value):
    try:
        return normalise_email(value)
    except ValidationError:
        return value  # not an address: the form answers as for any unknown one


class LoginForm(AllauthLoginForm):
    def clean_login(self):
        login = super().clean_login()
        return _normalised_if_address(login) if "@" in login else login


class ResetPasswordForm(AllauthResetPasswordForm):
    def clean_email(self):
        self.cleaned_data["email"] = _normalised_if_address(self.cleaned_data["email"])
        return super().clean_email()
