"""Each process keeps the answers it read from Redis, and never serves one stale.

A hit on an answer the process kept asks Redis for the versions only
(backend.graphql.core.response_cache). These tests ask twice, so that the
second answer is kept, before the change under test.
"""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from backend.graphql.core import response_cache
from backend.product.services.channel_listings import (
    VariantListingInput,
    product_variant_channel_listing_update,
)

from .test_response_cache import PRODUCTS, first_price


def _ask(channel) -> tuple[dict, str]:
    response = Client().post(
        "/graphql/",
        data=json.dumps({"query": PRODUCTS, "variables": {"channel": channel.slug}}),
        content_type="application/json",
    )
    assert response.status_code == 200
    return response.json(), response["X-Cache"]


@pytest.fixture
def kept(channel, published_product):
    """Ask until this process keeps the answer."""
    assert _ask(channel)[1] == "miss"
    assert _ask(channel)[1] == "hit"
    assert len(response_cache._local_answers) == 1


def _answer_keys() -> list[str]:
    client = cache._cache.get_client()
    return [
        key.decode() for key in client.keys(f"*{response_cache.ANSWER_KEY_PREFIX}*")
    ]


def test_a_kept_answer_is_served_when_redis_no_longer_holds_it(channel, kept):
    cache._cache.get_client().delete(*_answer_keys())

    answer, marked = _ask(channel)

    assert marked == "hit"
    assert first_price(answer) == 19.99


def test_a_price_change_after_a_kept_hit_shows_at_the_next_request(
    channel, published_product, kept, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product_variant_channel_listing_update(
            variant=published_product.variants.get(),
            listings=[VariantListingInput(channel=channel, price=Decimal("24.50"))],
        )

    after, marked = _ask(channel)
    next_one, marked_next = _ask(channel)

    assert (first_price(after), marked) == (24.5, "miss")
    assert (first_price(next_one), marked_next) == (24.5, "hit")


def test_a_kept_answer_is_not_served_past_its_timeout(channel, published_product):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _ask(channel)
        _ask(channel)
        assert len(response_cache._local_answers) == 1
    later = start + timedelta(seconds=response_cache.RESPONSE_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        _, marked = _ask(channel)

    assert marked == "miss"


def test_clearing_the_cache_empties_the_kept_answers(channel, kept):
    cache.clear()

    assert len(response_cache._local_answers) == 0
    assert _ask(channel)[1] == "miss"
