"""allauth adapters: remember the language a person signed up in, for the emails we send them."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils.translation import get_language

from diaspora import services as diaspora_services
from mekendeshter.core.emails import normalise_email


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        # Sign-up and added addresses: one spelling per mailbox, so that one mailbox holds one account.
        return super().clean_email(normalise_email(email))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            diaspora_services.profile_update(user=user, language=get_language())
        return user


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        diaspora_services.profile_update(user=user, language=get_language())
        return user
