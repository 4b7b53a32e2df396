"""Every ops page and action refuses anyone without MANAGE_ORDERS, changing nothing."""

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Fulfillment, FulfillmentStatus, OrderEvent
from backend.warehouse.models import Stock, StockAdjustment
from tests.fixtures.checkout import paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(ready_checkout, warehouse):
    """An order with one sent parcel of one unit and one unit still held."""
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order
    (parcel,) = order_fulfil(
        order_id=order.pk,
        lines=[FulfilLine(order.lines.get().pk, 1, warehouse.pk)],
        notify_customer=False,
    )
    return order, parcel, Stock.objects.get()


def _requests(order, parcel, stock, warehouse):
    n, f = order.number, parcel.pk
    line = order.lines.get()
    return [
        ("get", "/ops/", {}),
        ("get", f"/ops/orders/{n}/", {}),
        ("get", f"/ops/pick-list/?order={n}", {}),
        ("get", f"/ops/orders/{n}/packing-slip/", {}),
        ("get", f"/ops/orders/{n}/packing-slip.pdf", {}),
        ("get", "/ops/stock/", {}),
        ("get", f"/ops/stock/{stock.pk}/", {}),
        ("post", f"/ops/stock/{stock.pk}/bin/", {"bin_location": "Z-9"}),
        (
            "post",
            f"/ops/orders/{n}/fulfil/",
            {f"quantity_{line.pk}": "1", f"warehouse_{line.pk}": str(warehouse.pk)},
        ),
        ("post", f"/ops/orders/{n}/fulfillments/{f}/cancel/", {}),
        ("post", f"/ops/orders/{n}/fulfillments/{f}/approve/", {}),
        ("post", f"/ops/orders/{n}/fulfillments/{f}/return/", {"restock": "on"}),
        ("post", f"/ops/orders/{n}/refund/", {"amount": "5.00"}),
        ("post", f"/ops/orders/{n}/notes/", {"message": "hello"}),
        ("post", "/ops/bulk-fulfil/", {"order": str(n), f"tracking_{n}": "X1"}),
        ("post", f"/ops/stock/{stock.pk}/", {"quantity": "0", "reason": "count"}),
    ]


def _state(order, stock):
    order.refresh_from_db()
    stock.refresh_from_db()
    return (
        order.status,
        order.total_charged_amount,
        stock.quantity,
        stock.quantity_allocated,
        stock.bin_location,
        list(Fulfillment.objects.values_list("status", flat=True)),
        OrderEvent.objects.count(),
        StockAdjustment.objects.count(),
    )


@pytest.mark.parametrize("who", ["merch_client", "customer_client", "client"])
def test_no_ops_page_or_action_works_without_manage_orders(
    who, request, world, warehouse
):
    order, parcel, stock = world
    client = request.getfixturevalue(who)
    before = _state(order, stock)

    answers = {
        url: getattr(client, method)(url, data).status_code
        for method, url, data in _requests(order, parcel, stock, warehouse)
    }

    expected = 302 if who == "client" else 403
    assert answers == {url: expected for url in answers}
    assert _state(order, stock) == before
    assert list(Fulfillment.objects.values_list("status", flat=True)) == [
        FulfillmentStatus.FULFILLED
    ]
