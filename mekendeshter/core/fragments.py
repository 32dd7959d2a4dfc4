"""Parts of pages that are the same for every visitor (an outcome document's sections, an
article's body), rendered once per language and content version and kept in the shared cache, so
that a page the page cache does not keep (a signed-in visitor's, or with the page cache off) is
the visitor's own header plus kept fragments.

A fragment is rendered from its own template and context only, without the request: no context
processor runs, so no CSRF token, user or message can end up in it. It is kept under the content
version (mekendeshter.core.pagecache), which every content change bumps, so a staff edit shows
at once; stale fragments are never read again and expire.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import pagecache
from .cache import cached

GROUP = "fragments"
# A new content version makes a fragment stale at once; this bounds what changes with the clock
# alone (an article scheduled for publication appears, registration opens), as the page cache's
# PAGE_CACHE_SECONDS does for whole pages.
TIMEOUT = 60


def fragment(request, name, template_name, context):
    """`template_name` rendered with `context()` (HTML), kept per `name`, language and content
    version. `name` must tell apart every fragment the same template renders (the object's id);
    `context` is a function, called only when the fragment is rendered (its queries too)."""
    version = pagecache.content_version(request)

    def render():
        return mark_safe(render_to_string(template_name, context()))  # noqa: S308 - the template escapes

    if version is None:
        return render()
    return cached(GROUP, f"{name}:{get_language()}:{version}", render, timeout=TIMEOUT)


def query_key(request):
    """The request's query string as part of a fragment's name: its parameters in a fixed order
    (as the page cache orders them), hashed to a short, safe key."""
    parameters = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda p: p[0])
    return hashlib.sha256(urlencode(parameters).encode()).hexdigest()[:32]


# Parts of every page that depend on nothing but the language and a few values the caller passes
# (the header's menu, the footer), kept in each worker's memory: translations, URLs and templates
# do not change while a worker runs, so these never go stale and cost no cache round trip. Bounded
# so that a caller passing a value with many forms cannot grow it without end.
_parts = {}
MAX_PARTS = 512


def static_part(template_name, **values):
    """`template_name` rendered with only `values` (hashable: strings, numbers, tuples), once per
    worker, language and set of values. No request and no context processor reaches it, so it
    cannot hold a CSRF token, a user or a message; whatever differs per page (the menu's current
    item) must be among `values`. In development (DEBUG) it is rendered every time, as templates
    change under the running server."""
    key = (template_name, get_language(), tuple(sorted(values.items())))
    html = None if settings.DEBUG else _parts.get(key)
    if html is None:
        html = mark_safe(render_to_string(template_name, values))  # noqa: S308 - the template escapes
        if not settings.DEBUG:
            if len(_parts) >= MAX_PARTS:
                _parts.clear()
            _parts[key] = html
    return html


def _forget_parts(**kwargs):
    # A test that changes a setting (URLs, languages, templates) gets parts rendered under it.
    _parts.clear()


setting_changed.connect(_forget_parts)
