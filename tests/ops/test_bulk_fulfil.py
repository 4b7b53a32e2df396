"""Bulk fulfilment: ticked orders sent at once, each with its own tracking."""

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.models import OrderStatus
from backend.order.services import order_cancel
from tests.fixtures.checkout import make_ready_checkout, paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def orders(channel, shipping_method, variant):
    placed = []
    for index in range(3):
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(variant, 1)],
            email=f"buyer{index}@example.com",
        )
        placed.append(
            checkout_complete(
                checkout_token=checkout.token, payment=paid_with("tok_success")
            ).order
        )
    return placed


def _post(client, orders, tracking):
    data = {"order": [str(o.number) for o in orders], "carrier": "USPS"}
    data.update(
        {f"tracking_{o.number}": t for o, t in zip(orders, tracking, strict=True)}
    )
    return client.post("/ops/bulk-fulfil/", data)


def test_ticked_orders_show_with_a_tracking_field_each(ops_client, orders):
    query = "&".join(f"order={o.number}" for o in orders[:2])

    page = ops_client.get(f"/ops/bulk-fulfil/?{query}").content.decode()

    assert page.count('name="tracking_') == 2


def test_each_order_is_sent_with_its_own_tracking_number(ops_client, orders, variant):
    response = _post(ops_client, orders[:2], ["9400111", "9400222"])

    assert response.status_code == 302
    for order, tracking in zip(orders[:2], ["9400111", "9400222"], strict=True):
        order.refresh_from_db()
        assert order.status == OrderStatus.FULFILLED
        fulfillment = order.fulfillments.get()
        assert (fulfillment.carrier, fulfillment.tracking_number) == ("USPS", tracking)
    orders[2].refresh_from_db()
    assert orders[2].status == OrderStatus.UNFULFILLED
    assert variant.stocks.get().quantity == 8


def test_one_refused_order_does_not_stop_the_others(ops_client, orders):
    order_cancel(order_id=orders[0].pk)

    response = _post(ops_client, orders[:2], ["9400111", "9400222"])

    assert response.status_code == 400
    assert "Nothing is held for this order to send." in response.content.decode()
    orders[1].refresh_from_db()
    assert orders[1].status == OrderStatus.FULFILLED
    assert not orders[0].fulfillments.exists()


def test_a_bad_tracking_number_refuses_only_its_order(ops_client, orders):
    response = _post(ops_client, orders[:2], ["X" * 300, "9400222"])

    assert response.status_code == 400
    assert not orders[0].fulfillments.exists()
    assert orders[1].fulfillments.exists()


@pytest.mark.parametrize("who", ["merch_client", "customer_client"])
def test_others_cannot_bulk_fulfil(who, request, orders):
    response = _post(request.getfixturevalue(who), orders[:1], ["9400111"])

    assert response.status_code == 403
    assert not orders[0].fulfillments.exists()
