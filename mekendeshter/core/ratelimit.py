"""Per-client rate limits, counted in the shared cache, with their limits in `settings.RATE_LIMITS`.

Past a limit every page answers the same way: status 429 with `Retry-After`, and a translated
message. Whole pages use the `rate_limited(scope)` decorator (a short page saying when to come
back); a view that shows a form counts its submissions with `form_allowed`, so that the person
sees their form again, with what they typed and the message, and answers through `limited`.
"""

import ipaddress
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import ngettext


def _address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's address: the one our own proxies saw, never one the client wrote itself.

    Each of the ALLAUTH_TRUSTED_PROXY_COUNT proxies in front of the app appends the address it
    received the request from to X-Forwarded-For, so with N proxies the N-th entry from the right
    is the client's; whatever stands left of it came from the client and may be forged. With no
    proxy (0), or a request that did not pass through all of them (too few entries), the address
    is the connection's own (REMOTE_ADDR). allauth's rate limits use this function too
    (mekendeshter.adapters), so one setting and one rule serve every limit."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        entries = forwarded.split(",")
        if len(entries) >= proxies:
            address = _address(entries[-proxies])
            if address:
                return address
    return _address(remote_addr) or remote_addr or "unknown"


def count(request, scope):
    """Count one attempt for this client and scope; False once the scope's limit is reached in its period."""
    limit, period = settings.RATE_LIMITS[scope]
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    if hasattr(cache, "count_in_window"):  # Redis (mekendeshter.core.redis_cache): one round trip
        return cache.count_in_window(key, period) <= limit
    cache.add(key, 0, timeout=period)
    try:
        number = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        number = 1
    return number <= limit


def allow(request, scope):
    """Count one attempt for this client and scope (once per request); False past the limit.

    The outcome is noted on the request (`rate_limit_counts`): the page cache keeps a counted
    page only when every count allowed it, and counts the same scopes again before it serves the
    kept page (mekendeshter.core.pagecache), so that a kept page lifts no limit. When the page
    cache has already counted this request and found it over a limit, it hands its counts on
    (`rate_limit_precounted`) and they are used here instead of counting the attempt twice."""
    precounted = getattr(request, "rate_limit_precounted", {})
    allowed = precounted.pop(scope) if scope in precounted else count(request, scope)
    request.__dict__.setdefault("rate_limit_counts", {})[scope] = allowed
    return allowed


def retry_after(scope):
    """Seconds until this scope's current counting window ends (its counts start again)."""
    _limit, period = settings.RATE_LIMITS[scope]
    return period - int(time.time()) % period


def message(scope):
    minutes = math.ceil(retry_after(scope) / 60)
    return ngettext(
        "Too many attempts from your connection. Please try again in %(minutes)d minute.",
        "Too many attempts from your connection. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def limited(response, scope):
    """The response as the answer to a request over the limit: 429, and when to come back."""
    response.status_code = 429
    response["Retry-After"] = str(retry_after(scope))
    return response


def form_allowed(request, scope, form):
    """Count one submission of `form`; past the limit, give the form the translated message and
    return False (the view shows the form again and answers through `limited`)."""
    if allow(request, scope):
        return True
    form.add_error(None, message(scope))
    return False


def rate_limited(scope):
    """A view decorator: past the limit, a short translated page instead of the view."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not allow(request, scope):
                return limited(render(request, "too_many_requests.html", {"message": message(scope)}), scope)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
