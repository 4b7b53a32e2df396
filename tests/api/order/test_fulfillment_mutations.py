"""orderFulfill, orderFulfillmentApprove/Cancel/UpdateTracking over the API."""

import pytest
from graphql_relay import to_global_id

from backend.order.models import Fulfillment, FulfillmentStatus, OrderStatus
from backend.warehouse.models import Allocation
from tests import factories
from tests.on_commit import without_version_bumps

pytestmark = pytest.mark.django_db

FULFILL = """
mutation($order: ID, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) {
    fulfillments { id status trackingNumber carrier fulfillmentOrder
                   lines { quantity orderLine { productName } } }
    order { status lines { quantityFulfilled quantityToFulfill } }
    errors { field code message orderLines warehouse }
    orderErrors { code }
  }
}
"""
APPROVE = """
mutation($id: ID!) {
  orderFulfillmentApprove(id: $id, notifyCustomer: false) {
    fulfillment { status } order { status } errors { field code message }
  }
}
"""
CANCEL = """
mutation($id: ID!, $input: FulfillmentCancelInput) {
  orderFulfillmentCancel(id: $id, input: $input) {
    fulfillment { status } order { status } errors { field code message }
  }
}
"""
TRACKING = """
mutation($id: ID!, $input: FulfillmentUpdateTrackingInput!) {
  orderFulfillmentUpdateTracking(id: $id, input: $input) {
    fulfillment { trackingNumber carrier } order { events { type } }
    errors { field code message }
  }
}
"""


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


def fulfil_input(order, warehouse, quantity=2, **extra):
    line = order.lines.get()
    return {
        "lines": [
            {
                "orderLineId": gid("OrderLine", line.pk),
                "stocks": [
                    {"quantity": quantity, "warehouse": gid("Warehouse", warehouse.pk)}
                ],
            }
        ],
        "notifyCustomer": False,
        **extra,
    }


def variables(order, warehouse, quantity=2, **extra):
    return {
        "order": gid("Order", order.token),
        "input": fulfil_input(order, warehouse, quantity, **extra),
    }


def stock_of(variant, warehouse):
    stock = variant.stocks.get(warehouse=warehouse)
    return stock.quantity, stock.quantity_allocated


