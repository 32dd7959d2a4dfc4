from django.contrib import admin

from mekendeshter.admin import TranslatedAdmin

from .models import Association


@admin.register(Association)
class AssociationAdmin(TranslatedAdmin):
    list_display = ["name", "country", "city", "is_published"]
    list_filter = ["is_published", "country"]
    search_fields = ["name", "city"]
