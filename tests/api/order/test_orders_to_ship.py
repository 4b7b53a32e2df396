"""ordersToShip: the ship-by queue for operations, soonest first."""

from datetime import UTC, date, datetime

import pytest
from graphql_relay import to_global_id

from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Order, OrderStatus
from tests import factories

from .conftest import place_order

pytestmark = pytest.mark.django_db

QUEUE = """
query($after: String, $warehouse: ID, $method: ID) {
  ordersToShip(first: 20, after: $after, warehouse: $warehouse,
               shippingMethod: $method) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      number status shipBy promisedEarliest promisedLatest
      lines { quantity quantityFulfilled }
      shippingAddress { city }
      deliveryMethod { ... on ShippingMethod { name } }
      fulfillments { trackingNumber }
    } }
  }
}
"""


def _place(channel, shipping_method, variant, *, ship_by=None, quantity=1):
    order = place_order(
        channel=channel,
        shipping_method=shipping_method,
        variant=variant,
        quantity=quantity,
    )
    Order.objects.filter(pk=order.pk).update(ship_by=ship_by)
    return order


def _numbers(result):
    return [
        int(edge["node"]["number"]) for edge in result["data"]["ordersToShip"]["edges"]
    ]


def test_open_orders_come_soonest_ship_by_first_and_undated_last(
    ops_api, channel, shipping_method, variant, warehouse
):
    later = _place(
        channel, shipping_method, variant, ship_by=datetime(2026, 12, 3, 15, tzinfo=UTC)
    )
    undated = _place(channel, shipping_method, variant)
    sooner = _place(
        channel, shipping_method, variant, ship_by=datetime(2026, 12, 1, 15, tzinfo=UTC)
    )
    partly = _place(
        channel,
        shipping_method,
        variant,
        quantity=2,
        ship_by=datetime(2026, 12, 2, 15, tzinfo=UTC),
    )
    order_fulfil(
        order_id=partly.pk,
        lines=[FulfilLine(partly.lines.get().pk, 1, warehouse.pk)],
        notify_customer=False,
    )
    done = _place(
        channel, shipping_method, variant, ship_by=datetime(2026, 11, 1, tzinfo=UTC)
    )
    order_fulfil(
        order_id=done.pk,
        lines=[FulfilLine(done.lines.get().pk, 1, warehouse.pk)],
        notify_customer=False,
    )
    canceled = _place(channel, shipping_method, variant)
    Order.objects.filter(pk=canceled.pk).update(status=OrderStatus.CANCELED)

    result = ops_api(QUEUE)

    assert _numbers(result) == [
        sooner.number,
        partly.number,
        later.number,
        undated.number,
    ]
    assert result["data"]["ordersToShip"]["totalCount"] == 4
    first = result["data"]["ordersToShip"]["edges"][0]["node"]
    assert first["shipBy"] == "2026-12-01T15:00:00+00:00"
    assert first["status"] == "UNFULFILLED"
    partly_node = result["data"]["ordersToShip"]["edges"][1]["node"]
    assert partly_node["status"] == "PARTIALLY_FULFILLED"
    assert partly_node["lines"] == [{"quantity": 2, "quantityFulfilled": 1}]


def test_an_order_shows_its_promised_dates(ops_api, channel, shipping_method, variant):
    order = _place(channel, shipping_method, variant)
    Order.objects.filter(pk=order.pk).update(
        promised_earliest=date(2026, 12, 2), promised_latest=date(2026, 12, 4)
    )

    node = ops_api(QUEUE)["data"]["ordersToShip"]["edges"][0]["node"]

    assert (node["promisedEarliest"], node["promisedLatest"]) == (
        "2026-12-02",
        "2026-12-04",
    )


def test_the_queue_narrows_to_a_shipping_method(
    ops_api, channel, shipping_method, variant, warehouse
):
    ground = _place(channel, shipping_method, variant)
    express = factories.ShippingMethodFactory(
        shipping_zone=shipping_method.shipping_zone, name="Express"
    )
    Order.objects.filter(pk=ground.pk).update(shipping_method=express)
    other = _place(channel, shipping_method, variant)

    result = ops_api(QUEUE, {"method": to_global_id("ShippingMethod", str(express.pk))})

    assert _numbers(result) == [ground.number]
    assert other.number not in _numbers(result)


def test_the_queue_narrows_to_a_warehouse(
    ops_api, channel, shipping_method, variant, warehouse
):
    order = _place(channel, shipping_method, variant)
    elsewhere = factories.WarehouseFactory(channels=[channel])

    here = ops_api(QUEUE, {"warehouse": to_global_id("Warehouse", str(warehouse.pk))})
    there = ops_api(QUEUE, {"warehouse": to_global_id("Warehouse", str(elsewhere.pk))})

    assert _numbers(here) == [order.number]
    assert _numbers(there) == []


@pytest.mark.parametrize("who", ["api", "customer_api", "merchandiser_api"])
def test_the_queue_is_refused_to_anyone_but_operations(
    who, request, channel, shipping_method, variant
):
    _place(channel, shipping_method, variant)

    result = request.getfixturevalue(who)(QUEUE)

    assert result["data"]["ordersToShip"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.mark.parametrize("count", [2, 12])
def test_the_queue_query_count_does_not_grow_with_orders(
    count,
    ops_api,
    channel,
    shipping_method,
    variant,
    warehouse,
    django_assert_max_num_queries,
):
    variant.stocks.filter(warehouse=warehouse).update(quantity=1000)
    for _ in range(count):
        _place(channel, shipping_method, variant)

    # Session and permissions (4), the page, its lines, variants, products,
    # events, the count and the fulfilments: the same for 2 and 12 orders.
    with django_assert_max_num_queries(11):
        result = ops_api(QUEUE)

    assert result["data"]["ordersToShip"]["totalCount"] == count
