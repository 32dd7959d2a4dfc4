"""allauth adapters: remember the language a person signed up in, for the emails we send them;
complete the forum registration made together with a new account once its email is confirmed."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from diaspora import services as diaspora_services
from forum import selectors as forum_selectors
from forum import services as forum_services
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
