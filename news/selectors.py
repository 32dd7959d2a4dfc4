from django.shortcuts import get_object_or_404

from .models import Article


def article_list():
    return Article.objects.published().select_related("edition")


def article_latest(*, limit=3):
    return Article.objects.published()[:limit]


def article_get(*, slug):
    return get_object_or_404(Article.objects.published().select_related("edition"), slug=slug)
