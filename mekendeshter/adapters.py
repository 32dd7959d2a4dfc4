"""allauth adapters: remember the language a person signed up in, for the emails we send them."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils.translation import get_language

from diaspora import services as diaspora_services
from mekendeshter.ratelimit import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # allauth's rate limits key on the same address as ours (and a request that bypassed the
        # proxy is limited by its own address rather than failing with ImproperlyConfigured).
        return client_ip(request)

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
