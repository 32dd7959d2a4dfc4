import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mekendeshter.core.countries import Countries
from mekendeshter.core.i18n import translated
from mekendeshter.core.images import remove_files_with_rows
from mekendeshter.core.search import Searchable, document, translations
from mekendeshter.core.validators import phone_validator


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    city = models.CharField(_("city"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    transfer = models.TextField(_("transfer"), blank=True)
    accommodation = models.TextField(_("accommodation"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def map_url(self):
        """A plain OpenStreetMap link: the map for visitors without scripts."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )


class Hotel(models.Model):
    """A hotel the organizing committee recommends near a venue."""

    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="hotels")
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("E.g. distance or a discount code."))
    url = models.URLField(_("website"), blank=True)
    # Where it is: the venue page draws it on the plan around the venue, with its distance.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("recommended hotel")
        verbose_name_plural = _("recommended hotels")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))


class EditionQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today))

    def current(self):
        """The next upcoming edition, else the latest one."""
        today = timezone.localdate()
        return self.upcoming(today).order_by("start_date").first() or self.order_by("-start_date").first()


class Edition(Searchable):
    class DatePrecision(models.TextChoices):
        DAY = "day", _("exact days")
        MONTH = "month", _("month only")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        help_text=_("Choose “month only” when the exact days are not known."),
    )
    about = models.TextField(_("about the forum"), blank=True)
    mission = models.TextField(_("mission"), blank=True)
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), null=True, blank=True, on_delete=models.SET_NULL, related_name="editions"
    )
    is_demo = models.BooleanField(
        _("demonstration edition"), default=False, help_text=_("Shown with a notice that it is not a real event.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Places for participants. Registrations beyond it go to the waiting list. Leave empty to review "
            "each registration by hand (they stay pending until confirmed)."
        ),
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum edition")
        verbose_name_plural = _("forum editions")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="edition_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens__isnull=True)
                | models.Q(registration_closes__isnull=True)
                | models.Q(registration_closes__gt=models.F("registration_opens")),
                name="edition_registration_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:edition", kwargs={"year": self.year})

    def search_documents(self):
        texts = [str(self.year), *translations(self, "title", "city", "theme", "about", "mission")]
        return {"search_document": document(*texts)}

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        if self.registration_opens is None or now < self.registration_opens:
            return False
        return self.registration_closes is None or now < self.registration_closes

    @property
    def registration_last_minute(self):
        """The last minute in which registration is open, in the site's time (Bishkek): what pages
        show, so that the date shown and the real deadline agree (closing at 00:00 on 1 July
        means the last day is 30 June)."""
        if self.registration_closes is None:
            return None
        return timezone.localtime(self.registration_closes - datetime.timedelta(minutes=1))


class KeyFigure(models.Model):
    edition = models.ForeignKey(
        Edition, verbose_name=_("forum edition"), on_delete=models.CASCADE, related_name="figures"
    )
    value = models.CharField(_("value"), max_length=20, help_text=_("For example “500+” or “24”."))
    label = models.CharField(_("label"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.value} {self.label}"


class Organisation(Searchable):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    url = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("sponsor or partner")
        verbose_name_plural = _("sponsors and partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def search_documents(self):
        return {"search_document": document(*translations(self, "name", "description"))}


class Partnership(models.Model):
    class Tier(models.TextChoices):
        ORGANIZER = "organizer", _("organizer")
        GENERAL = "general", _("general partner")
        PARTNER = "partner", _("partner")
        MEDIA = "media", _("media partner")

    edition = models.ForeignKey(
        Edition, verbose_name=_("forum edition"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="partnerships"
    )
    tier = models.CharField(_("tier"), max_length=20, choices=Tier, default=Tier.PARTNER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sponsor or partner of an edition")
        verbose_name_plural = _("sponsors and partners of the edition")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "organisation"], name="unique_partnership"),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_tier_display()})"


class OutcomeDocumentQuerySet(models.QuerySet):
    def public(self):
        """What anyone may read: documents open for proposals or final; a draft is for staff only."""
        return self.filter(status__in=[OutcomeDocument.Status.OPEN, OutcomeDocument.Status.FINAL])

    def open_for_proposals(self):
        return self.filter(status=OutcomeDocument.Status.OPEN)

    def final(self):
        return self.filter(status=OutcomeDocument.Status.FINAL)


class OutcomeDocument(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open for proposals")
        FINAL = "final", _("final")

    edition = models.OneToOneField(
        Edition, verbose_name=_("forum edition"), on_delete=models.CASCADE, related_name="outcome"
    )
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    date = models.DateField(_("date"), null=True, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    proposals_note = models.CharField(_("note on proposals"), max_length=300, blank=True)

    objects = OutcomeDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome document")
        verbose_name_plural = _("outcome documents")
        ordering = ["-edition__start_date"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:outcome", kwargs={"year": self.edition.year})


class Section(Searchable):
    document = models.ForeignKey(
        OutcomeDocument, verbose_name=_("outcome document"), on_delete=models.CASCADE, related_name="sections"
    )
    slug = models.SlugField(
        _("anchor name"),
        help_text=_(
            "Items are linked as #<anchor name>-<number>, e.g. #recommendation-12. Do not change it once published."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text before the items"), blank=True)
    closing = models.TextField(_("text after the items"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "slug"], name="unique_section_slug"),
        ]

    def __str__(self):
        return self.title

    def search_documents(self):
        return {"search_document": document(*translations(self, "title", "body", "closing"))}


class ItemQuerySet(models.QuerySet):
    def tracked(self):
        """Items whose progress is followed: those of a final outcome document."""
        return self.filter(section__document__status=OutcomeDocument.Status.FINAL)


class Item(Searchable):
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    # Staff reorder items by drag and drop; the numbers then follow the order (section_renumber).
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("numbered item")
        verbose_name_plural = _("numbered items")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="unique_item_number"),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"

    @property
    def anchor(self):
        return f"{self.section.slug}-{self.number}"

    @property
    def progress_status_label(self):
        """The words for `progress_status`, which the outcome page's selector annotates."""
        status = getattr(self, "progress_status", None)
        return ProgressStatus(status).label if status else ""

    # What an item is called where it is quoted alone (search results), by its section's anchor name.
    LABELS = {
        "recommendation": _("Recommendation %(number)s"),
        "result": _("Result %(number)s"),
    }

    @property
    def label(self):
        """ "Recommendation 7"; in another section "<section title>, item 7"."""
        label = self.LABELS.get(self.section.slug)
        if label:
            return label % {"number": self.number}
        return _("%(section)s, item %(number)s") % {
            "section": translated(self.section, "title"),
            "number": self.number,
        }

    def search_documents(self):
        return {"search_document": document(*translations(self, "text"))}


class Session(Searchable):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary session")
        PANEL = "panel", _("panel discussion")
        WORKSHOP = "workshop", _("workshop")
        CULTURAL = "cultural", _("cultural programme")
        OTHER = "other", _("other")

    edition = models.ForeignKey(
        Edition, verbose_name=_("forum edition"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PLENARY)
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("programme session")
        verbose_name_plural = _("programme sessions")
        ordering = ["day", "start_time", "order", "pk"]

    def __str__(self):
        return self.title

    def search_documents(self):
        # The people who speak or moderate are found with their session ("Садыр" finds his panel).
        people = [participation.person for participation in self.participations.all()] if self.pk else []
        texts = translations(self, "title", "description")
        return {
            "search_document": document(
                *texts, *(text for person in people for text in translations(person, "name", "role"))
            )
        }


class ContactRequest(models.Model):
    """A message to the organizing committee from the contact form."""

    # The page cache (mekendeshter.core.pagecache): no public page shows a message to the committee.
    PAGE_CACHE_PARTS = ()

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("forum edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=5)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class Person(models.Model):
    """A speaker or moderator of the programme."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("position"), max_length=300, blank=True, help_text=_("E.g. job title and organisation."))
    bio = models.TextField(_("short biography"), max_length=2000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Their sessions' documents hold their name.
        for session in Session.objects.filter(participations__person=self).prefetch_related("participations__person"):
            session.save(update_fields=["search_document"])


class Participation(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        MODERATOR = "moderator", _("moderator")

    session = models.ForeignKey(
        Session, verbose_name=_("programme session"), on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker or moderator")
        verbose_name_plural = _("speakers and moderators")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="unique_participation")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    # The session's document holds its people's names.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.session.save(update_fields=["search_document"])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.session.save(update_fields=["search_document"])
        return result


class AlbumQuerySet(models.QuerySet):
    def annotate_photo_count(self):
        return self.annotate(photo_count=models.Count("photos"))


class Album(models.Model):
    edition = models.ForeignKey(
        Edition, verbose_name=_("forum edition"), on_delete=models.CASCADE, related_name="albums"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = AlbumQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class Photo(models.Model):
    """A photo, re-encoded as WebP, with thumbnails for `srcset` (see mekendeshter.core.images)."""

    THUMBNAIL_WIDTHS = (480, 960, 1600)

    album = models.ForeignKey(Album, verbose_name=_("album"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("image"), upload_to="photos/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    thumb_480 = models.ImageField(upload_to="photos/", editable=False, blank=True)
    thumb_960 = models.ImageField(upload_to="photos/", editable=False, blank=True)
    thumb_1600 = models.ImageField(upload_to="photos/", editable=False, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.image.name

    def get_absolute_url(self):
        return reverse("forum:photo", kwargs={"year": self.album.edition.year, "pk": self.pk})

    @property
    def thumbnails(self):
        """(url, width) pairs that exist, smallest first, for srcset."""
        pairs = []
        for width in self.THUMBNAIL_WIDTHS:
            thumbnail = getattr(self, f"thumb_{width}")
            if thumbnail:
                pairs.append((thumbnail.url, min(width, self.width)))
        return pairs

    @property
    def srcset(self):
        return ", ".join(f"{url} {width}w" for url, width in [*self.thumbnails, (self.image.url, self.width)])

    def thumbnail_height(self, width):
        return round(self.height * min(width, self.width) / self.width) if self.width else 0

    def file_names(self):
        """The original and its thumbnails (core.images' scheme; older rows name theirs "-480.webp")."""
        return [
            name
            for name in (self.image.name, *(getattr(self, f"thumb_{w}").name for w in self.THUMBNAIL_WIDTHS))
            if name
        ]


# Uploads leave storage with their rows, or when replaced, once that is committed: a photo deleted
# alone, with its album or with its edition; a speaker's photo; a sponsor's logo.
remove_files_with_rows(Photo, field="image", names=Photo.file_names)
remove_files_with_rows(Person, field="photo", names=lambda person: [person.photo.name])
remove_files_with_rows(Organisation, field="logo", names=lambda organisation: [organisation.logo.name])


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations that count: neither cancelled nor waiting for their email to be confirmed."""
        return self.exclude(status__in=[Registration.Status.CANCELLED, Registration.Status.UNCONFIRMED])

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)

    def took_part(self, today=None):
        """Registrations of people who took part in a real edition held (begun): checked in at
        the venue, or, at an edition where no arrival was recorded, confirmed. The statistics page
        counts participants the same way; a demonstration edition counts for nothing."""
        today = today or timezone.localdate()
        recorded = Arrival.objects.filter(registration__edition=models.OuterRef("edition"))
        arrived = Arrival.objects.filter(registration=models.OuterRef("pk"))
        return self.filter(edition__start_date__lte=today, edition__is_demo=False).filter(
            models.Exists(arrived) | (Q(status=Registration.Status.CONFIRMED) & ~models.Exists(recorded))
        )


class BadgeRole(models.TextChoices):
    PARTICIPANT = "participant", _("participant")
    SPEAKER = "speaker", _("speaker")
    ORGANIZER = "organizer", _("organizer")
    PRESS = "press", _("press")
    PARTNER = "partner", _("partner")


class Registration(models.Model):
    """A person's registration for a forum edition: one per person and edition."""

    # The page cache (mekendeshter.core.pagecache): public pages show registrations only as counts
    # (the places left on the home page, participants on the statistics page, the forum years on a
    # directory entry's page: each says `pagecache.shows(request, "registrations")`); a registration
    # makes only those kept pages stale, not every page at the registration peak.
    PAGE_CACHE_PARTS = ("registrations",)

    # What the registrant fills in (the form) and may change (the services); the rest is bookkeeping.
    DETAIL_FIELDS = (
        "first_name",
        "last_name",
        "country",
        "city",
        "organisation",
        "occupation",
        "phone",
        "needs_transfer",
        "arrival_date",
        "arrival_time",
        "flight",
        "needs_accommodation",
        "check_in",
        "check_out",
        "accompanying_persons",
        "dietary_needs",
        "accessibility_needs",
    )

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        # Made together with a new account: it takes a place only once the email address is
        # confirmed, so that addresses nobody owns cannot fill the forum.
        UNCONFIRMED = "unconfirmed", _("email not confirmed yet")

    class Source(models.TextChoices):
        FORM = "form", _("registration form")
        # From an organizers' list of a past edition (staff import): a person without an account here,
        # who consented to nothing on this site, so no mail, no ticket and no directory entry.
        IMPORT = "import", _("imported list")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    edition = models.ForeignKey(
        Edition, verbose_name=_("forum edition"), on_delete=models.PROTECT, related_name="registrations"
    )
    source = models.CharField(_("source"), max_length=6, choices=Source, default=Source.FORM)
    # The address of an imported person (normalised): whoever registers through the form has it on
    # the account instead.
    email = models.EmailField(_("email (imported lists)"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PENDING, db_index=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    country = CountryField(_("country of residence"), countries=Countries)
    # Blank only for imported lists; the registration form requires them (forum.forms).
    city = models.CharField(_("city"), max_length=100, blank=True)
    organisation = models.CharField(_("organisation or diaspora association"), max_length=200, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    needs_transfer = models.BooleanField(_("needs a transfer"), default=False)
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    arrival_time = models.TimeField(_("arrival time"), null=True, blank=True)
    flight = models.CharField(_("flight"), max_length=50, blank=True)
    needs_accommodation = models.BooleanField(_("needs accommodation"), default=False)
    check_in = models.DateField(_("check-in"), null=True, blank=True)
    check_out = models.DateField(_("check-out"), null=True, blank=True)
    accompanying_persons = models.PositiveSmallIntegerField(
        _("accompanying persons"), default=0, validators=[MaxValueValidator(10)]
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    # The language of this person's emails about the registration: the page's when they registered
    # or last edited it, then their preferred language whenever they change it ("my account").
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    privacy_consent_at = models.DateTimeField(_("consented to the privacy policy"), null=True, blank=True)
    directory_consent_at = models.DateTimeField(_("consented to the directory listing"), null=True, blank=True)
    directory_consent_text = models.TextField(_("directory consent text shown"), blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Set by staff (the admin), printed on the badge.
    role = models.CharField(_("role at the forum"), max_length=12, choices=BadgeRole, default=BadgeRole.PARTICIPANT)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "edition"], name="unique_registration_per_edition"),
            models.CheckConstraint(
                condition=models.Q(check_in__isnull=True)
                | models.Q(check_out__isnull=True)
                | models.Q(check_out__gt=models.F("check_in")),
                name="registration_check_out_after_check_in",
            ),
            # Only an imported row goes without an account and a recorded consent.
            models.CheckConstraint(
                condition=models.Q(source="import") | models.Q(user__isnull=False, privacy_consent_at__isnull=False),
                name="registration_form_has_user_and_consent",
            ),
        ]
        indexes = [models.Index(fields=["edition", "status", "created_at"], name="registration_queue")]

    def __str__(self):
        return f"{self.first_name} {self.last_name} — {self.edition}"

    def get_absolute_url(self):
        return reverse("forum:register", kwargs={"year": self.edition.year})

    @property
    def is_active(self):
        return self.status not in (self.Status.CANCELLED, self.Status.UNCONFIRMED)


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals with an official answer: shown under the item they concern."""
        return self.exclude(status=Proposal.Status.SUBMITTED)

    def visible_to(self, user):
        """What `user` may open: public proposals, and their own under review."""
        if not user.is_authenticated:
            return self.public()
        return self.filter(~models.Q(status=Proposal.Status.SUBMITTED) | models.Q(author=user))

    def with_support_count(self):
        return self.annotate(support_count=models.Count("supports", distinct=True))


class ProposalKind(models.TextChoices):
    # Outside Proposal so that its Meta's constraint can name the kinds.
    NEW_ITEM = "new", _("new item")
    AMENDMENT = "amendment", _("amendment")


class Proposal(models.Model):
    """A proposal to an outcome document: a new item, or an amendment to a numbered item."""

    Kind = ProposalKind

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("under review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        MERGED = "merged", _("merged with another proposal")

    document = models.ForeignKey(
        OutcomeDocument, verbose_name=_("outcome document"), on_delete=models.CASCADE, related_name="proposals"
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="proposals")
    item = models.ForeignKey(
        Item,
        verbose_name=_("item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposals",
        help_text=_("The numbered item an amendment concerns; empty for a new item."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.AMENDMENT)
    # Kept without the author when the author deletes their account.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    text = models.TextField(_("proposed text"), max_length=3000)
    reason = models.TextField(_("reason"), max_length=3000)
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SUBMITTED, db_index=True)
    answer = models.TextField(_("official answer"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_proposals",
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=ProposalKind.NEW_ITEM, item__isnull=True)
                | models.Q(kind=ProposalKind.AMENDMENT, item__isnull=False),
                name="proposal_amendment_has_item",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("forum:proposal", kwargs={"year": self.document.edition.year, "pk": self.pk})

    @property
    def is_supportable(self):
        """Only an accepted proposal gathers support: one under review is not public yet, a rejected
        one is closed, and a merged one's support belongs to the proposal it was merged into."""
        return self.status == self.Status.ACCEPTED


class ProposalSupport(models.Model):
    """One person's support for a proposal (kept, without the person, if they delete their account)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal_supports"
    )
    created_at = models.DateTimeField(_("supported"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="unique_proposal_support"),
        ]

    def __str__(self):
        return f"{self.user} → {self.proposal}"


class Page(models.Model):
    """A page of text that staff write in the admin in each language, such as the privacy policy."""

    PRIVACY = "privacy"

    slug = models.SlugField(
        _("short name for the link"),
        max_length=50,
        unique=True,
        help_text=_('"privacy" is the privacy policy linked from every consent.'),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; an empty line starts a new paragraph."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("privacy") if self.slug == self.PRIVACY else ""


class TicketQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(invalidated_at__isnull=True)


class Ticket(models.Model):
    """The e-ticket of a confirmed registration: what the QR code at the door stands for.

    The code is a random token (20 characters, about 99 bits) stored on this row, never personal
    data; the QR carries it signed (`forum.tickets`) so that the check-in page tells a forged code
    from an unknown one without a lookup. A row rather than a stateless signature alone, because a
    ticket must stop working the moment its registration is cancelled or waitlisted: the services
    set `invalidated_at`, and a later confirmation issues a new row with a new token.
    """

    # The page cache: a ticket is shown only to its holder and at the door, never on a kept page.
    PAGE_CACHE_PARTS = ()

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="tickets"
    )
    token = models.CharField(_("code"), max_length=20, unique=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    invalidated_at = models.DateTimeField(_("invalidated"), null=True, blank=True)

    objects = TicketQuerySet.as_manager()

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=models.Q(invalidated_at__isnull=True),
                name="one_valid_ticket_per_registration",
            ),
        ]

    def __str__(self):
        return f"{self.registration} · {self.token[:4]}…"

    def get_absolute_url(self):
        return reverse("ticket", kwargs={"year": self.registration.edition.year})

    @property
    def is_valid(self):
        return self.invalidated_at is None


class Arrival(models.Model):
    """A person checked in at the venue on one day of the forum, by a member of staff.

    Once per registration and day (the constraint, not only the page, so two phones scanning the same
    ticket at once still count one arrival). `key` is the idempotency key the check-in page sends
    with each scan: a scan queued offline and sent again after a lost answer is recognised, not
    counted twice. The permission `forum.add_arrival` is what lets staff use the check-in page.
    """

    # The page cache: an arrival makes a person a participant (the statistics page, the forum years
    # on their directory entry's page), so it makes those kept pages stale, as a registration does.
    PAGE_CACHE_PARTS = ("registrations",)

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="arrivals"
    )
    ticket = models.ForeignKey(
        Ticket, verbose_name=_("ticket"), null=True, blank=True, on_delete=models.SET_NULL, related_name="arrivals"
    )
    day = models.DateField(_("day"))
    arrived_at = models.DateTimeField(_("checked in at"))
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    key = models.UUIDField(_("idempotency key"), unique=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("arrival")
        verbose_name_plural = _("arrivals")
        ordering = ["-arrived_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="one_arrival_per_registration_and_day"),
        ]

    def __str__(self):
        return f"{self.registration} · {self.day}"


# --- Progress on the recommendations -------------------------------------------------------------


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    IMPLEMENTED = "implemented", _("implemented")
    NOT_PURSUED = "not_pursued", _("not pursued")


class ProgressUpdateQuerySet(models.QuerySet):
    def published(self):
        """What the public pages, the feed and the letters show; drafts stay in the admin. Only
        updates of tracked items (`ItemQuerySet.tracked`, as a join rather than a subquery)."""
        return self.filter(is_published=True, item__section__document__status=OutcomeDocument.Status.FINAL)

    def latest_first(self):
        return self.order_by("-date", "-pk")


class ProgressUpdate(models.Model):
    """A dated account of what has become of one numbered item of a final outcome document.

    An item's current status is the one of its latest published update (by date, then by entry);
    the earlier ones are its history. Staff write them in the admin, where reversion keeps every
    version of an update with its evidence."""

    Status = ProgressStatus

    item = models.ForeignKey(
        Item, verbose_name=_("numbered item"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    date = models.DateField(_("date"), help_text=_("When this was decided, done or reported."))
    status = models.CharField(_("status"), max_length=12, choices=ProgressStatus)
    text = models.TextField(
        _("what happened"), max_length=3000, help_text=_("Plain text; an empty line starts a new paragraph.")
    )
    responsible_body = models.CharField(
        _("responsible body"),
        max_length=300,
        blank=True,
        help_text=_("The ministry, council or organisation in charge."),
    )
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Shown with a notice that it is not a real report.")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Subscribers to this topic get a letter when it is first published.")
    )
    # Set once, by the services, the first time the update is published: the feed's date, and the
    # sign that its letter has gone (a later unpublish and publish does not mail again).
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["item", "is_published", "date"], name="progress_update_item_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_published=False) | models.Q(published_at__isnull=False),
                name="progress_update_published_has_time",
            ),
        ]

    def __str__(self):
        return (
            f"{self.item.section.document.edition.year} · {self.item.anchor} · {self.date}: {self.get_status_display()}"
        )

    def get_absolute_url(self):
        year = self.item.section.document.edition.year
        return reverse("forum:progress", kwargs={"year": year}) + f"#update-{self.pk}"


class ProgressEvidence(models.Model):
    """A link showing what an update says: an article of this site, or an outside page.

    The article is a foreign key by name ("news.Article"), so the forum app imports nothing of the
    news app: the database keeps the link sound (an article's deletion removes its evidence rows,
    as the admin's confirmation lists), and the pages ask news' own selector which of the
    articles are published (`forum.views -> news.selectors`, the edge pyproject.toml declares)
    before they show one. An outside page is a plain web address with its title."""

    update = models.ForeignKey(
        ProgressUpdate, verbose_name=_("progress update"), on_delete=models.CASCADE, related_name="evidence"
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("article on this site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(
        _("outside page"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    title = models.CharField(
        _("title of the page"), max_length=300, blank=True, help_text=_("For an outside page: what the link says.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(article__isnull=False) & models.Q(url=""))
                | (models.Q(article__isnull=True) & ~models.Q(url="")),
                name="progress_evidence_article_or_url",
            ),
        ]

    def __str__(self):
        return self.url or f"article {self.article_id}"

    def clean(self):
        super().clean()
        if self.article_id and self.url:
            raise ValidationError(_("Choose an article of this site or give an outside page, not both."))
        if not self.article_id and not self.url:
            raise ValidationError(_("Choose an article of this site or give an outside page."))
        if self.url and not self.title:
            raise ValidationError({"title": _("Say what the outside page is.")})
