import reversion
from adminsortable2.admin import SortableInlineAdminMixin
from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from reversion.admin import VersionAdmin

# adminsortable2's admin classes with a fix for Django 6.1 (see mekendeshter.core.admin).
from mekendeshter.core.admin import SortableAdminBase, SortableAdminMixin, TranslatedAdmin
from mekendeshter.core.countries import collation_key, countries
from mekendeshter.core.imports import SpreadsheetConfirmForm, SpreadsheetImportAdmin, SpreadsheetImportForm

from . import badges, exports, selectors, services
from .admin_forms import AlbumForm, OrganisationForm, PersonForm, ProgressUpdateForm
from .imports import RegistrationResource, SessionResource
from .models import (
    Album,
    Arrival,
    ContactRequest,
    Edition,
    Hotel,
    Item,
    KeyFigure,
    Organisation,
    OutcomeDocument,
    Page,
    Participation,
    Partnership,
    Person,
    Photo,
    ProgressEvidence,
    ProgressUpdate,
    Proposal,
    ProposalSupport,
    Registration,
    Section,
    Session,
    Venue,
)

# History: a revision of a document holds its sections and their items, so restoring an earlier
# version restores the whole text. Registered here, after modeltranslation has added the
# per-language fields, so that every language is kept in the history.
reversion.register(Item)
reversion.register(Section, follow=["items"])
reversion.register(OutcomeDocument, follow=["sections"])
# An update's history holds its evidence, the same way.
reversion.register(ProgressEvidence)
reversion.register(ProgressUpdate, follow=["evidence"])


# django-admin-sortable2 ships drag-and-drop inline templates up to Django 6.0, whose inline
# templates are the same as 6.1's.
SORTABLE_TABULAR = "adminsortable2/edit_inline/tabular-django-6.0.html"
SORTABLE_STACKED = "adminsortable2/edit_inline/stacked-django-6.0.html"


def image_preview(file, width=80):
    if not file:
        return "—"
    return format_html('<img src="{}" alt="" width="{}" class="admin-preview">', file.url, width)


class EditionYearColumn:
    """A list's forum edition as its year: the edition's full name («Третий форум «Мекендештер –
    2016»») does not wrap and took a third of a list at 1280 pixels, pushing columns out of
    sight. The edition filter beside the list names them in full."""

    @admin.display(description=_("forum"), ordering="edition__start_date")
    def edition_year(self, obj):
        return obj.edition.year


class KeyFigureInline(SortableInlineAdminMixin, TranslationTabularInline):
    template = SORTABLE_TABULAR
    model = KeyFigure
    extra = 0


class PartnershipInline(SortableInlineAdminMixin, admin.TabularInline):
    template = SORTABLE_TABULAR
    model = Partnership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Edition)
class EditionAdmin(SortableAdminBase, TranslatedAdmin):
    # Columns that fit 1280 pixels beside the menu: the year says which edition (its number is in
    # the title), demonstration editions are a filter, and the dates are short.
    list_display = ["year", "title", "city", "starts_on", "registration_opens_on", "capacity"]
    list_display_links = ["year", "title"]
    list_filter = ["is_demo"]
    search_fields = ["title", "city", "theme"]
    inlines = [KeyFigureInline, PartnershipInline]

    @admin.display(description=Edition._meta.get_field("start_date").verbose_name, ordering="start_date")
    def starts_on(self, edition):
        return date_format(edition.start_date, "SHORT_DATE_FORMAT")

    @admin.display(
        description=Edition._meta.get_field("registration_opens").verbose_name, ordering="registration_opens"
    )
    def registration_opens_on(self, edition):
        if edition.registration_opens is None:
            return "—"
        return date_format(timezone.localtime(edition.registration_opens), "SHORT_DATE_FORMAT")

    def save_model(self, request, obj, form, change):
        promoted = services.edition_save(edition=obj)
        if promoted:
            self.message_user(
                request,
                ngettext(
                    "%d person moved from the waiting list to a place.",
                    "%d people moved from the waiting list to places.",
                    len(promoted),
                )
                % len(promoted),
            )


class HotelInline(SortableInlineAdminMixin, TranslationTabularInline):
    template = SORTABLE_TABULAR
    model = Hotel
    extra = 0


@admin.register(Venue)
class VenueAdmin(SortableAdminBase, TranslatedAdmin):
    list_display = ["name", "city", "address"]
    search_fields = ["name", "address", "city"]
    inlines = [HotelInline]


@admin.register(Organisation)
class OrganisationAdmin(TranslatedAdmin):
    form = OrganisationForm
    list_display = ["logo_preview", "name", "url"]
    list_display_links = ["logo_preview", "name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["logo_preview"]

    @admin.display(description=_("logo"))
    def logo_preview(self, obj):
        return image_preview(obj.logo)


@admin.register(Person)
class PersonAdmin(TranslatedAdmin):
    form = PersonForm
    list_display = ["photo_preview", "name", "role"]
    list_display_links = ["photo_preview", "name"]
    search_fields = ["name", "role"]
    readonly_fields = ["photo_preview"]

    @admin.display(description=_("photo"))
    def photo_preview(self, obj):
        return image_preview(obj.photo, width=60)


class ParticipationInline(SortableInlineAdminMixin, admin.TabularInline):
    template = SORTABLE_TABULAR
    model = Participation
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Session)
class SessionAdmin(EditionYearColumn, SpreadsheetImportAdmin, SortableAdminMixin, TranslatedAdmin):
    resource_classes = [SessionResource]

    # Both libraries choose the change list's template, adminsortable2 with a read-only property:
    # the import and export buttons' template extends adminsortable2's, which extends the admin's.
    @property
    def change_list_template(self):
        return "admin/import_export/change_list_import_export.html"

    def init_change_list_template(self):
        self.ie_base_change_list_template = "adminsortable2/change_list.html"

    list_display = ["title", "edition_year", "day", "start_time", "kind", "room"]
    list_filter = ["edition", "kind", "day"]
    search_fields = ["title", "description"]
    list_select_related = ["edition"]
    ordering = ["order"]
    inlines = [ParticipationInline]


class PhotoInline(SortableInlineAdminMixin, TranslationTabularInline):
    template = SORTABLE_TABULAR
    model = Photo
    fields = ["preview", "caption"]
    readonly_fields = ["preview"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False  # photos are added through the album's multiple upload field

    @admin.display(description=_("photo"))
    def preview(self, obj):
        return image_preview(obj.thumb_480 or obj.image, width=120)


@admin.register(Album)
class AlbumAdmin(EditionYearColumn, SortableAdminMixin, TranslatedAdmin):
    form = AlbumForm
    list_display = ["title", "edition_year", "photo_count"]
    list_select_related = ["edition"]
    list_filter = ["edition"]
    search_fields = ["title"]
    ordering = ["order"]
    fieldsets = [(None, {"fields": ["edition", "title", "description", "upload"]})]
    inlines = [PhotoInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("edition").annotate_photo_count()

    @admin.display(description=_("photos"), ordering="photo_count")
    def photo_count(self, obj):
        return obj.photo_count

    def delete_model(self, request, obj):
        services.album_delete(album=obj)

    def delete_queryset(self, request, queryset):
        for album in queryset:
            services.album_delete(album=album)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Photo:
            return super().save_formset(request, form, formset, change)
        # Photos removed in the album's form go through the service, which removes their files.
        formset.save(commit=False)
        for photo in formset.deleted_objects:
            services.photo_delete(photo=photo)
        for photo, _fields in formset.changed_objects:
            photo.save()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        uploads = form.cleaned_data.get("upload") or []
        for upload in uploads:
            services.photo_create(album=form.instance, upload=upload)
        if uploads:
            count = len(uploads)
            self.message_user(request, ngettext("%d photo added.", "%d photos added.", count) % count)


class SectionInline(SortableInlineAdminMixin, TranslationStackedInline):
    template = SORTABLE_STACKED
    model = Section
    extra = 0
    show_change_link = True


@admin.register(OutcomeDocument)
class OutcomeDocumentAdmin(EditionYearColumn, SortableAdminBase, VersionAdmin, TranslatedAdmin):
    list_display = ["title", "edition_year", "status", "date"]
    list_select_related = ["edition"]
    list_filter = ["status"]
    search_fields = ["title", "introduction"]
    inlines = [SectionInline]


class ItemInline(SortableInlineAdminMixin, TranslationTabularInline):
    template = SORTABLE_TABULAR
    model = Item
    fields = ["number", "text"]
    readonly_fields = ["number"]
    ordering = ["order"]
    extra = 0


@admin.register(Section)
class SectionAdmin(SortableAdminBase, VersionAdmin, TranslatedAdmin):
    list_display = ["title", "document_year", "slug", "order"]
    list_select_related = ["document__edition"]
    list_filter = ["document"]
    search_fields = ["title", "items__text"]
    inlines = [ItemInline]

    # An edition has one outcome document: its year names it, in a column that fits the list.
    @admin.display(description=_("outcome document"), ordering="document__edition__start_date")
    def document_year(self, section):
        return section.document.edition.year

    def save_formset(self, request, form, formset, change):
        if formset.model is not Item:
            return super().save_formset(request, form, formset, change)
        items = formset.save(commit=False)
        services.section_items_save(section=form.instance, items=items, deleted=formset.deleted_objects)


class ProgressEvidenceInline(SortableInlineAdminMixin, TranslationTabularInline):
    template = SORTABLE_TABULAR
    model = ProgressEvidence
    fields = ["article", "url", "title"]
    autocomplete_fields = ["article"]
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SortableAdminBase, VersionAdmin, TranslatedAdmin):
    form = ProgressUpdateForm
    # Few enough columns to fit 1280 pixels beside the menu and the filters in Russian and Kyrgyz:
    # whether an update is demonstration data, and when it was first published, are filters and
    # the form's, not columns; the date is written short (Kyrgyz's long form takes a fifth of it).
    list_display = ["short_date", "item_label", "status", "is_published"]
    list_display_links = ["short_date", "item_label"]
    list_filter = ["status", "is_published", "is_demo", "item__section__document"]
    search_fields = ["text", "responsible_body", "item__text"]
    list_select_related = ["item__section__document__edition"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    date_hierarchy = "date"
    inlines = [ProgressEvidenceInline]

    @admin.display(description=ProgressUpdate._meta.get_field("date").verbose_name, ordering="date")
    def short_date(self, obj):
        return date_format(obj.date, "SHORT_DATE_FORMAT")

    @admin.display(description=_("numbered item"), ordering="item__number")
    def item_label(self, obj):
        return f"{obj.item.section.document.edition.year} · {obj.item.section} · {obj.item.number}"

    def save_model(self, request, obj, form, change):
        services.progress_update_save(update=obj)


@admin.register(Page)
class PageAdmin(TranslatedAdmin):
    list_display = ["title", "slug", "updated_at"]


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "email", "phone", "edition", "language", "is_handled"]
    list_filter = [("handled_at", admin.EmptyFieldListFilter), "edition", "language"]
    search_fields = ["name", "email", "phone", "message"]
    readonly_fields = ["name", "email", "phone", "edition", "message", "language", "created_at", "handled_at"]
    list_select_related = ["edition"]
    date_hierarchy = "created_at"
    actions = ["mark_handled", "mark_unhandled"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("handled"), boolean=True, ordering="handled_at")
    def is_handled(self, obj):
        return obj.handled_at is not None

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = services.contact_request_mark_handled(queryset=queryset)
        self.message_user(
            request, ngettext("%d request marked as handled.", "%d requests marked as handled.", count) % count
        )

    @admin.action(description=_("Mark as not handled"), permissions=["change"])
    def mark_unhandled(self, request, queryset):
        count = services.contact_request_mark_handled(queryset=queryset, handled=False)
        self.message_user(
            request, ngettext("%d request marked as not handled.", "%d requests marked as not handled.", count) % count
        )


class RegistrationExportForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("List"), choices=[(key, label) for key, (label, _columns, _filter) in exports.PRESETS.items()]
    )
    columns = forms.MultipleChoiceField(
        label=_("Columns (for “All columns”)"),
        required=False,
        choices=[(key, label) for key, (label, _getter) in exports.COLUMNS.items()],
        widget=forms.CheckboxSelectMultiple,
    )
    file_format = forms.ChoiceField(label=_("Format"), choices=[("xlsx", "XLSX"), ("csv", "CSV")])


