"""Each xdist worker keeps to its own Redis database (tests/workers.py)."""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from backend import celery_app
from tests.workers import redis_url_for_worker, slowest_modules_first


def test_a_worker_url_moves_the_database_up_by_the_worker_index():
    assert redis_url_for_worker("redis://127.0.0.1:6379/4", 2) == (
        "redis://127.0.0.1:6379/6"
    )


def test_a_worker_url_without_a_database_counts_from_zero():
    assert redis_url_for_worker("redis://127.0.0.1:6379", 1) == (
        "redis://127.0.0.1:6379/1"
    )


def test_the_cache_and_the_broker_use_the_database_this_process_was_given():
    url = os.environ["REDIS_URL"]

    assert settings.CACHES["default"]["LOCATION"] == url
    assert celery_app.conf.broker_url == url


def test_a_cache_write_lands_in_this_process_redis_database_only():
    url = os.environ["REDIS_URL"]
    neighbour = redis_url_for_worker(url, 1)
    cache.set("isolation-probe", "here")
    key = cache.make_key("isolation-probe")

    assert redis.Redis.from_url(url).exists(key) == 1
    assert redis.Redis.from_url(neighbour).exists(key) == 0


@dataclass
class _Item:
    path: Path
    name: str
    markers: tuple = ()

    def iter_markers(self):
        return iter(self.markers)


def test_the_parallel_group_hands_out_the_server_starting_modules_first():
    browser = (pytest.mark.browser.mark,)
    many, few = Path("tests/api/test_many.py"), Path("tests/api/test_few.py")
    screens = Path("tests/browser/test_screens.py")
    crawl = Path("tests/deploy/test_crawl.py")
    items = [
        _Item(few, "d"),
        _Item(few, "e"),
        _Item(many, "a"),
        _Item(many, "b"),
        _Item(many, "c"),
        _Item(screens, "f", browser),
        _Item(crawl, "g"),
    ]

    ordered = slowest_modules_first(items)

    assert [item.name for item in ordered] == list("fgabcde")
