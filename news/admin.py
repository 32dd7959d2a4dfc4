from django.contrib import admin

from mekendeshter.admin import TranslatedAdmin

from .models import Article


@admin.register(Article)
class ArticleAdmin(TranslatedAdmin):
    list_display = ["title", "category", "status", "published_at", "edition"]
    list_filter = ["status", "category", "edition"]
    search_fields = ["title", "lead", "body"]
    prepopulated_fields = {"slug": ["title_en"]}
    date_hierarchy = "published_at"
    list_select_related = ["edition"]
