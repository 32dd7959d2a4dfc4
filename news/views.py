from django.core.paginator import Paginator
from django.shortcuts import render

from . import selectors

ARTICLES_PER_PAGE = 10


def article_list(request):
    page = Paginator(selectors.article_list(), ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/article_list.html", {"page": page, "articles": page.object_list})


def article_detail(request, slug):
    return render(request, "news/article_detail.html", {"article": selectors.article_get(slug=slug)})
