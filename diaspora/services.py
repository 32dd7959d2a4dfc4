from django.db import transaction

from .models import Profile


@transaction.atomic
def profile_update(*, user, language):
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.language = language
    profile.full_clean()
    profile.save()
    return profile
