"""The site as an app on a phone: the web app manifest, the service worker, its offline page, and
signing out, which empties the worker's personal cache.

Both files are served from the root (`/manifest.webmanifest`, `/sw.js`) so that the worker's scope,
`/`, covers every language; nginx passes them to Django like any page (only `/static/` is served
with long cache lifetimes), and the worker is sent `no-cache` so that a phone picks up a new one
at its next visit. What the worker keeps is marked by the views (mekendeshter.core.offline).
"""

import json

from allauth.account.views import LogoutView
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Bump when the worker's caches change shape: activating a new version drops the old caches.
CACHE_VERSION = 1

# Sent with every sign-out: the browser drops its HTTP cache of the site. Cache Storage, where the
# worker keeps pages, is "storage", which would also drop the check-in queue that staff keep in
# localStorage (scans not sent yet): the worker empties its personal cache itself instead.
CLEAR_SITE_DATA = '"cache"'


@require_GET
def manifest(request):
    # Every page links the manifest in its own language (`?lang=ru`), so that the app installed
    # from a Russian page is named in Russian and opens on the Russian home page, whatever the
    # browser's language. Without it (an old link), the language is chosen as `/` chooses it:
    # cookie, then Accept-Language, then Kyrgyz.
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language_from_request(request)
    with translation.override(language):
        data = {
            "id": "/",
            "name": _("Mekendeshter Forum"),
            "short_name": _("Mekendeshter"),
            "description": _(
                "The forum of Kyrgyzstani compatriots living abroad: editions, outcome documents, "
                "news and the diaspora directory."
            ),
            "lang": language,
            "start_url": reverse("home"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#c8102e",
            "icons": [
                {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
                # Android crops an app's icon to its own shape (a circle, a squircle): these have
                # the emblem on a red square, within the central circle that every shape keeps.
                {
                    "src": static("img/icon-maskable-192.png"),
                    "sizes": "192x192",
                    "type": "image/png",
                    "purpose": "maskable",
                },
                {
                    "src": static("img/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        }
    response = JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=3600)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    config = {
        "version": CACHE_VERSION,
        # The offline page in each language, stored when the worker is installed.
        "offline": {code: f"/{code}/offline/" for code, _name in settings.LANGUAGES},
        "defaultLanguage": settings.LANGUAGE_CODE,
        # Requests that end a session: the worker empties the personal cache when it sees one.
        "signOut": [
            f"/{code}/{path}" for code, _name in settings.LANGUAGES for path in ("accounts/logout/", "me/delete/")
        ],
    }
    return render(
        request,
        "pwa/sw.js",
        {"config": json.dumps(config, ensure_ascii=False)},
        content_type="text/javascript; charset=utf-8",
    )


def offline(request):
    """What the worker shows for a page it has not saved while there is no network."""
    return render(request, "offline.html")


class SignOutView(LogoutView):
    """allauth's sign-out, which also tells the browser to drop what it keeps of the site."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


sign_out = SignOutView.as_view()
