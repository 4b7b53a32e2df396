"""Every order mutation is refused to anonymous, customers and merchandisers."""

import pytest
from graphql_relay import to_global_id

from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Fulfillment, OrderEvent
from backend.payment.models import TransactionItem

pytestmark = pytest.mark.django_db


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


def _calls(order, fulfillment, warehouse):
    line = order.lines.get()
    fulfil_input = {
        "lines": [
            {
                "orderLineId": gid("OrderLine", line.pk),
                "stocks": [
                    {"quantity": 1, "warehouse": gid("Warehouse", warehouse.pk)}
                ],
            }
        ]
    }
    order_id = gid("Order", order.token)
    fulfillment_id = gid("Fulfillment", fulfillment.pk)
    return {
        "orderFulfill": (
            "mutation($o: ID, $i: OrderFulfillInput!) "
            "{ orderFulfill(order: $o, input: $i) { errors { code } } }",
            {"o": order_id, "i": fulfil_input},
        ),
        "orderFulfillmentApprove": (
            "mutation($id: ID!) { orderFulfillmentApprove(id: $id, "
            "notifyCustomer: false) { errors { code } } }",
            {"id": fulfillment_id},
        ),
        "orderFulfillmentCancel": (
            "mutation($id: ID!) "
            "{ orderFulfillmentCancel(id: $id) { errors { code } } }",
            {"id": fulfillment_id},
        ),
        "orderFulfillmentUpdateTracking": (
            "mutation($id: ID!) { orderFulfillmentUpdateTracking(id: $id, "
            'input: {trackingNumber: "X1"}) { errors { code } } }',
            {"id": fulfillment_id},
        ),
        "orderCancel": (
            "mutation($id: ID!) { orderCancel(id: $id) { errors { code } } }",
            {"id": order_id},
        ),
        "orderConfirm": (
            "mutation($id: ID!) { orderConfirm(id: $id) { errors { code } } }",
            {"id": order_id},
        ),
        "orderNoteAdd": (
            "mutation($id: ID!) { orderNoteAdd(order: $id, "
            'input: {message: "hi"}) { errors { code } } }',
            {"id": order_id},
        ),
        "orderMarkAsPaid": (
            "mutation($id: ID!) { orderMarkAsPaid(id: $id) { errors { code } } }",
            {"id": order_id},
        ),
    }


def _snapshot(order):
    order.refresh_from_db()
    return (
        order.status,
        order.charge_status,
        [(f.status, f.tracking_number) for f in Fulfillment.objects.order_by("pk")],
        OrderEvent.objects.count(),
        TransactionItem.objects.count(),
        [
            (s.quantity, s.quantity_allocated)
            for s in order.lines.get().variant.stocks.all()
        ],
    )


@pytest.mark.parametrize("who", ["anonymous", "customer", "merchandiser"])
@pytest.mark.parametrize(
    "mutation",
    [
        "orderFulfill",
        "orderFulfillmentApprove",
        "orderFulfillmentCancel",
        "orderFulfillmentUpdateTracking",
        "orderCancel",
        "orderConfirm",
        "orderNoteAdd",
        "orderMarkAsPaid",
    ],
)
def test_order_mutation_is_refused_and_changes_nothing(
    who, mutation, request, customer_order, warehouse
):
    (fulfillment,) = order_fulfil(
        order_id=customer_order.pk,
        lines=[FulfilLine(customer_order.lines.get().pk, 1, warehouse.pk)],
        notify_customer=False,
    )
    api = request.getfixturevalue(
        {
            "anonymous": "api",
            "customer": "customer_api",
            "merchandiser": "merchandiser_api",
        }[who]
    )
    query, variables = _calls(customer_order, fulfillment, warehouse)[mutation]
    before = _snapshot(customer_order)

    result = api(query, variables)

    assert result["data"][mutation] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert _snapshot(customer_order) == before
