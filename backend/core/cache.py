"""A Redis cache that fails open: an outage reads as a miss, never a 500.

Pages, rules and rate limits all load from the database on a miss, so while
Redis is away the store is slower, not down. Django's own RedisCache raises
on a refused connection; this subclass catches only connection and timeout
errors and logs them.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (ConnectionError, TimeoutError)

# Entries a process keeps in memory beside Redis, under versioned keys that
# Redis gives (promise rules, catalog rows): emptied with the cache.
_process_copies: list[dict] = []


def process_copy(store: dict) -> dict:
    """Register ``store`` as this process's copy of cache entries; return it.

    Its keys hold versions read from the cache, so once a version moves its
    old entries are never read again. Clearing the cache (an operator's
    FLUSHDB through it, every test's start) empties it too: under a frozen
    clock a version started again after a flush could repeat an old one.
    """
    _process_copies.append(store)
    return store


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` on every cache call, and each one
    fills its response-callback tables: about a quarter of a cached page hit's
    CPU. A ``redis.Redis`` is safe to share between threads (every command
    borrows a connection from the pool), and the pool resets itself after a
    fork, so one per pool is enough.
    """

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def validate_key(self, key):
        """Take any key, as Redis does.

        Django's own check looks at every character of every key for what
        memcached would refuse (spaces, control characters, over 250
        characters) and warns: about 5% of a cached page hit's CPU, for a
        warning that never applies to Redis.
        """

    def _outage(self, operation: str, error: Exception) -> None:
        logger.warning("Cache %s skipped, Redis unavailable: %s", operation, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except OUTAGE as error:
            self._outage("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except OUTAGE as error:
            self._outage("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except OUTAGE as error:
            self._outage("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except OUTAGE as error:
            self._outage("add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except OUTAGE as error:
            self._outage("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except OUTAGE as error:
            self._outage("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except OUTAGE as error:
            self._outage("touch", error)
            return False

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read starts again: rate limits fail open.
        try:
            return super().incr(key, delta, version)
        except OUTAGE as error:
            self._outage("incr", error)
            return delta

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except OUTAGE as error:
            self._outage("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except OUTAGE as error:
            self._outage("delete_many", error)

    def clear(self):
        for store in _process_copies:
            store.clear()
        try:
            return super().clear()
        except OUTAGE as error:
            self._outage("clear", error)
            return False
