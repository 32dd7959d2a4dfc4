"""allauth adapters: remember the language a person signed up in, for the emails we send them."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.utils.translation import get_language

from diaspora import services as diaspora_services
from mekendeshter.core import letters
from mekendeshter.core.ratelimit import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # allauth's own send_mail, except that the letter goes to the mail task once the action
        # is committed, never sent inside the request (mekendeshter.core.letters).
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        letters.letter_send_on_commit(message=self.render_mail(template_prefix, email, ctx))

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
    def get_provider(self, request, provider, client_id=None):
        # Every provider's URLs exist (its app is installed), but only those configured in the
        # environment or the admin have an app: the others are pages that do not exist, not errors.
        # (Installing only configured providers would also hide apps that staff add in the admin.)
        try:
            return super().get_provider(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist:
            raise Http404(f"Sign-in with {provider} is not configured.") from None

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        diaspora_services.profile_update(user=user, language=get_language())
        return user
