"""Whole pages for anonymous visitors, kept in the shared cache (Redis in production).

A page is kept per scheme, host, path and query string (the path carries the language; the
query string's parameters in a fixed order, so that `?q=x&page=2` and `?page=2&q=x` are one page), for
`settings.PAGE_CACHE_SECONDS`, and answered with `Cache-Control: public, max-age=0, s-maxage=...`,
an `ETag` and `Last-Modified`: nginx or a CDN may keep it for that long, while a browser keeps it
but asks again every time with `If-None-Match` (a 304 from this cache, without the page's queries),
so that a staff edit shows to a reader who already opened the page. Every kept page is stamped
with the content version: `bump_version()` (called when staff change content,
`mekendeshter.apps`) makes every kept page stale at once. A page that shows data which changes
often but appears on few pages (registrations) says so with `shows(request, part)` and is stamped
with that part's version too: `bump_version(part)` makes only those pages stale.

Only what cannot depend on who asks is kept or served:
- requests: GET or HEAD without a session cookie (nobody signed in, no messages in the session),
  without a messages cookie, not for the admin;
- responses: 200, complete (not streamed), setting no cookie, not private / no-store / no-cache,
  varying by nothing but Cookie, not marked `not_shared` by the view, and not using the CSP
  nonce (a nonce in cached HTML would not match the next response's header).

Pages counted by a rate limit (the directory, the site search: `ratelimit.allow`) are kept only
when every count allowed them, and the kept page records its scopes: before it is served again,
the same scopes are counted for the client asking, and a client past a limit gets the view's own
answer (429, or a search without people) instead of the kept page. A kept page never lifts a
limit, so the directory cannot be harvested through the cache (issue 9).
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from . import ratelimit

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
# Data that changes often and that few pages show: a change to it makes stale only the kept pages
# that said they show it (`shows(request, part)`), not every page. "registrations": registrations
# and arrivals, shown as the places left on the home page, the participants on the statistics
# page and the forum years on a directory entry's page; at the registration peak, making every
# page stale on every registration would empty the cache when it is needed most.
PARTS = ("registrations",)
# Headers a kept page is answered with again; the outer middleware (security, CSP, frame options)
# add theirs to every answer, hit or not.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")


def not_shared(request):
    """Mark this request's answer as one the page cache must not keep (it differs per visitor)."""
    request.page_cache_skip = True


def shows(request, part):
    """Note that this request's page shows `part` (one of PARTS): a change to it makes the kept
    page stale (`bump_version(part)`), as a content change does."""
    if part not in PARTS:
        raise ValueError(f"Unknown page cache part {part!r}: add it to PARTS")
    request.__dict__.setdefault("page_cache_parts", set()).add(part)


def content_version(request):
    """The content version for this request (None while the cache is down), read once, before the
    page's own queries: a fragment kept under it (mekendeshter.core.fragments) and rendered from
    rows read after a change was committed carries the version that change set, never the one
    before it. The page cache's lookup reads it for anonymous visitors; others read it here."""
    version = getattr(request, "_content_version", None)
    if version is None:
        try:
            version = _read_version(VERSION_KEY)
        except Exception:  # the cache is down: nothing is kept, pages are rendered whole
            logger.warning("pagecache: could not read the content version", exc_info=True)
            return None
        request._content_version = version
    return version


def _read_version(version_key, found=None):
    """The version under `version_key` (from `found`, a get_many's answer, when given), a new one
    when the cache has none."""
    version = found.get(version_key) if found is not None else cache.get(version_key)
    if version is None:
        version = _new_version()
        if not cache.add(version_key, version, timeout=None):
            version = cache.get(version_key)
    return version


def _version_key(part=None):
    return VERSION_KEY if part is None else f"{VERSION_KEY}:{part}"


def _now():
    return time.time()


def _new_version():
    return str(time.time_ns())


def bump_version(part=None):
    """Make every kept page stale (or, with `part`, those that show it): now, and again once the
    transaction commits.

    The second bump covers a page rendered by another request between this change and its commit,
    which read the old content and could otherwise be kept under the new version."""
    _set_version(part)
    transaction.on_commit(lambda: _set_version(part))


def _set_version(part=None):
    try:
        cache.set(_version_key(part), _new_version(), timeout=None)
    except Exception:  # the cache is down: it keeps no page either, and the change itself stands
        logger.exception("pagecache: could not make kept pages stale")


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith("/admin/")
    )


def _key(request):
    # Sorted by name only (a stable sort): values of a repeated name keep their order, which the
    # view may read (QueryDict.get takes the last one).
    parameters = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda p: p[0])
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(parameters)}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def _storable(request, response):
    if (
        request.method != "GET"  # a HEAD is answered from a kept page, never kept (it may have no body)
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or getattr(request, "page_cache_skip", False)
        or getattr(request, "_csp_nonce", None)  # a LazyNonce is true once it was generated
        # A page shown to a client past a rate limit (429, a search without people) is theirs.
        or not all(getattr(request, "rate_limit_counts", {}).values())
    ):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if _tokens(response.get("Cache-Control", "")) & {"private", "no-store", "no-cache"}:
        return False
    return _tokens(response.get("Vary", "")) <= {"cookie"}


