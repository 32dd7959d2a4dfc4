"""Parts of pages that are the same for every visitor (an outcome document's sections, an
article's body), rendered once per language and content version and kept in the shared cache, so
that a page the page cache does not keep (a signed-in visitor's, or with the page cache off) is
the visitor's own header plus kept fragments.

A fragment is rendered from its own template and context only, without the request: no context
processor runs, so no CSRF token, user or message can end up in it. It is kept under the content
version (mekendeshter.core.pagecache), which every content change bumps, so a staff edit shows
at once; stale fragments are never read again and expire.
"""

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
