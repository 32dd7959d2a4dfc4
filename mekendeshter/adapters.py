"""allauth adapters: remember the language a person signed up in, for the emails we send them;
complete the forum registration made together with a new account once its email is confirmed;
one spelling per email address; failed sign-ins limited so that nobody can lock a person out."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.internal import ratelimit as allauth_ratelimit
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from diaspora import services as diaspora_services
from forum import selectors as forum_selectors
from forum import services as forum_services
from mekendeshter.core import letters
from mekendeshter.core.emails import normalise_email
from mekendeshter.core.ratelimit import client_ip

# Failed sign-ins to one account from all addresses together. Past this, password sign-in to the
# account stops for everyone (a guessing attack from many addresses gets no further), and the
# person signs in by resetting the password: the mailed link signs them in
# (ACCOUNT_LOGIN_ON_PASSWORD_RESET) and clears the count. Nobody can block that way in: asking
# for a reset only mails the person another link.
ACCOUNT_WIDE_ACTION = "login_failed_account"
ACCOUNT_WIDE_LIMIT = {ACCOUNT_WIDE_ACTION: "30/h/key"}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many failed sign-ins from your connection. Try again in a few minutes, or reset your "
            "password: we will email you a link that signs you in."
        ),
        "account_locked": _(
            "Too many failed sign-ins to this account. To sign in, reset your password: we will email "
            "you a link that signs you in."
        ),
    }

    def send_mail(self, template_prefix, email, context):
        # allauth's own send_mail, except that the letter goes to the mail task once the action
        # is committed, never sent inside the request (mekendeshter.core.letters).
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_url": settings.SITE_URL,
            **context,
        }
        letters.letter_send_on_commit(message=self.render_mail(template_prefix, email, ctx))

    def get_client_ip(self, request):
        # allauth's rate limits key on the same address as ours (and a request that bypassed the
        # proxy is limited by its own address rather than failing with ImproperlyConfigured).
        return client_ip(request)

    # allauth's own limit of failed sign-ins ("login_failed": 5 in 5 minutes per key) counts per
    # account *and address* here: from many addresses an attacker cannot use up the attempts of
    # the person at theirs. The account-wide count is ACCOUNT_WIDE_LIMIT's.
    def _get_login_attempts_cache_key(self, request, **credentials):
        return f"{self._account_key(request, **credentials)}:{self.get_client_ip(request)}"

    def _account_key(self, request, **credentials):
        return super()._get_login_attempts_cache_key(request, **credentials)

    def pre_authenticate(self, request, **credentials):
        super().pre_authenticate(request, **credentials)
        self._account_wide_usage = allauth_ratelimit.consume(
            request,
            app="allauth.account",
            action=ACCOUNT_WIDE_ACTION,
            config=ACCOUNT_WIDE_LIMIT,
            key=self._account_key(request, **credentials),
        )
        if not self._account_wide_usage:
            self._rollback_login_failed_rl_usage()
            raise self.validation_error("account_locked")

    def _rollback_login_failed_rl_usage(self):
        # A successful sign-in takes back what its attempt counted, as allauth does.
        super()._rollback_login_failed_rl_usage()
        usage = getattr(self, "_account_wide_usage", None)
        if usage:
            usage.rollback()

    def _delete_login_attempts_cached_email(self, request, **credentials):
        # After a password reset (allauth calls this): the account is the person's again.
        super()._delete_login_attempts_cached_email(request, **credentials)
        allauth_ratelimit.clear(
            request,
            app="allauth.account",
            action=ACCOUNT_WIDE_ACTION,
            config=ACCOUNT_WIDE_LIMIT,
            key=self._account_key(request, **credentials),
        )

    def clean_email(self, email):
        # Sign-up and added addresses: one spelling per mailbox, so that one mailbox holds one account.
        return super().clean_email(normalise_email(email))

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
        # A provider id from the URL (OpenID Connect) with a NUL byte would reach PostgreSQL,
        # which refuses it: no such provider.
        if "\x00" in str(provider):
            raise Http404("No such sign-in provider.")
        try:
            return super().get_provider(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist:
            raise Http404(f"Sign-in with {provider} is not configured.") from None

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        diaspora_services.profile_update(user=user, language=get_language())
        return user


def user_display(user):
    """How allauth names a person on pages, messages and letters: the address they signed up with,
    never the internal username made from it (ACCOUNT_USER_DISPLAY)."""
    return user.email
