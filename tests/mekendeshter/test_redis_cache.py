"""The Redis cache backend reuses one client per connection pool (core/redis_cache.py)."""

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
