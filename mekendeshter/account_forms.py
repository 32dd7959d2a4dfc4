"""allauth's sign-in, sign-up and password-reset forms.

Sign-in and reset find an account whichever spelling of its address is typed (see
mekendeshter/core/emails.py; sign-up goes through the adapter's clean_email). Sign-up takes the
same time for a known address as for a new one.
"""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
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


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            # allauth then creates nothing and mails the owner instead, with the same answer as for
            # a new address; but a new account costs a password hash (most of the time the
            # request takes), so hashing here too keeps the time from telling which it was.
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
