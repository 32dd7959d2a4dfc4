from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from forum import selectors as forum_selectors


def current_edition(request):
    """The current edition, fetched once per request however many templates ask for it."""
    if not hasattr(request, "_current_edition"):
        request._current_edition = forum_selectors.edition_current()
    return request._current_edition


def _language_links(request):
    """The page in every language: for the switcher, hreflang alternates and x-default."""
    links = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        links.append({"code": code, "path": path, "url": request.build_absolute_uri(path)})
    return links


def site(request):
    return {
        "current_edition": SimpleLazyObject(lambda: current_edition(request)),
        "latest_outcome_year": SimpleLazyObject(forum_selectors.outcome_latest_year),
        "language_links": SimpleLazyObject(lambda: _language_links(request)),
        "canonical_url": request.build_absolute_uri(request.path),
        "organizers_phone": settings.ORGANIZERS_PHONE,
        "map_tile_url": settings.MAP_TILE_URL,
        "organizers_email": settings.ORGANIZERS_EMAIL,
    }
