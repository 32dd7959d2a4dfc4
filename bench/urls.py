from django.http import HttpResponse
from django.urls import path

from mekendeshter.urls import urlpatterns as site_urlpatterns


def minimal(request):
    """The floor: a Django view that does nothing, measured on the same run."""
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal", minimal), *site_urlpatterns]
