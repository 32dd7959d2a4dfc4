from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info

from forum import selectors as forum_selectors


def current_edition(request):
    """The current edition, fetched once per request however many templates ask for it."""
    if not hasattr(request, "_current_edition"):
        request._current_edition = forum_selectors.edition_current()
    return request._current_edition


def _in_language(path, code):
    """`path` (with its query string) in the language `code`.

    A path that resolves to no page (a 404) keeps its own words: only its language prefix changes,
    so that the switcher still leads to the same address in the other language."""
    translated = translate_url(path, code)
    if translated == path:
        prefix, _slash, rest = path.lstrip("/").partition("/")
        if prefix in dict(settings.LANGUAGES) and prefix != code:
            translated = f"/{code}/{rest}"
    return translated


def _language_links(request):
    """The page in every language: for the switcher (`full_path` keeps the query string), the
    hreflang alternates and x-default (`url`, without it)."""
    links = []
    # The query string is carried over unchanged, as translate_url does: one resolve per language
    # instead of two, unless the path needs escaping (get_full_path escapes it; translating the
    # escaped path keeps what a 404's link has always been).
    query = request.META.get("QUERY_STRING", "")
    plain = escape_uri_path(request.path) == request.path
    for code, _name in settings.LANGUAGES:
        path = _in_language(request.path, code)
        if not plain:
            full_path = _in_language(request.get_full_path(), code)
        else:
            full_path = f"{path}?{iri_to_uri(query)}" if query else path
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "path": path,
                "full_path": full_path,
                "url": request.build_absolute_uri(path),
            }
        )
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
