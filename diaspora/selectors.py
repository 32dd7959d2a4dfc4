from django.conf import settings

from .models import Association, Profile


def association_list():
    return Association.objects.published()


def user_language(*, user):
    """The language to write to this person in: their preference, else the site's default."""
    language = Profile.objects.filter(user=user).values_list("language", flat=True).first()
    return language or settings.LANGUAGE_CODE
