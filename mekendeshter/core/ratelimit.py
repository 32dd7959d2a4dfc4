"""Per-client rate limits for public forms, counted in the shared cache."""

import time

from django.core.cache import cache


def client_id(request):
    # REMOTE_ADDR is the proxy's address behind a load balancer; the proxy must then set it
    # from X-Forwarded-For (e.g. gunicorn --forwarded-allow-ips), never the application.
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, scope, *, limit, period):
    """Count one attempt for this client and scope; False once `limit` is reached in `period` seconds."""
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_id(request)}:{window}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit
