"""Each process keeps the pages it read from the cache, and never serves one stale.

A hit on a page the process kept asks Redis for the versions only
(backend.storefront.page_cache). These tests read a page twice, so that
the second read keeps it, before the change under test.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from backend.product.models import Product
from backend.product.services.products import product_update
from backend.storefront import page_cache
from tests.fixtures.catalog import warm_delivery_rules

STRAP = "/products/loop-stretch-strap/"
ARTICLE = "/articles/exercises-for-sciatica/"
DELUXE = "Loop Stretch Strap Deluxe"


@pytest.fixture
def synced(demo_articles, db, content_dir):
    warm_delivery_rules()
    return content_dir


def _kept(url: str) -> Client:
    """Read the page until this process keeps it; return a reader."""
    reader = Client()
    assert reader.get(url)["X-Cache"] == "miss"  # rendered and stored
    assert reader.get(url)["X-Cache"] == "hit"  # read from Redis, kept
    assert len(page_cache._local_pages) == 1
    return reader


def _rename_strap(capture_on_commit_callbacks) -> None:
    """Rename the strap through its service; its versions move on commit."""
    strap = Product.objects.get(slug="loop-stretch-strap")
    with capture_on_commit_callbacks(execute=True):
        product_update(product=strap, name=DELUXE)


def _redis_page_keys() -> list[str]:
    client = cache._cache.get_client()
    return [key.decode() for key in client.keys(f"*{page_cache.PAGE_KEY_PREFIX}*")]


@pytest.mark.parametrize("url", [STRAP, ARTICLE])
def test_a_kept_page_is_served_when_redis_no_longer_holds_it(url, synced):
    reader = _kept(url)
    # Evicted from Redis, say, while its versions stand.
    cache._cache.get_client().delete(*_redis_page_keys())

    again = reader.get(url)

    assert (again.status_code, again["X-Cache"]) == (200, "hit")
    assert "-slot-" not in again.content.decode()


def test_a_rename_after_a_kept_hit_shows_at_the_next_request(
    synced, django_capture_on_commit_callbacks
):
    reader = _kept(STRAP)

    _rename_strap(django_capture_on_commit_callbacks)
    after = reader.get(STRAP)
    next_one = reader.get(STRAP)

    assert after["X-Cache"] == "miss"
    assert DELUXE in after.content.decode()
    assert next_one["X-Cache"] == "hit"
    assert DELUXE in next_one.content.decode()


def test_a_page_another_process_stored_anew_replaces_the_kept_one(
    synced, django_capture_on_commit_callbacks
):
    reader = _kept(ARTICLE)
    _rename_strap(django_capture_on_commit_callbacks)
    # Another process renders and stores the page under the new versions:
    # this one's kept copy is out of date.
    kept_copy = dict(page_cache._local_pages._entries)
    assert reader.get(ARTICLE)["X-Cache"] == "miss"
    page_cache._local_pages.clear()
    for key, (entry, size) in kept_copy.items():
        page_cache._local_pages.keep(key, entry, size=size)

    again = reader.get(ARTICLE)

    assert again["X-Cache"] == "hit"
    assert DELUXE in again.content.decode()


def test_a_kept_page_is_not_served_past_its_timeout(synced):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        reader = _kept(ARTICLE)
    later = start + timedelta(seconds=page_cache.PAGE_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        again = reader.get(ARTICLE)

    assert again["X-Cache"] == "miss"


def test_clearing_the_cache_empties_the_kept_pages(synced):
    reader = _kept(ARTICLE)

    cache.clear()

    assert len(page_cache._local_pages) == 0
    assert reader.get(ARTICLE)["X-Cache"] == "miss"


def test_a_page_read_once_is_not_kept(synced):
    Client().get(ARTICLE)  # rendered and stored

    assert len(page_cache._local_pages) == 0
