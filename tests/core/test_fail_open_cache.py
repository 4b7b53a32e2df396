"""The Redis cache treats an unreachable server as an empty cache."""

import socket

import pytest

from backend.core.cache import FailOpenRedisCache


@pytest.fixture
def unreachable_cache():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port once the socket closes.
    return FailOpenRedisCache(f"redis://127.0.0.1:{port}/0", {})


def test_reads_miss_while_redis_is_unreachable(unreachable_cache):
    assert unreachable_cache.get("rules", "fallback") == "fallback"
    assert unreachable_cache.get_many(["a", "b"]) == {}
    assert unreachable_cache.has_key("rules") is False
    assert unreachable_cache.get_or_set("version", 1) == 1


def test_writes_are_skipped_while_redis_is_unreachable(unreachable_cache):
    unreachable_cache.set("rules", "value")

    assert unreachable_cache.add("rules", "value") is False
    assert unreachable_cache.set_many({"a": 1}) == ["a"]
    assert unreachable_cache.delete("rules") is False
    assert unreachable_cache.touch("rules") is False
    unreachable_cache.delete_many(["a"])
    unreachable_cache.clear()


def test_a_counter_starts_again_while_redis_is_unreachable(unreachable_cache):
    # A rate limit fails open: the request counts as the window's first.
    assert unreachable_cache.incr("page-comment-rate:x") == 1


def test_a_missing_key_still_refuses_incr_when_redis_answers():
    from django.core.cache import cache

    with pytest.raises(ValueError):
        cache.incr("never-set")
