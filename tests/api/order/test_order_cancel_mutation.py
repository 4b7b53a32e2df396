"""orderCancel over the API: stock released, a second cancel refused."""

import pytest
from graphql_relay import to_global_id

from backend.order.models import OrderEvent
from backend.warehouse.models import Allocation

pytestmark = pytest.mark.django_db

CANCEL = """
mutation($id: ID!) {
  orderCancel(id: $id) {
    order { status events { type } } errors { field code message }
  }
}
"""


def test_operations_cancel_an_order_and_its_stock_is_released(
    ops_api, guest_order, variant, warehouse
):
    result = ops_api(CANCEL, {"id": to_global_id("Order", str(guest_order.token))})

    payload = result["data"]["orderCancel"]
    assert payload["errors"] == []
    assert payload["order"]["status"] == "CANCELED"
    assert payload["order"]["events"][-1] == {"type": "CANCELED"}
    assert variant.stocks.get(warehouse=warehouse).quantity_allocated == 0
    assert not Allocation.objects.exists()


def test_canceling_a_canceled_order_is_refused(ops_api, guest_order):
    order_id = to_global_id("Order", str(guest_order.token))
    ops_api(CANCEL, {"id": order_id})
    events = OrderEvent.objects.count()

    result = ops_api(CANCEL, {"id": order_id})

    (error,) = result["data"]["orderCancel"]["errors"]
    assert error["code"] == "CANNOT_CANCEL_ORDER"
    assert OrderEvent.objects.count() == events


def test_a_bad_order_id_is_a_graphql_error_code(ops_api):
    result = ops_api(CANCEL, {"id": to_global_id("Product", "1")})

    (error,) = result["data"]["orderCancel"]["errors"]
    assert (error["field"], error["code"]) == ("id", "GRAPHQL_ERROR")
