"""allauth adapters: remember the language a person signed up in, for the emails we send them;
complete the forum registration made together with a new account once its email is confirmed."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from diaspora import services as diaspora_services
from forum import selectors as forum_selectors
from forum import services as forum_services


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            diaspora_services.profile_update(user=user, language=get_language())
        return user

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            forum_services.registration_email_confirmed(user=email_address.user)
        return confirmed

    def get_email_verification_redirect_url(self, email_address):
        # Confirmed in another browser than the one that signed up (a phone's mail app): allauth
        # does not sign in there, so the sign-in page leads back to the registration afterwards.
        if not self.request.user.is_authenticated:
            registration = forum_selectors.registration_list_for_user(user=email_address.user).first()
            if registration is not None:
                return f"{reverse('account_login')}?{urlencode({'next': registration.get_absolute_url()})}"
        return super().get_email_verification_redirect_url(email_address)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        diaspora_services.profile_update(user=user, language=get_language())
        return user