def _tokens(header):
    """The names in a comma-separated header, in lower case (`max-age=60` gives `max-age`)."""
    return {part.split("=")[0].strip().lower() for part in header.split(",") if part.strip()}


def _public(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Shared caches keep the page; browsers revalidate on every visit (`max-age=0`), so that a
    # reader who opened a page before a staff edit sees the edit on the next visit.
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
    # A browser that signs in (a session cookie) asks again instead of showing its anonymous copy;
    # a shared cache keeps one copy for every visitor without cookies.
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    """Serves and keeps anonymous pages; see the module's docstring for what it keeps.

    It stands outside the session, locale, CSRF, authentication and messages middleware, so that a
    kept page is answered without them and every cookie they would set is seen before a page is
    kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if request.method == "POST" and request.path.startswith("/admin/"):
            return self._admin_change(request)
        if seconds <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        try:
            versions, entry = self._lookup(key)
        except Exception:  # a cache that is down costs speed, not the page
            logger.warning("pagecache: the cache did not answer", exc_info=True)
            return self.get_response(request)
        request._content_version = versions[None]  # for kept fragments, without another round trip
        if entry is not None and self._current(entry, versions):
            counts = {scope: ratelimit.count(request, scope) for scope in entry.get("counted", ())}
            if not all(counts.values()):
                # Past a limit: the view answers (its 429, or the search without people), with
                # these counts instead of counting the attempt again; that answer is not kept.
                request.rate_limit_precounted = counts
                return self.get_response(request)
            response = HttpResponse(entry["content"], status=200)
            for name, value in entry["headers"].items():
                response[name] = value
            response["Content-Length"] = str(len(entry["content"]))
            _public(response, entry["etag"], entry["last_modified"])
            response["X-Page-Cache"] = "hit"
            return get_conditional_response(
                request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
            )
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        last_modified = int(_now())
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if entry is not None and entry["etag"] != etag and entry["last_modified"] >= last_modified:
            # Changed within the second the stale copy was made: Last-Modified has whole seconds,
            # and a client revalidating by date alone must not be told its stale copy is current.
            last_modified = entry["last_modified"] + 1
        entry = {
            # The versions read before the page was rendered: a change committed while it was
            # rendered makes it stale at once.
            "version": versions[None],
            "parts": {part: versions[part] for part in sorted(getattr(request, "page_cache_parts", ()))},
            "content": response.content,
            "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
            "etag": etag,
            "last_modified": last_modified,
            # The rate limits that counted this page count every request it is served to.
            "counted": sorted(getattr(request, "rate_limit_counts", {})),
        }
        try:
            cache.set(key, entry, timeout=seconds)
        except Exception:
            logger.warning("pagecache: could not keep %s", request.path, exc_info=True)
            return response
        _public(response, etag, last_modified)
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)

    @staticmethod
    def _lookup(key):
        """The current versions ({None: every page's, part: that part's}) and the page kept under
        `key` (None), in one round trip."""
        version_keys = {part: _version_key(part) for part in (None, *PARTS)}
        found = cache.get_many([*version_keys.values(), key])
        versions = {part: _read_version(version_key, found) for part, version_key in version_keys.items()}
        return versions, found.get(key)

    @staticmethod
    def _current(entry, versions):
        return entry["version"] == versions[None] and all(
            versions.get(part) == version for part, version in entry.get("parts", {}).items()
        )

    def _admin_change(self, request):
        # Admin actions and reordering (django-admin-sortable2) change rows with bulk updates,
        # which send no signal: a change that staff make in the admin makes kept pages stale too.
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if response.status_code < 400 and user is not None and user.is_staff:
            bump_version()
        return response


class LanguageChoiceMiddleware:
    """Remembers a language chosen on the site for `/`, in Django's language cookie.

    The switcher's links are plain links to the page in another language (cacheable, no form);
    following one is a request for a page in language A whose Referer is this site's page in
    language B. Only that answer sets the cookie (and is private, so no shared cache keeps the
    cookie); a visitor who never switches gets none, and `/` follows their browser's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = self._chosen(request)
        if language and response.status_code == 200:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _chosen(request):
        if request.method != "GET":
            return None
        language = get_language_from_path(request.path_info)
        if not language or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == language:
            return None
        referer = request.META.get("HTTP_REFERER", "")
        origin = f"{request.scheme}://{request.get_host()}/"
        if not referer.startswith(origin):
            return None
        previous = get_language_from_path("/" + referer.removeprefix(origin))
        return language if previous and previous != language else None
