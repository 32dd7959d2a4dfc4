"""The Redis cache backend reuses one client per connection pool (core/redis_cache.py)."""

import os
import time
from unittest.mock import patch

import pytest

from mekendeshter.core import ratelimit
from mekendeshter.core.redis_cache import RedisCache

# Building a client opens no connection, so nothing needs to listen here.
LOCATION = "redis://127.0.0.1:1/0"


def test_one_client_serves_every_call():
    backend = RedisCache(LOCATION, {})
    first = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is first
    assert backend._cache.get_client("c", write=True) is first
    assert first.connection_pool is backend._cache._get_connection_pool(False)


def test_replicas_get_a_client_each():
    backend = RedisCache(f"{LOCATION},redis://127.0.0.1:2/0", {})
    primary = backend._cache.get_client(write=True)
    assert backend._cache.get_client(write=True) is primary
    assert backend._cache.get_client() is not primary


REDIS = os.environ.get("REDIS_TEST_URL")


@pytest.mark.skipif(not REDIS, reason="set REDIS_TEST_URL (e.g. redis://127.0.0.1:6379/14) to count on a live Redis")
def test_a_rate_limit_counts_in_one_round_trip_and_expires(settings, rf):
    backend = RedisCache(REDIS, {"KEY_PREFIX": f"test{time.time_ns()}"})
    settings.RATE_LIMITS = {"directory": (2, 60)}
    request = rf.get("/ky/directory/", REMOTE_ADDR="203.0.113.9")
    with patch.object(ratelimit, "cache", backend):
        assert [ratelimit.count(request, "directory") for _ in range(3)] == [True, True, False]
        other = rf.get("/ky/directory/", REMOTE_ADDR="203.0.113.10")
        assert ratelimit.count(other, "directory") is True
    window = int(time.time() // 60)
    key = backend.make_and_validate_key(f"ratelimit:directory:203.0.113.9:{window}")
    client = backend._cache.get_client()
    assert 0 < client.ttl(key) <= 60
    # The counter reads as a number through the cache's own API too.
    assert backend.get(f"ratelimit:directory:203.0.113.9:{window}") == 3
    client.delete(key, backend.make_and_validate_key(f"ratelimit:directory:203.0.113.10:{window}"))
