from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from mekendeshter.admin import TranslatedAdmin

from . import services
from .models import (
    ContactRequest,
    Edition,
    Hotel,
    Item,
    KeyFigure,
    Organisation,
    OutcomeDocument,
    Partnership,
    Section,
    Session,
    Venue,
)


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    extra = 0


class PartnershipInline(admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Edition)
class EditionAdmin(TranslatedAdmin):
    list_display = ["number", "year", "title", "city", "start_date", "is_demo"]
    list_display_links = ["number", "title"]
    list_filter = ["is_demo"]
    search_fields = ["title", "city", "theme"]
    inlines = [KeyFigureInline, PartnershipInline]


class HotelInline(TranslationTabularInline):
    model = Hotel
    extra = 0


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin):
    list_display = ["name", "city", "address"]
    search_fields = ["name", "address", "city"]
    inlines = [HotelInline]


@admin.register(Organisation)
class OrganisationAdmin(TranslatedAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Session)
class SessionAdmin(TranslatedAdmin):
    list_display = ["title", "edition", "day", "start_time", "kind", "room"]
    list_filter = ["edition", "kind", "day"]
    search_fields = ["title", "description"]


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    show_change_link = True


@admin.register(OutcomeDocument)
class OutcomeDocumentAdmin(TranslatedAdmin):
    list_display = ["title", "edition", "status", "date"]
    list_filter = ["status"]
    search_fields = ["title", "introduction"]
    inlines = [SectionInline]


class ItemInline(TranslationTabularInline):
    model = Item
    extra = 0


@admin.register(Section)
class SectionAdmin(TranslatedAdmin):
    list_display = ["title", "document", "slug", "order"]
    list_filter = ["document"]
    search_fields = ["title", "items__text"]
    inlines = [ItemInline]


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
