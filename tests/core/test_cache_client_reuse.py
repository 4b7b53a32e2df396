"""The Redis cache: one client per connection pool, any key Redis takes, hiredis."""

from django.core.cache import cache
from redis._parsers import _HiredisParser


def test_cache_calls_share_one_redis_client():
    backend = cache._cache

    cache.set("lumbar:test:client-reuse", 1)
    first = backend.get_client(write=True)
    assert cache.get("lumbar:test:client-reuse") == 1

    assert backend.get_client(write=True) is first
    assert backend.get_client(write=False) is first  # one server: one pool


def test_a_key_memcached_would_refuse_is_kept_without_a_warning(recwarn):
    key = "a key with spaces\t" + "x" * 300

    cache.set(key, "kept")

    assert cache.get(key) == "kept"
    assert [str(warning.message) for warning in recwarn] == []


def test_cache_replies_are_read_by_the_hiredis_parser():
    # Every page hit reads its versions in one MGET; redis-py's pure-Python
    # reply parser was a tenth of a cached article page's CPU.
    pool = cache._cache.get_client(write=False).connection_pool
    connection = pool.get_connection()
    try:
        assert isinstance(connection._parser, _HiredisParser)
    finally:
        pool.release(connection)
