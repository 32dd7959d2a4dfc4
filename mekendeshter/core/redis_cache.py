"""Django's Redis cache backend, with one `redis.Redis` client per connection pool.

Django builds a new `redis.Redis` for every cache call (`RedisCacheClient.get_client`), and
redis-py 5+ spends about a quarter of a millisecond of Python in that constructor (retry policy,
credentials, driver info). A page reads the cache several times (the page cache's lookup, the
content version, fragments, the header's data, rate limits), so this was a millisecond or more of
every uncached page. A client is thread-safe and takes a connection from its pool for each
command, so one per pool serves every call; the pool still checks the process id, so a forked
worker opens its own connections.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def count_in_window(self, key, timeout):
        """Add one to the counter `key`, created at 0 to expire after `timeout` seconds, and
        return its new value: one round trip (SET NX and INCR in one MULTI) where add, incr and
        their retry took two or three (mekendeshter.core.ratelimit)."""
        key = self.make_and_validate_key(key)
        pipeline = self._cache.get_client(key, write=True).pipeline(transaction=True)
        pipeline.set(key, 0, ex=timeout, nx=True)
        pipeline.incr(key)
        return pipeline.execute()[1]
