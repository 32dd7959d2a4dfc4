from django.core.paginator import Paginator
from django.shortcuts import render

from . import selectors

ASSOCIATIONS_PER_PAGE = 30


def directory(request):
    page = Paginator(selectors.association_list(), ASSOCIATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "diaspora/directory.html", {"page": page, "associations": page.object_list})
