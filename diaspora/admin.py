from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mekendeshter.core.admin import TranslatedAdmin
from mekendeshter.core.imports import SpreadsheetImportAdmin

from . import services
from .imports import AssociationResource
from .models import Association, DirectoryEntry


@admin.register(Association)
class AssociationAdmin(SpreadsheetImportAdmin, TranslatedAdmin):
    resource_classes = [AssociationResource]
    # Demonstration rows are a filter, not a column: the list fits 1280 pixels beside the menu.
    list_display = ["name", "country", "city", "is_published"]
    list_filter = ["is_published", "is_demo", "country"]
    search_fields = ["name", "city"]


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(admin.ModelAdmin):
    list_display = [
        "display_name",
        "country",
        "city",
        "is_expert",
        "is_hidden",
        "hidden_by_staff",
        "consent_at",
        "member_approved_at",
    ]
    list_filter = [
        "country",
        "is_expert",
        "is_hidden",
        "hidden_by_staff",
        ("member_approved_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["display_name", "city", "occupation", "organisation", "expertise", "user__email"]
    list_select_related = ["user"]
    # The entry is the person's own: staff read it and may hide it, nothing else.
    fields = [
        "hidden_by_staff",
        "user",
        "slug",
        *DirectoryEntry.DETAIL_FIELDS,
        "is_hidden",
        "consent_at",
        "consent_text",
        "member_approved_at",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [name for name in fields if name != "hidden_by_staff"]
    actions = ["hide_entries", "show_entries", "approve_members", "withdraw_members"]

    def has_add_permission(self, request):
        # Only the person creates their entry, with their own consent.
        return False

    @admin.action(description=_("Hide the selected entries"))
    def hide_entries(self, request, queryset):
        count = services.entry_hide_by_staff(entries=queryset)
        self.message_user(request, ngettext("%d entry hidden.", "%d entries hidden.", count) % count)

    @admin.action(description=_("Show the selected entries again (if their owners have not hidden them)"))
    def show_entries(self, request, queryset):
        count = services.entry_show_by_staff(entries=queryset)
        self.message_user(request, ngettext("%d entry shown.", "%d entries shown.", count) % count)

    @admin.action(description=_("Approve as members (they see contacts shared with members)"))
    def approve_members(self, request, queryset):
        count = services.entry_approve_member(entries=queryset)
        self.message_user(
            request, ngettext("%d person approved as a member.", "%d people approved as members.", count) % count
        )

    @admin.action(description=_("Withdraw the member approval"))
    def withdraw_members(self, request, queryset):
        count = services.entry_approve_member(entries=queryset, approved=False)
        self.message_user(
            request, ngettext("%d member approval withdrawn.", "%d member approvals withdrawn.", count) % count
        )
