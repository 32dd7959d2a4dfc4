"""Writes for "my account"."""

from django.db import transaction

from forum import services as forum_services
from forum.models import Registration


@transaction.atomic
def account_delete(*, user):
    """Delete the account and its personal data; public contributions (proposals, supports) stay,
    without the name. Places held at upcoming editions go to the waiting list."""
    for registration in Registration.objects.filter(user=user).active().select_related("edition"):
        forum_services.registration_cancel(registration=registration, notify=False)
    # Registrations, email addresses, social accounts, authenticators and the profile go with
    # the user (CASCADE); proposals and supports keep their text with no author (SET_NULL).
    user.delete()