def test_operations_fulfil_an_order_with_a_tracking_number(
    ops_api, guest_order, variant, warehouse, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        result = ops_api(
            FULFILL,
            {
                "order": gid("Order", guest_order.token),
                "input": {
                    **fulfil_input(guest_order, warehouse),
                    "notifyCustomer": True,
                    "trackingNumber": "1Z999AA10123456784",
                    "carrier": "UPS",
                },
            },
        )

    payload = result["data"]["orderFulfill"]
    assert payload["errors"] == []
    (fulfillment,) = payload["fulfillments"]
    assert fulfillment["status"] == "FULFILLED"
    assert fulfillment["trackingNumber"] == "1Z999AA10123456784"
    assert fulfillment["carrier"] == "UPS"
    assert fulfillment["lines"][0]["quantity"] == 2
    assert payload["order"]["status"] == "FULFILLED"
    assert payload["order"]["lines"] == [
        {"quantityFulfilled": 2, "quantityToFulfill": 0}
    ]
    assert stock_of(variant, warehouse) == (8, 0)
    assert len(without_version_bumps(queued)) == 1  # the shipped email


def test_fulfilling_part_of_an_order_leaves_it_partially_fulfilled(
    ops_api, guest_order, variant, warehouse
):
    result = ops_api(FULFILL, variables(guest_order, warehouse, quantity=1))

    payload = result["data"]["orderFulfill"]
    assert payload["order"]["status"] == "PARTIALLY_FULFILLED"
    assert stock_of(variant, warehouse) == (9, 1)


def test_zero_quantities_are_lines_left_out_and_all_zero_is_refused(
    ops_api, guest_order, warehouse
):
    result = ops_api(FULFILL, variables(guest_order, warehouse, quantity=0))

    assert result["data"]["orderFulfill"]["errors"] == [
        {
            "field": "lines",
            "code": "ZERO_QUANTITY",
            "message": "Total quantity must be larger than 0.",
            "orderLines": None,
            "warehouse": None,
        }
    ]
    assert not Fulfillment.objects.exists()


def test_fulfilling_more_than_ordered_is_refused_and_nothing_changes(
    ops_api, guest_order, variant, warehouse
):
    result = ops_api(FULFILL, variables(guest_order, warehouse, quantity=3))

    payload = result["data"]["orderFulfill"]
    (error,) = payload["errors"]
    assert error["code"] == "FULFILL_ORDER_LINE"
    assert error["field"] == "orderLineId"
    assert error["orderLines"] == [gid("OrderLine", guest_order.lines.get().pk)]
    assert payload["orderErrors"] == [{"code": "FULFILL_ORDER_LINE"}]
    assert payload["fulfillments"] is None
    assert stock_of(variant, warehouse) == (10, 2)
    assert not Fulfillment.objects.exists()


def test_fulfilling_more_than_the_warehouse_holds_is_refused(
    ops_api, guest_order, variant, warehouse
):
    # Someone counted the shelf: only one unit is really there.
    variant.stocks.filter(warehouse=warehouse).update(quantity=1, quantity_allocated=2)

    result = ops_api(FULFILL, variables(guest_order, warehouse, quantity=2))

    (error,) = result["data"]["orderFulfill"]["errors"]
    assert error["code"] == "INSUFFICIENT_STOCK"
    assert error["field"] == "warehouse"
    assert stock_of(variant, warehouse) == (1, 2)
    assert not Fulfillment.objects.exists()


def test_fulfilling_from_an_unknown_warehouse_is_refused(ops_api, guest_order):
    missing = factories.WarehouseFactory()
    input_ = fulfil_input(guest_order, missing)
    missing.delete()

    result = ops_api(
        FULFILL, {"order": gid("Order", guest_order.token), "input": input_}
    )

    (error,) = result["data"]["orderFulfill"]["errors"]
    assert (error["field"], error["code"]) == ("warehouse", "NOT_FOUND")


def test_fulfilling_anyway_within_the_stock_fulfils(
    ops_api, guest_order, variant, warehouse
):
    result = ops_api(
        FULFILL, variables(guest_order, warehouse, allowStockToBeExceeded=True)
    )

    assert result["data"]["orderFulfill"]["errors"] == []
    assert stock_of(variant, warehouse) == (8, 0)


def test_fulfilling_anyway_beyond_the_stock_is_refused_on_the_flag(
    ops_api, guest_order, variant, warehouse
):
    variant.stocks.filter(warehouse=warehouse).update(quantity=1, quantity_allocated=2)

    result = ops_api(
        FULFILL, variables(guest_order, warehouse, allowStockToBeExceeded=True)
    )

    (error,) = result["data"]["orderFulfill"]["errors"]
    assert (error["field"], error["code"]) == ("allowStockToBeExceeded", "INVALID")
    assert error["message"].startswith(
        "Lumbar does not fulfil beyond the stock a warehouse holds: Only 1 of"
    )
    assert stock_of(variant, warehouse) == (1, 2)
    assert not Fulfillment.objects.exists()


@pytest.mark.parametrize(
    ("tracking_number", "message"),
    [
        ("X" * 256, "Tracking number can be at most 255 characters."),
        ("1Z\x07999", "Tracking number cannot contain control characters."),
    ],
)
def test_a_bad_tracking_number_is_refused_when_fulfilling(
    ops_api, guest_order, variant, warehouse, tracking_number, message
):
    result = ops_api(
        FULFILL, variables(guest_order, warehouse, trackingNumber=tracking_number)
    )

    assert result["data"]["orderFulfill"]["errors"] == [
        {
            "field": "trackingNumber",
            "code": "INVALID",
            "message": message,
            "orderLines": None,
            "warehouse": None,
        }
    ]
    assert stock_of(variant, warehouse) == (10, 2)
    assert not Fulfillment.objects.exists()


def test_fulfilling_a_canceled_order_is_refused(ops_api, guest_order, warehouse):
    guest_order.status = OrderStatus.CANCELED
    guest_order.save(update_fields=["status"])

    result = ops_api(FULFILL, variables(guest_order, warehouse))

    (error,) = result["data"]["orderFulfill"]["errors"]
    assert error["code"] == "NOT_EDITABLE"
    assert not Fulfillment.objects.exists()


def test_an_order_id_that_names_nothing_is_not_found(ops_api, guest_order, warehouse):
    values = variables(guest_order, warehouse)
    values["order"] = gid("Order", "4b1e5b5c-6f2a-4c35-9d0a-8b1f1c2d3e4f")

    result = ops_api(FULFILL, values)

    (error,) = result["data"]["orderFulfill"]["errors"]
    assert (error["field"], error["code"]) == ("order", "NOT_FOUND")


def _fulfilled(ops_api, order, warehouse, **extra):
    result = ops_api(FULFILL, variables(order, warehouse, **extra))
    return result["data"]["orderFulfill"]["fulfillments"][0]["id"]


def test_canceling_a_fulfillment_returns_its_stock(
    ops_api, guest_order, variant, warehouse
):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)

    result = ops_api(
        CANCEL,
        {
            "id": fulfillment_id,
            "input": {"warehouseId": gid("Warehouse", warehouse.pk)},
        },
    )

    payload = result["data"]["orderFulfillmentCancel"]
    assert payload["errors"] == []
    assert payload["fulfillment"]["status"] == "CANCELED"
    assert payload["order"]["status"] == "UNFULFILLED"
    assert stock_of(variant, warehouse) == (10, 2)
    assert Allocation.objects.get().quantity_allocated == 2


