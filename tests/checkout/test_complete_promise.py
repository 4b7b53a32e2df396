"""An order keeps the delivery promise made when it was placed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.checkout.complete import checkout_complete
from tests import factories
from tests.fixtures.checkout import make_ready_checkout, paid_with

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


@pytest.fixture(autouse=True)
def _published_before_the_frozen_dates(published_long_ago):
    """These tests travel to fixed days of November 2026."""


@pytest.fixture
def west(channel):
    """A second warehouse, in Los Angeles, after the first in the channel."""
    return factories.WarehouseFactory(
        channels=[channel], time_zone="America/Los_Angeles"
    )


def _place(channel, shipping_method, variant, quantity=1):
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, quantity)]
    )
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


@time_machine.travel(datetime.datetime(2026, 11, 17, 10, tzinfo=NEW_YORK), tick=False)
def test_order_keeps_the_dates_and_the_ship_by_deadline(
    channel, shipping_method, variant
):
    order = _place(channel, shipping_method, variant)

    assert (order.promised_earliest, order.promised_latest) == (
        datetime.date(2026, 11, 18),
        datetime.date(2026, 11, 19),
    )
    assert order.ship_by == datetime.datetime(2026, 11, 17, 14, tzinfo=NEW_YORK)


@time_machine.travel(
    datetime.datetime(2026, 11, 17, 15, 30, tzinfo=NEW_YORK), tick=False
)
def test_stock_is_held_where_the_promise_ships_it_from(
    channel, shipping_method, variant, warehouse, west
):
    # 15:30 in New York is past its cut-off; Los Angeles still collects today.
    factories.StockFactory(product_variant=variant, warehouse=west, quantity=5)

    order = _place(channel, shipping_method, variant)

    allocation = order.lines.get().allocations.get()
    assert allocation.stock.warehouse == west
    assert order.ship_by == datetime.datetime(2026, 11, 17, 14, tzinfo=LOS_ANGELES)
    assert order.promised_latest == datetime.date(2026, 11, 19)


@time_machine.travel(datetime.datetime(2026, 11, 17, 10, tzinfo=NEW_YORK), tick=False)
def test_the_near_warehouse_is_used_when_both_ship_today(
    channel, shipping_method, variant, warehouse, west
):
    factories.StockFactory(product_variant=variant, warehouse=west, quantity=5)

    order = _place(channel, shipping_method, variant)

    assert order.lines.get().allocations.get().stock.warehouse == warehouse
