"""Bad fulfilment input over the API that the main suite leaves out."""

import pytest

from backend.order.models import Fulfillment, FulfillmentStatus, OrderEvent

from .test_fulfillment_mutations import CANCEL, FULFILL, TRACKING, stock_of, variables

pytestmark = pytest.mark.django_db


def _fulfilled(ops_api, order, warehouse) -> str:
    result = ops_api(
        FULFILL, variables(order, warehouse, trackingNumber="ABC", carrier="USPS")
    )
    return result["data"]["orderFulfill"]["fulfillments"][0]["id"]


def test_a_tracking_number_update_over_the_length_limit_is_refused(
    ops_api, guest_order, warehouse
):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)
    events = OrderEvent.objects.count()

    result = ops_api(
        TRACKING, {"id": fulfillment_id, "input": {"trackingNumber": "X" * 256}}
    )

    (error,) = result["data"]["orderFulfillmentUpdateTracking"]["errors"]
    assert (error["field"], error["code"]) == ("trackingNumber", "INVALID")
    assert error["message"] == "Tracking number can be at most 255 characters."
    assert Fulfillment.objects.get().tracking_number == "ABC"
    assert OrderEvent.objects.count() == events


def test_canceling_a_canceled_fulfillment_changes_no_event_or_status(
    ops_api, guest_order, variant, warehouse
):
    fulfillment_id = _fulfilled(ops_api, guest_order, warehouse)
    ops_api(CANCEL, {"id": fulfillment_id})
    events = OrderEvent.objects.count()
    guest_order.refresh_from_db()
    status = guest_order.status

    result = ops_api(CANCEL, {"id": fulfillment_id})

    (error,) = result["data"]["orderFulfillmentCancel"]["errors"]
    assert error["code"] == "CANNOT_CANCEL_FULFILLMENT"
    assert error["message"]
    assert Fulfillment.objects.get().status == FulfillmentStatus.CANCELED
    assert OrderEvent.objects.count() == events
    guest_order.refresh_from_db()
    assert guest_order.status == status
    assert stock_of(variant, warehouse) == (10, 2)
