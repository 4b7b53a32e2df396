"""The compiled sellable-stock read counts as the ORM query it was built from.

stock_sellable_by_warehouse is compiled once per process; each run puts
in the variants, the moment and the checkout whose own holds are its own.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from backend.warehouse.models import Reservation
from backend.warehouse.selectors import (
    MAX_CHECKOUT_LINE_QUANTITY,
    _stock_sellable_query,
    stock_sellable_by_warehouse,
    variant_quantities_available,
)
from tests import factories
from tests.fixtures.catalog import make_published_product


def _hold(*, checkout, stock, quantity, minutes):
    line = factories.CheckoutLineFactory(
        checkout=checkout, variant=stock.product_variant, quantity=quantity
    )
    Reservation.objects.create(
        checkout_line=line,
        stock=stock,
        quantity_reserved=quantity,
        reserved_until=timezone.now() + timedelta(minutes=minutes),
    )


def _orm_figures(*, variant_ids, channel_slug, checkout_token):
    found = {vid: {} for vid in variant_ids}
    for variant_id, warehouse_id, sellable in _stock_sellable_query(
        variant_ids=variant_ids,
        channel_slug=channel_slug,
        now=timezone.now(),
        checkout_token=checkout_token,
    ):
        found[variant_id][warehouse_id] = sellable
    return found


@pytest.fixture
def stocked(channel, warehouse):
    """Two variants: one held by other carts, live and expired, one untracked."""
    second = factories.WarehouseFactory(channels=[channel])
    held = make_published_product(
        channel=channel, warehouse=warehouse, quantity=9
    ).variants.get()
    factories.StockFactory(product_variant=held, warehouse=second, quantity=4)
    untracked = make_published_product(
        channel=channel, warehouse=warehouse, quantity=0
    ).variants.get()
    untracked.track_inventory = False
    untracked.save(update_fields=["track_inventory"])
    mine = factories.CheckoutFactory(channel=channel)
    other = factories.CheckoutFactory(channel=channel)
    first_stock = held.stocks.get(warehouse=warehouse)
    _hold(checkout=other, stock=first_stock, quantity=3, minutes=10)
    _hold(checkout=other, stock=first_stock, quantity=5, minutes=-1)  # expired
    _hold(checkout=mine, stock=first_stock, quantity=2, minutes=10)
    _hold(
        checkout=other, stock=held.stocks.get(warehouse=second), quantity=6, minutes=10
    )
    return {
        "held": held,
        "untracked": untracked,
        "mine": mine,
        "warehouses": (warehouse, second),
    }


def test_the_compiled_read_gives_the_orm_figures_for_any_checkout(channel, stocked):
    held, untracked = stocked["held"], stocked["untracked"]
    variant_ids = [held.pk, untracked.pk]

    for token in (None, stocked["mine"].pk, str(stocked["mine"].pk)):
        compiled = stock_sellable_by_warehouse(
            variant_ids=variant_ids, channel_slug=channel.slug, checkout_token=token
        )
        assert compiled == _orm_figures(
            variant_ids=variant_ids, channel_slug=channel.slug, checkout_token=token
        )


def test_other_carts_live_holds_count_and_expired_or_own_do_not(channel, stocked):
    held, untracked = stocked["held"], stocked["untracked"]
    first, second = stocked["warehouses"]

    as_mine = stock_sellable_by_warehouse(
        variant_ids=[held.pk, untracked.pk],
        channel_slug=channel.slug,
        checkout_token=stocked["mine"].pk,
    )
    as_anyone = stock_sellable_by_warehouse(
        variant_ids=[held.pk], channel_slug=channel.slug
    )

    assert as_mine == {
        held.pk: {first.pk: 6, second.pk: 0},
        untracked.pk: {first.pk: 0},
    }
    assert as_anyone == {held.pk: {first.pk: 4, second.pk: 0}}


def test_an_untracked_variant_is_sellable_up_to_the_cap(channel, stocked):
    untracked = stocked["untracked"]

    available = variant_quantities_available(
        variant_ids=[untracked.pk], channel_slug=channel.slug
    )

    assert available == {untracked.pk: MAX_CHECKOUT_LINE_QUANTITY}


def test_the_read_answers_for_the_variants_of_each_call(channel, stocked):
    held, untracked = stocked["held"], stocked["untracked"]

    only_untracked = stock_sellable_by_warehouse(
        variant_ids=[untracked.pk], channel_slug=channel.slug
    )
    none = stock_sellable_by_warehouse(variant_ids=[], channel_slug=channel.slug)

    assert list(only_untracked) == [untracked.pk]
    assert held.pk not in only_untracked
    assert none == {}


def test_the_read_runs_prepared_with_variants_and_checkout_as_parameters(
    channel, stocked
):
    stock_sellable_by_warehouse(
        variant_ids=[stocked["held"].pk],
        channel_slug=channel.slug,
        checkout_token=stocked["mine"].pk,
    )

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any(
        '"warehouse_stock"."product_variant_id" = ANY($' in sql
        and '"checkout_id" = $' in sql
        for sql in prepared
    )
