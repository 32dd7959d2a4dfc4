"""Writes for "my account"."""

from django.db import transaction

from diaspora import services as diaspora_services
from forum import services as forum_services
from forum.models import Registration
from mekendeshter import selectors
from mekendeshter.core.models import FailedLetter


@transaction.atomic
def preferred_language_update(*, user, language):
    """The language we write to this person in: the profile's, and that of their running
    registrations, which carry their own so that forum need not read the profile."""
    profile = diaspora_services.profile_update(user=user, language=language)
    forum_services.registration_language_update(user=user, language=language)
    return profile


@transaction.atomic
def account_delete(*, user):
    """Delete the account and its personal data; public contributions (proposals, supports) stay,
    without the name. Places held at upcoming editions go to the waiting list."""
    for registration in Registration.objects.filter(user=user).active().select_related("edition"):
        forum_services.registration_cancel(registration=registration, notify=False)
    # Subscriptions are kept by address: those of the person's verified addresses go too.
    selectors.subscription_list_for_user(user=user).delete()
    diaspora_services.entry_delete(user=user)
    # Letters to the person that staff could still resend hold their address and words.
    FailedLetter.objects.filter(recipients__iexact=user.email).delete()
    # Registrations, email addresses, social accounts, authenticators and the profile go with
    # the user (CASCADE); proposals, supports and comments stay with no author (SET_NULL).
    user.delete()
