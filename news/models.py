import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.images import remove_files_with_rows
from mekendeshter.core.search import Searchable, document, translations

from . import images

COVER_WIDTHS = images.COVER_WIDTHS


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


class Article(Searchable):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    class Category(models.TextChoices):
        NEWS = "news", _("news")
        EVENT = "event", _("event")
        ANNOUNCEMENT = "announcement", _("announcement")

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=300)
    lead = models.TextField(_("lead"), blank=True)
    # HTML from the admin's editor, cleaned against an allow-list when saved (mekendeshter.core.sanitize).
    body = models.TextField(_("text"), blank=True)
    cover = models.ImageField(_("cover image"), upload_to="news/covers/", blank=True)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=300,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category, default=Category.NEWS)
    edition = models.ForeignKey(
        "forum.Edition",
        verbose_name=_("forum edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"), default=timezone.now, help_text=_("A time in the future schedules the article.")
    )
    comments_enabled = models.BooleanField(_("comments allowed"), default=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        # Published articles newest first, as the lists order them (all, or of one category).
        indexes = [
            models.Index(
                fields=["-published_at", "-id"], name="article_published_idx", condition=models.Q(status="published")
            ),
            models.Index(
                fields=["category", "-published_at", "-id"],
                name="article_category_idx",
                condition=models.Q(status="published"),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def search_documents(self):
        texts = translations(self, "title", "lead")
        return {"search_document": document(*texts, html_texts=translations(self, "body"))}

    def cover_url(self, width):
        """The cover resized to `width` pixels (made when the article is saved), or ''."""
        if not self.cover:
            return ""
        return self.cover.storage.url(images.thumbnail_name(self.cover.name, width))

    @property
    def cover_thumbnail(self):
        return self.cover_url(COVER_WIDTHS[0])

    @property
    def cover_large(self):
        return self.cover_url(COVER_WIDTHS[-1])

    @property
    def cover_srcset(self):
        return ", ".join(f"{self.cover_url(width)} {width}w" for width in COVER_WIDTHS) if self.cover else ""


# A replaced or removed cover goes from storage with its thumbnails, once committed.
remove_files_with_rows(Article, field="cover", names=lambda article: images.cover_file_names(article.cover.name))


class NewsSettings(models.Model):
    """Site-wide switches for news that staff change in the admin (one row)."""

    moderate_all_comments = models.BooleanField(
        _("moderate every comment"),
        default=False,
        help_text=_("When on, every comment waits for a moderator, not only a person's first one."),
    )

    class Meta:
        verbose_name = _("news settings")
        verbose_name_plural = _("news settings")

    def __str__(self):
        return str(_("News settings"))

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Comment.Status.PUBLISHED)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        PUBLISHED = "published", _("published")
        HIDDEN = "hidden", _("hidden")

    MAX_LENGTH = 3000

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments")
    # A deleted account leaves its comments in place, without a name.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="news_comments",
    )
    # Plain text: escaped when shown, with web addresses made into links.
    body = models.TextField(_("comment"), max_length=MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    report_count = models.PositiveIntegerField(_("reports"), default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "status", "created_at"], name="comment_article_idx")]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def author_name(self):
        """The name shown with the comment: the person's full name, never their username, which
        allauth derives from the email address."""
        if self.author is None:
            return _("Former member")
        return self.author.get_full_name().strip() or _("Forum member")


class CommentReport(models.Model):
    """A reader's report that a comment breaks the rules: one per reader and comment."""

    # The page cache: reports are read by moderators only; a kept page shows none.
    PAGE_CACHE_PARTS = ()

    comment = models.ForeignKey(Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="comment_report_once")]

    def __str__(self):
        return f"{self.reporter} → {self.comment_id}"


def _new_token():
    return secrets.token_urlsafe(24)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscription.Status.CONFIRMED)


class Subscription(models.Model):
    # The page cache: subscribers are private; no public page lists or counts them.
    PAGE_CACHE_PARTS = ()

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="ky")
    news = models.BooleanField(_("news"), default=True)
    announcements = models.BooleanField(_("forum announcements"), default=True)
    # Off for addresses that subscribed before the topic existed: they never asked for it.
    recommendations = models.BooleanField(_("progress on the recommendations"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PENDING)
    # The secret in every mail's unsubscribe link.
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_token, editable=False)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="subscription_email_unique")]

    def __str__(self):
        return self.email

    def get_unsubscribe_url(self):
        return reverse("subscribe:unsubscribe", kwargs={"token": self.token})


class NewsletterQuerySet(models.QuerySet):
    def with_progress(self):
        deliveries = Delivery.objects.filter(newsletter=models.OuterRef("pk"))

        def count(status):
            return models.Subquery(
                deliveries.filter(status=status)
                .order_by()
                .values("newsletter")
                .annotate(n=models.Count("pk"))
                .values("n")[:1],
                output_field=models.IntegerField(),
            )

        return self.annotate(
            sent_count=models.functions.Coalesce(count(Delivery.Status.SENT), 0),
            failed_count=models.functions.Coalesce(count(Delivery.Status.FAILED), 0),
        )


class Newsletter(models.Model):
    # The page cache: newsletters are sent by mail; there is no public archive page.
    PAGE_CACHE_PARTS = ()

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    class Topic(models.TextChoices):
        NEWS = "news", _("news")
        ANNOUNCEMENTS = "announcements", _("forum announcements")
        RECOMMENDATIONS = "recommendations", _("progress on the recommendations")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Plain text; web addresses become links."))
    topic = models.CharField(_("for subscribers to"), max_length=20, choices=Topic, default=Topic.NEWS)
    articles = models.ManyToManyField(Article, verbose_name=_("articles"), blank=True, related_name="newsletters")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    total = models.PositiveIntegerField(_("recipients"), default=0)

    objects = NewsletterQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One newsletter to one subscriber. The unique constraint makes a second copy impossible:
    a delivery is claimed (pending → sending) by one worker before its mail goes out."""

    # The page cache: one mail to one subscriber, shown to staff only.
    PAGE_CACHE_PARTS = ()

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("in flight")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["newsletter", "subscription"], name="delivery_once")]
        indexes = [models.Index(fields=["newsletter", "status"], name="delivery_status_idx")]

    def __str__(self):
        return f"{self.newsletter_id} → {self.subscription_id}"
