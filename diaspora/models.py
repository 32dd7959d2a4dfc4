from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mekendeshter.countries import Countries


class AssociationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Association(models.Model):
    """A diaspora association of Kyrgyzstanis abroad: an organisation, so its contacts are public."""

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), countries=Countries)
    city = models.CharField(_("city"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("diaspora association")
        verbose_name_plural = _("diaspora associations")
        ordering = ["country", "name"]

    def __str__(self):
        return self.name


class Profile(models.Model):
    """A signed-in person's preferences: the language we write to them in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails are written in this language."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["user"]

    def __str__(self):
        return str(self.user)
