"""A Redis cache that fails open: an outage reads as a miss, never a 500.

Pages, rules and rate limits all load from the database on a miss, so while
Redis is away the store is slower, not down. Django's own RedisCache raises
on a refused connection; this subclass catches only connection and timeout
errors and logs them.
"""

import logging
import threading
from collections import OrderedDict

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (ConnectionError, TimeoutError)

# Entries a process keeps in memory beside Redis, under versioned keys that
# Redis gives (promise rules, catalog rows): emptied with the cache.
_process_copies: list = []


def process_copy(store):
    """Register ``store`` as this process's copy of cache entries; return it.

    A dict whose keys hold versions read from the cache, so once a version
    moves its old entries are never read again, or a LocalCopies whose
    entries hold their versions. Clearing the cache (an operator's
    FLUSHDB through it, every test's start) empties it too: under a frozen
    clock a version started again after a flush could repeat an old one.
    """
    _process_copies.append(store)
    return store


class LocalCopies:
    """Entries this process read from the cache, least recently read first.

    For entries large enough that unpickling them, and Redis sending them,
    costs a cache hit more than asking for their versions does (whole
    pages): the reader keeps what it read, and checks it against the
    versions it reads on every request. Within ``max_bytes`` of ``size``
    (the caller's measure), the least recently read dropped first; one
    entry over an eighth of it is not kept. Registered with
    process_copy(), so clearing the cache empties it.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, tuple[object, int]] = OrderedDict()
        # Threaded servers share a process: the size must follow the entries.
        self._lock = threading.Lock()
        process_copy(self)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str):
        """Return the entry kept under ``key``, or None."""
        with self._lock:
            kept = self._entries.get(key)
            if kept is None:
                return None
            self._entries.move_to_end(key)
            return kept[0]

    def keep(self, key: str, entry, *, size: int) -> None:
        """Keep ``entry`` under ``key``, dropping the least recently read."""
        if size > self.max_bytes // 8:
            return
        with self._lock:
            self._pop(key)
            self._entries[key] = (entry, size)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def current(self, key: str, *, kept, found, check, size):
        """Return check() of the entry kept under ``key``, else of ``found``.

        ``kept``: what get(key) gave before the caller's cache round trip,
        which asked for the entry only when nothing was kept; ``found``:
        the entry that round trip read. check() returns what may be served
        of an entry, or None. A kept entry it refuses (its versions moved)
        is dropped and the cache asked again: another process may have
        stored anew. An entry read from the cache and served is kept, its
        measure ``size(served)``.
        """
        served = check(kept if kept is not None else found)
        if served is None and kept is not None:
            self.drop(key)
            kept = None
            found = cache.get(key)
            served = check(found)
        if served is not None and kept is None:
            self.keep(key, found, size=size(served))
        return served

    def drop(self, key: str) -> None:
        """Forget the entry under ``key``, if any."""
        with self._lock:
            self._pop(key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0

    def _pop(self, key: str) -> None:
        kept = self._entries.pop(key, None)
        if kept is not None:
            self.size -= kept[1]


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
