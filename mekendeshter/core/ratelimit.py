"""Per-client rate limits for public forms, counted in the shared cache."""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache


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


def allow(request, scope, *, limit, period):
    """Count one attempt for this client and scope; False once `limit` is reached in `period` seconds."""
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit
