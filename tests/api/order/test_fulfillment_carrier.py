"""orderFulfill and orderFulfillmentUpdateTracking refuse a parcel that has a
tracking number but no carrier to follow it with, in Saleor's error shape."""

import pytest

from backend.order.models import Fulfillment

from .test_fulfillment_mutations import FULFILL, TRACKING, stock_of, variables

pytestmark = pytest.mark.django_db
NO_CARRIER = (
    "Choose the carrier for this tracking number: its format does not tell "
    "which carrier it belongs to."
)


def test_fulfilling_with_a_number_of_no_known_format_and_no_carrier_is_refused(
    ops_api, guest_order, variant, warehouse
):
    result = ops_api(FULFILL, variables(guest_order, warehouse, trackingNumber="A1"))

    payload = result["data"]["orderFulfill"]
    assert payload["errors"] == [
        {
            "field": "carrier",
            "code": "REQUIRED",
            "message": NO_CARRIER,
            "orderLines": None,
            "warehouse": None,
        }
    ]
    assert payload["orderErrors"] == [{"code": "REQUIRED"}]
    assert payload["fulfillments"] is None
    assert stock_of(variant, warehouse) == (10, 2)


def test_fulfilling_with_a_ups_number_and_no_carrier_names_ups(
    ops_api, guest_order, warehouse
):
    result = ops_api(
        FULFILL,
        variables(guest_order, warehouse, trackingNumber="1Z999AA10123456784"),
    )

    (fulfillment,) = result["data"]["orderFulfill"]["fulfillments"]
    assert fulfillment["carrier"] == "UPS"


def test_a_tracking_update_leaving_no_carrier_is_refused(
    ops_api, guest_order, warehouse
):
    created = ops_api(FULFILL, variables(guest_order, warehouse))
    fulfillment_id = created["data"]["orderFulfill"]["fulfillments"][0]["id"]

    result = ops_api(
        TRACKING, {"id": fulfillment_id, "input": {"trackingNumber": "A1"}}
    )

    assert result["data"]["orderFulfillmentUpdateTracking"]["errors"] == [
        {"field": "carrier", "code": "REQUIRED", "message": NO_CARRIER}
    ]
    assert Fulfillment.objects.get().tracking_number == ""