def test_canceling_a_canceled_fulfillment_is_refused(
    ops_api, guest_order, variant, warehouse
):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)
    ops_api(CANCEL, {"id": fulfillment_id})

    result = ops_api(CANCEL, {"id": fulfillment_id})

    (error,) = result["data"]["orderFulfillmentCancel"]["errors"]
    assert error["code"] == "CANNOT_CANCEL_FULFILLMENT"
    assert stock_of(variant, warehouse) == (10, 2)


def test_restocking_into_another_warehouse_is_refused(
    ops_api, guest_order, variant, warehouse, channel
):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)
    other = factories.WarehouseFactory(channels=[channel])

    result = ops_api(
        CANCEL,
        {"id": fulfillment_id, "input": {"warehouseId": gid("Warehouse", other.pk)}},
    )

    (error,) = result["data"]["orderFulfillmentCancel"]["errors"]
    assert (error["field"], error["code"]) == ("warehouseId", "INVALID")
    assert Fulfillment.objects.get().status == FulfillmentStatus.FULFILLED
    assert stock_of(variant, warehouse) == (8, 0)


def test_a_fulfillment_waiting_for_approval_is_approved(
    ops_api, guest_order, variant, warehouse, channel
):
    channel.automatically_approve_fulfillments = False
    channel.save(update_fields=["automatically_approve_fulfillments"])
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)
    assert stock_of(variant, warehouse) == (10, 2)

    result = ops_api(APPROVE, {"id": fulfillment_id})

    payload = result["data"]["orderFulfillmentApprove"]
    assert payload["errors"] == []
    assert payload["fulfillment"]["status"] == "FULFILLED"
    assert payload["order"]["status"] == "FULFILLED"
    assert stock_of(variant, warehouse) == (8, 0)


def test_approving_a_sent_fulfillment_is_refused(ops_api, guest_order, warehouse):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)

    result = ops_api(APPROVE, {"id": fulfillment_id})

    (error,) = result["data"]["orderFulfillmentApprove"]["errors"]
    assert error["code"] == "INVALID"


def test_the_tracking_number_and_carrier_are_updated(ops_api, guest_order, warehouse):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)

    result = ops_api(
        TRACKING,
        {
            "id": fulfillment_id,
            "input": {"trackingNumber": "940011", "carrier": "USPS"},
        },
    )

    payload = result["data"]["orderFulfillmentUpdateTracking"]
    assert payload["errors"] == []
    assert payload["fulfillment"] == {"trackingNumber": "940011", "carrier": "USPS"}
    assert payload["order"]["events"][-1] == {"type": "TRACKING_UPDATED"}


def test_a_tracking_number_with_control_characters_is_refused(
    ops_api, guest_order, warehouse
):
    fulfillment_id = _fulfilled(
        ops_api, guest_order, warehouse, trackingNumber="ABC", carrier="USPS"
    )

    result = ops_api(
        TRACKING, {"id": fulfillment_id, "input": {"trackingNumber": "AB\u202eC"}}
    )

    (error,) = result["data"]["orderFulfillmentUpdateTracking"]["errors"]
    assert (error["field"], error["code"]) == ("trackingNumber", "INVALID")
    assert Fulfillment.objects.get().tracking_number == "ABC"
