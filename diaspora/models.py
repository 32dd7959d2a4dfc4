from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mekendeshter.core.countries import Countries
from mekendeshter.core.search import Searchable, document, translations
from mekendeshter.core.validators import phone_validator, telegram_validator


class AssociationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Association(Searchable):
    """A diaspora association of Kyrgyzstanis abroad: an organisation, so its contacts are public."""

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), countries=Countries)
    city = models.CharField(_("city"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Shown with a notice that it is not a real association.")
    )

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("diaspora association")
        verbose_name_plural = _("diaspora associations")
        ordering = ["country", "name"]
        # The directory reads a country's associations by name in the page's language
        # (modeltranslation orders by name_<language>): one index per language.
        indexes = [
            models.Index(
                fields=["country", f"name_{code}", "id"],
                name=f"association_country_name_{code}",
                condition=models.Q(is_published=True),
            )
            for code in ("ky", "ru", "en")
        ]

    def __str__(self):
        return self.name

    def search_documents(self):
        return {"search_document": document(*translations(self, "name", "city", "description"))}


class Profile(models.Model):
    """A signed-in person's preferences: the language we write to them in."""

    # The page cache: a person's preferences, shown to them only (signed in, never kept).
    PAGE_CACHE_PARTS = ()

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


class Visibility(models.TextChoices):
    PUBLIC = "public", _("everyone")
    MEMBERS = "members", _("signed-in members")
    HIDDEN = "hidden", _("no one (hidden)")


# Entries anyone may see: consent recorded, not hidden by the person nor by staff.
LISTED = models.Q(is_hidden=False, hidden_by_staff=False, consent_at__isnull=False) & ~models.Q(consent_text="")


class DirectoryEntryQuerySet(models.QuerySet):
    def listed(self):
        """Entries anyone may see: consent recorded, not hidden by the person nor by staff."""
        return self.filter(LISTED)

    def experts(self):
        return self.listed().filter(is_expert=True)


class DirectoryEntry(Searchable):
    """A person's own entry in the diaspora directory: one per user, listed only with recorded consent.

    The consent's "who" is `user` (only the person writes their entry); "when" and "what" are
    `consent_at` and `consent_text`, the exact text of the checkbox they ticked."""

    CONTACT_FIELDS = ("email", "phone", "telegram", "whatsapp")
    PROFILE_FIELDS = (
        "display_name",
        "country",
        "city",
        "occupation",
        "organisation",
        "bio",
        "is_expert",
        "expertise",
        "show_forum_history",
    )
    # What the person fills in (the form) and may change (the services); the rest is bookkeeping.
    DETAIL_FIELDS = (*PROFILE_FIELDS, *(name for field in CONTACT_FIELDS for name in (field, f"{field}_visibility")))

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="directory_entry"
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    display_name = models.CharField(_("name"), max_length=120)
    country = CountryField(_("country of residence"), countries=Countries)
    city = models.CharField(_("city"), max_length=100, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("about me"), max_length=1000, blank=True)
    is_expert = models.BooleanField(
        _("list me as an expert"), default=False, help_text=_("You appear in the expert roster with your fields.")
    )
    expertise = models.CharField(
        _("fields of expertise"), max_length=300, blank=True, help_text=_("E.g. law, medicine, IT, education.")
    )
    # A consent of its own, off unless the person ticks it: which forums someone attended is
    # their history, not a detail the directory listing itself implies.
    show_forum_history = models.BooleanField(
        _("show the forums I took part in"),
        default=False,
        help_text=_("Your entry then says, for example, “took part in 2014, 2016”."),
    )
    email = models.EmailField(_("email"), blank=True)
    email_visibility = models.CharField(
        _("who sees the email"), max_length=10, choices=Visibility, default=Visibility.MEMBERS
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    phone_visibility = models.CharField(
        _("who sees the phone"), max_length=10, choices=Visibility, default=Visibility.MEMBERS
    )
    telegram = models.CharField(_("Telegram"), max_length=33, blank=True, validators=[telegram_validator])
    telegram_visibility = models.CharField(
        _("who sees the Telegram account"), max_length=10, choices=Visibility, default=Visibility.MEMBERS
    )
    whatsapp = models.CharField(_("WhatsApp"), max_length=32, blank=True, validators=[phone_validator])
    whatsapp_visibility = models.CharField(
        _("who sees the WhatsApp number"), max_length=10, choices=Visibility, default=Visibility.MEMBERS
    )
    is_hidden = models.BooleanField(_("hidden by the person"), default=False)
    hidden_by_staff = models.BooleanField(_("hidden by staff"), default=False)
    consent_at = models.DateTimeField(_("consented to the directory listing"), null=True, blank=True)
    consent_text = models.TextField(_("consent text shown"), blank=True)
    member_approved_at = models.DateTimeField(
        _("approved as a member"),
        null=True,
        blank=True,
        help_text=_("Members see the contacts people share with members. Set by the organizing committee."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # `search_document` holds what the site search may find a person by (name, city, occupation:
    # what it shows); this one what the directory's own search adds (organisation, expertise).
    search_document_more = models.TextField(default="", editable=False)

    objects = DirectoryEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        ordering = ["display_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_at__isnull=True) | ~models.Q(consent_text=""),
                name="directory_entry_consent_has_text",
            ),
        ]
        # The directory's lists, in their order, over listed entries only (the condition is
        # DirectoryEntryQuerySet.listed()'s, so that PostgreSQL matches the two): a page, however
        # deep, reads index entries (mekendeshter.core.lists.DeepPages).
        indexes = [
            models.Index(fields=["display_name", "id"], name="directory_entry_listed", condition=LISTED),
            models.Index(fields=["country", "display_name", "id"], name="directory_entry_country", condition=LISTED),
            models.Index(
                fields=["display_name", "id"],
                name="directory_entry_expert",
                condition=LISTED & models.Q(is_expert=True),
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("diaspora:entry", kwargs={"slug": self.slug})

    SEARCH_FIELDS = ("search_document", "search_document_more")

    def search_documents(self):
        return {
            "search_document": document(self.display_name, self.city, self.occupation),
            "search_document_more": document(self.organisation, self.expertise),
        }

    @property
    def expertise_list(self):
        return [area.strip() for area in self.expertise.split(",") if area.strip()]

    def contacts_for(self, viewer, *, viewer_is_member):
        """The contacts `viewer` may see, as (field, value, visibility): public ones for everyone,
        members-only ones for members (`diaspora.selectors.is_member`, which the caller asks),
        hidden ones for the person alone."""
        is_owner = viewer is not None and viewer.is_authenticated and viewer.pk == self.user_id
        allowed = {Visibility.PUBLIC}
        if viewer_is_member or is_owner:
            allowed.add(Visibility.MEMBERS)
        if is_owner:
            allowed.add(Visibility.HIDDEN)
        contacts = []
        for field in self.CONTACT_FIELDS:
            value, visibility = getattr(self, field), getattr(self, f"{field}_visibility")
            if value and visibility in allowed:
                contacts.append({"field": field, "value": value, "visibility": visibility})
        return contacts
