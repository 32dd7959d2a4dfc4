import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from reversion.admin import VersionAdmin

from mekendeshter.core.admin import TranslatedAdmin
from mekendeshter.core.images import SafeImageField

from . import selectors, services
from .letters import newsletter_message
from .models import Article, Comment, Newsletter, NewsSettings, Subscription

EDITOR_CONFIG = {"types": None, "history": True, "html": False, "typographic": True}


# History: every staff edit of an article is kept (who, when, what changed) and can be restored.
reversion.register(Article)


@admin.register(Article)
class ArticleAdmin(VersionAdmin, TranslatedAdmin):
    # The forum as its year: the edition's full name does not wrap and pushed columns out of sight.
    # The publication day without its time, and the forum as its year: the edition's full name and
    # a long date pushed columns out of sight at 1280 pixels.
    list_display = ["title", "category", "status", "published_on", "edition_year"]
    list_filter = ["status", "category", "edition"]
    search_fields = ["title", "lead", "body"]
    prepopulated_fields = {"slug": ["title_en"]}
    date_hierarchy = "published_at"
    list_select_related = ["edition"]

    @admin.display(description=Article._meta.get_field("published_at").verbose_name, ordering="published_at")
    def published_on(self, article):
        if article.published_at is None:
            return "—"
        return date_format(timezone.localtime(article.published_at), "SHORT_DATE_FORMAT")

    @admin.display(description=_("forum"), ordering="edition__start_date")
    def edition_year(self, article):
        return article.edition.year if article.edition_id else "—"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "cover":
            # Checked and re-encoded like every upload: no metadata (GPS) survives, bombs are refused.
            return SafeImageField(
                label=db_field.verbose_name, help_text=db_field.help_text, required=False, max_width=2400
            )
        if db_field.name.startswith("body"):
            kwargs["widget"] = AdminProseEditorWidget(config=EDITOR_CONFIG)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The same write as everywhere else: HTML cleaned, thumbnails made.
        services.article_save(article=obj, cover_changed="cover" in form.changed_data)

    def delete_model(self, request, obj):
        services.article_delete(article=obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            services.article_delete(article=article)


class ReportedFilter(admin.SimpleListFilter):
    title = _("reported")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", _("Reported")), ("no", _("Not reported"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(report_count=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["created_at", "short_body", "author", "article", "status", "report_count"]
    list_filter = ["status", ReportedFilter, "created_at"]
    search_fields = ["body", "author__username", "author__email", "article__title"]
    list_select_related = ["author", "article"]
    readonly_fields = ["article", "author", "body", "created_at", "edited_at", "report_count"]
    fields = ["article", "author", "body", "status", "created_at", "edited_at", "report_count"]
    date_hierarchy = "created_at"
    actions = ["approve", "hide"]
    ordering = ["-created_at"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("comment"))
    def short_body(self, obj):
        return obj.body[:80]

    @admin.action(description=_("Approve (publish)"), permissions=["change"])
    def approve(self, request, queryset):
        count = services.comment_set_status(queryset=queryset, status=Comment.Status.PUBLISHED)
        self.message_user(request, ngettext("%d comment published.", "%d comments published.", count) % count)

    @admin.action(description=_("Hide"), permissions=["change"])
    def hide(self, request, queryset):
        count = services.comment_set_status(queryset=queryset, status=Comment.Status.HIDDEN)
        self.message_user(request, ngettext("%d comment hidden.", "%d comments hidden.", count) % count)


@admin.register(NewsSettings)
class NewsSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "moderate_all_comments"]

    def has_add_permission(self, request):
        return not NewsSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "language",
        "news",
        "announcements",
        "recommendations",
        "status",
        "created_at",
        "confirmed_at",
    ]
    list_filter = ["status", "language", "news", "announcements", "recommendations"]
    search_fields = ["email"]
    readonly_fields = ["email", "created_at", "confirmed_at", "unsubscribed_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        # Only the owner of an address subscribes it (double opt-in).
        return False


@admin.register(Newsletter)
class NewsletterAdmin(TranslatedAdmin):
    # The day a newsletter was written, without its time: the long date pushed the list past 1280
    # pixels in Kyrgyz.
    list_display = ["subject", "topic", "status", "progress", "created_on"]
    list_filter = ["status", "topic"]
    search_fields = ["subject"]
    autocomplete_fields = ["articles"]
    readonly_fields = ["status", "progress", "total", "created_at", "started_at", "finished_at"]
    change_form_template = "admin/news/newsletter/change_form.html"
    formfield_overrides = {models.TextField: {"widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 12})}}

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    @admin.display(description=Newsletter._meta.get_field("created_at").verbose_name, ordering="created_at")
    def created_on(self, newsletter):
        return date_format(timezone.localtime(newsletter.created_at), "SHORT_DATE_FORMAT")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != Newsletter.Status.DRAFT:
            # A newsletter on its way cannot change any more.
            return [f.name for f in self.model._meta.fields if f.name != "id"] + ["articles", "progress"]
        return super().get_readonly_fields(request, obj)

    @admin.display(description=_("progress"))
    def progress(self, obj):
        if obj is None or obj.pk is None or obj.status == Newsletter.Status.DRAFT:
            return "—"
        sent = getattr(obj, "sent_count", None)
        failed = getattr(obj, "failed_count", None)
        if sent is None:
            counts = selectors.newsletter_counts(newsletter=obj)
            sent, failed = counts["sent"], counts["failed"]
        return format_html(
            '<progress max="{}" value="{}"></progress> {}',
            obj.total or 1,
            sent + failed,
            _("sent %(sent)s, failed %(failed)s, total %(total)s")
            % {"sent": sent, "failed": failed, "total": obj.total},
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/<str:language>/", view(self.preview_view), name="news_newsletter_preview"),
            path("<int:pk>/test/", view(self.send_test_view), name="news_newsletter_test"),
            path("<int:pk>/send/", view(self.send_view), name="news_newsletter_send"),
            path("<int:pk>/resume/", view(self.resume_view), name="news_newsletter_resume"),
            *super().get_urls(),
        ]

    def _get(self, request, pk):
        newsletter = get_object_or_404(Newsletter.objects.prefetch_related("articles"), pk=pk)
        if not self.has_change_permission(request, newsletter):
            raise PermissionDenied
        return newsletter

    def _change_url(self, newsletter):
        return reverse("admin:news_newsletter_change", args=[newsletter.pk])

    def preview_view(self, request, pk, language):
        newsletter = self._get(request, pk)
        if language not in dict(settings.LANGUAGES):
            raise Http404
        subscriber = Subscription(email=request.user.email or "preview@example.org", language=language, token="test")
        message = newsletter_message(newsletter, subscriber)
        html = message.alternatives[0][0]
        html = html.split("<body>", 1)[-1].rsplit("</body>", 1)[0]
        context = {**self.admin_site.each_context(request), "newsletter": newsletter, "message": message}
        context |= {"html": html, "language": language, "opts": self.model._meta, "title": message.subject}
        return TemplateResponse(request, "admin/news/newsletter/preview.html", context)

    def send_test_view(self, request, pk):
        newsletter = self._get(request, pk)
        if request.method != "POST":
            return redirect(self._change_url(newsletter))
        if not request.user.email:
            self.message_user(request, _("Your account has no email address."), messages.ERROR)
        else:
            services.newsletter_send_test(newsletter=newsletter, email=request.user.email, language=get_language())
            self.message_user(request, _("A test was sent to %(email)s.") % {"email": request.user.email})
        return redirect(self._change_url(newsletter))

    def send_view(self, request, pk):
        newsletter = self._get(request, pk)
        if request.method == "POST":
            try:
                services.newsletter_send(newsletter=newsletter)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, _("Sending has started."))
            return redirect(self._change_url(newsletter))
        languages = services.newsletter_recipients_by_language(newsletter=newsletter)
        recipients = sum(count for _code, _name, count, _missing in languages)
        refused = any(missing and count for _code, _name, count, missing in languages)
        context = {**self.admin_site.each_context(request), "newsletter": newsletter, "recipients": recipients}
        context |= {"languages": languages, "refused": refused}
        context |= {"opts": self.model._meta, "title": _("Send the newsletter")}
        return TemplateResponse(request, "admin/news/newsletter/send_confirm.html", context)

    def resume_view(self, request, pk):
        newsletter = self._get(request, pk)
        if request.method == "POST" and newsletter.status == Newsletter.Status.SENDING:
            count = services.newsletter_recover(newsletter=newsletter)
            self.message_user(request, _("%(count)s letters queued again.") % {"count": count})
        return redirect(self._change_url(newsletter))
