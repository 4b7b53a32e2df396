"""The Redis cache keeps one client per connection pool instead of one per call."""

from django.core.cache import cache


def test_cache_calls_share_one_redis_client():
    backend = cache._cache

    cache.set("lumbar:test:client-reuse", 1)
    first = backend.get_client(write=True)
    assert cache.get("lumbar:test:client-reuse") == 1

    assert backend.get_client(write=True) is first
    assert backend.get_client(write=False) is first  # one server: one pool