class RegistrationCountryFilter(admin.SimpleListFilter):
    """Only the countries registrants live in (not all 250), in the admin language's order."""

    title = _("country of residence")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = Registration.objects.order_by().values_list("country", flat=True).distinct()
        language = get_language()
        pairs = [(code, countries.name(code)) for code in codes]
        return sorted(pairs, key=lambda pair: collation_key(pair[1], language))

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


def past_editions():
    return Edition.objects.filter(start_date__lt=timezone.localdate()).order_by("-start_date")


class RegistrationImportForm(SpreadsheetImportForm):
    """A participant list belongs to one past edition: a running one's places, tickets and letters
    are the registration form's alone."""

    edition = forms.ModelChoiceField(label=_("Forum edition"), queryset=Edition.objects.none())
    field_order = ["edition", "resource", "import_file", "format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = past_editions()

    def resource_kwargs(self):
        return {"edition": self.cleaned_data.get("edition")}

    def clean(self):
        # The file is checked once the edition is known.
        if self.cleaned_data.get("edition") is None:
            return self.cleaned_data
        return super().clean()


class RegistrationConfirmForm(SpreadsheetConfirmForm):
    edition = forms.ModelChoiceField(queryset=Edition.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = past_editions()


@admin.register(Registration)
class RegistrationAdmin(EditionYearColumn, SpreadsheetImportAdmin, admin.ModelAdmin):
    resource_classes = [RegistrationResource]
    import_form_class = RegistrationImportForm
    confirm_form_class = RegistrationConfirmForm
    # import-export's list template with "Export this list…" beside its Import and Export buttons
    # (the project's lists: all columns or chosen ones, transfer and hotel lists).
    import_export_change_list_template = "admin/forum/registration/change_list.html"
    # What the organizers scan for, in their words and in columns short enough that the whole
    # table fits 1280 pixels beside the menu and the filters, in Russian too (whose headers are the
    # longest) and with long values ("Великобритания", "Санкт-Петербург"): the name in one column,
    # the country and city in one, the edition's year, the transfer and hotel the person asked for
    # in one. The list is in order of registration, and the dates above it filter by day: a column
    # of dates would not fit.
    list_display = ["participant", "status", "country_and_city", "edition_year", "needs"]
    list_display_links = ["participant"]
    list_filter = [
        "edition",
        "status",
        "source",
        "role",
        RegistrationCountryFilter,
        "needs_transfer",
        "needs_accommodation",
    ]
    search_fields = ["first_name", "last_name", "user__email", "email", "phone", "city", "organisation"]
    list_select_related = ["edition", "user"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "user",
        "edition",
        "source",
        "email",
        "status",
        "privacy_consent_at",
        "directory_consent_at",
        "directory_consent_text",
        "created_at",
        "updated_at",
        "confirmed_at",
        "cancelled_at",
        "history",
    ]
    actions = ["confirm", "waitlist", "cancel", "export", "badges_a6", "badges_a4"]

    @admin.display(description=_("history across editions"))
    def history(self, registration):
        """The person's registrations, attendance and proposals at every edition, under each
        account with the same (normalised) email address: one person, however many accounts."""
        if registration.pk is None:
            return "—"
        # An imported registration has no account: its list's address stands for the person.
        emails = selectors.person_emails(user=registration.user, email=registration.email)
        user_ids = selectors.person_user_ids(user=registration.user, emails=emails)
        context = {
            "history": selectors.participation_history(user_ids=user_ids, emails=emails),
            "current": registration,
            "accounts": len(user_ids),
            "today": timezone.localdate(),
        }
        return render_to_string("admin/forum/registration/_history.html", context)

    @admin.display(description=_("participant"), ordering="last_name")
    def participant(self, registration):
        return f"{registration.last_name} {registration.first_name}"

    @admin.display(description=_("country, city"), ordering="country")
    def country_and_city(self, registration):
        return ", ".join(part for part in (registration.country.name, registration.city) if part)

    @admin.display(description=_("needs"))
    def needs(self, registration):
        wanted = [
            label
            for wanted, label in (
                (registration.needs_transfer, _("transfer")),
                (registration.needs_accommodation, _("hotel")),
            )
            if wanted
        ]
        return ", ".join(str(label) for label in wanted) or "—"

    def has_add_permission(self, request):
        return False

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["edition"] = import_form.cleaned_data["edition"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        edition = form.cleaned_data.get("edition") if form is not None and form.is_valid() else None
        return {**super().get_import_resource_kwargs(request, **kwargs), "edition": edition}

    def _set_status(self, request, queryset, status):
        told = unmailed = 0
        for registration in queryset.select_related("edition"):
            if registration.status != status:
                services.registration_set_status(registration=registration, status=status)
                # A registration imported from an organizers' list has no account to write to.
                if registration.user_id is None:
                    unmailed += 1
                else:
                    told += 1
        if told or not unmailed:
            self.message_user(
                request,
                ngettext("%d registrant has been told by email.", "%d registrants have been told by email.", told)
                % told,
            )
        if unmailed:
            self.message_user(
                request,
                ngettext(
                    "%d registration from an imported list was changed without a letter: it has no account.",
                    "%d registrations from imported lists were changed without a letter: they have no account.",
                    unmailed,
                )
                % unmailed,
            )

    @admin.action(description=_("Confirm (and send the confirmation)"), permissions=["change"])
    def confirm(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.CONFIRMED)

    @admin.action(description=_("Move to the waiting list (and tell them)"), permissions=["change"])
    def waitlist(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.WAITLISTED)

    @admin.action(description=_("Cancel (and tell them)"), permissions=["change"])
    def cancel(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.CANCELLED)

    def _badges(self, request, queryset, layout):
        # The changelist's order (what staff sorted by) is the printing order.
        pdf = badges.badges_pdf(queryset.select_related("edition"), layout=layout, language=get_language())
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="badges-{layout}.pdf"'
        return response

    @admin.action(description=_("Print badges (PDF, one A6 badge a page)"), permissions=["change"])
    def badges_a6(self, request, queryset):
        return self._badges(request, queryset, "a6")

    @admin.action(description=_("Print badges (PDF, A4 sheets of four)"), permissions=["change"])
    def badges_a4(self, request, queryset):
        return self._badges(request, queryset, "a4")

    @admin.action(description=_("Export a list (CSV or XLSX)…"), permissions=["view"])
    def export(self, request, queryset):
        return self._export(request, queryset, selected=True)

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_view)
        # Not "export/": that is import-export's export of the resource's columns.
        return [path("export-list/", export, name="forum_registration_export_list"), *super().get_urls()]

    def export_view(self, request):
        """The whole list as filtered, searched and dated on the changelist (its query string comes
        along), with no rows to tick first: the changelist's "Export this list" button."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect("admin:forum_registration_changelist")
        return self._export(request, changelist.get_queryset(request), selected=False)

    def _export(self, request, queryset, *, selected):
        form = RegistrationExportForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            label, columns, filters = exports.PRESETS[form.cleaned_data["preset"]]
            if form.cleaned_data["preset"] == "all" and form.cleaned_data["columns"]:
                columns = [key for key in exports.COLUMNS if key in form.cleaned_data["columns"]]
            rows = (
                queryset.filter(**filters)
                .select_related("user", "edition")
                .order_by("edition__start_date", "last_name", "first_name", "pk")
            )
            writer = exports.as_xlsx if form.cleaned_data["file_format"] == "xlsx" else exports.as_csv
            return writer(rows, columns, f"registrations-{form.cleaned_data['preset']}")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Export registrations"),
            "form": form,
            "selected": selected,
            # Selected rows are posted back by id; the whole list is found again from the query string.
            "selected_ids": list(queryset.values_list("pk", flat=True)) if selected else [],
            "count": queryset.count(),
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/forum/registration/export.html", context)


class ProposalSupportInline(admin.TabularInline):
    model = ProposalSupport
    extra = 0
    readonly_fields = ["user", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(TranslatedAdmin):
    list_display = ["created_at", "document", "section", "item", "kind", "status", "support_total"]
    list_filter = ["status", "kind", "document"]
    search_fields = ["text", "reason", "answer"]
    list_select_related = ["document", "section", "item__section"]
    readonly_fields = [
        "document",
        "section",
        "item",
        "kind",
        "author",
        "text",
        "reason",
        "language",
        "created_at",
        "answered_at",
    ]
    fields = [*readonly_fields, "status", "answer", "merged_into"]
    raw_id_fields = ["merged_into"]
    inlines = [ProposalSupportInline]
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).with_support_count()

    @admin.display(description=_("supporters"), ordering="support_count")
    def support_total(self, obj):
        return obj.support_count

    def save_model(self, request, obj, form, change):
        services.proposal_answer(proposal=obj, status=obj.status, merged_into=obj.merged_into)

    @admin.action(description=_("Accept"), permissions=["change"])
    def accept(self, request, queryset):
        for proposal in queryset:
            services.proposal_answer(proposal=proposal, status=Proposal.Status.ACCEPTED)

    @admin.action(description=_("Reject"), permissions=["change"])
    def reject(self, request, queryset):
        for proposal in queryset:
            services.proposal_answer(proposal=proposal, status=Proposal.Status.REJECTED)


# --- Attendance at the venue ------------------------------------------------------------------


@admin.register(Arrival)
class ArrivalAdmin(admin.ModelAdmin):
    """Arrivals are recorded by the check-in page only; here staff read them, with the figures per
    day and country, export them, and delete a check-in made by mistake."""

    list_display = ["day", "arrived_at", "registration", "country", "checked_in_by"]
    list_filter = ["registration__edition", "day"]
    search_fields = ["registration__first_name", "registration__last_name"]
    list_select_related = ["registration__edition", "checked_in_by"]
    date_hierarchy = "arrived_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("country of residence"))
    def country(self, obj):
        return obj.registration.country.name

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_view)
        return [path("export/<int:edition_id>/", export, name="forum_arrival_export"), *super().get_urls()]

    def _edition(self, request):
        edition_id = request.GET.get("registration__edition__id__exact", "")
        if edition_id.isdigit():
            return Edition.objects.filter(pk=edition_id).first()
        return selectors.edition_current()

    def changelist_view(self, request, extra_context=None):
        edition = self._edition(request)
        figures = selectors.attendance_figures(edition=edition) if edition else None
        extra_context = {**(extra_context or {}), "attendance_edition": edition, "attendance": figures}
        return super().changelist_view(request, extra_context=extra_context)

    def export_view(self, request, edition_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        edition = get_object_or_404(Edition, pk=edition_id)
        return exports.attendance_csv(selectors.attendance_export_rows(edition=edition), f"attendance-{edition.year}")
