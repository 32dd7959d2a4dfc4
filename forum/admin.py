from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from mekendeshter.admin import TranslatedAdmin

from .models import Edition, Item, KeyFigure, Organisation, OutcomeDocument, Partnership, Section, Session, Venue


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


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin):
    list_display = ["name", "city", "address"]
    search_fields = ["name", "address", "city"]


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
