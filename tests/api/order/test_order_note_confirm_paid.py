"""orderConfirm, orderNoteAdd and orderMarkAsPaid over the API."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.order.models import OrderEvent, OrderEvents, OrderStatus
from backend.payment.models import TransactionItem

pytestmark = pytest.mark.django_db

CONFIRM = """
mutation($id: ID!) {
  orderConfirm(id: $id) { order { status events { type } } errors { field code } }
}
"""
NOTE = """
mutation($order: ID!, $message: String!) {
  orderNoteAdd(order: $order, input: {message: $message}) {
    order { events { type message } } event { type message }
    errors { field code message }
  }
}
"""
MARK_PAID = """
mutation($id: ID!, $ref: String) {
  orderMarkAsPaid(id: $id, transactionReference: $ref) {
    order { isPaid chargeStatus totalCharged { amount }
            transactions { name pspReference chargedAmount { amount } }
            events { type } }
    errors { field code message }
  }
}
"""


def order_id(order) -> str:
    return to_global_id("Order", str(order.token))


@pytest.fixture
def unconfirmed_order(guest_order):
    guest_order.status = OrderStatus.UNCONFIRMED
    guest_order.save(update_fields=["status"])
    return guest_order


@pytest.fixture
def unpaid_order(guest_order):
    """An order whose payment never arrived (paid by bank transfer later)."""
    TransactionItem.objects.filter(order=guest_order).delete()
    guest_order.total_charged_amount = Decimal(0)
    guest_order.charge_status = "none"
    guest_order.authorize_status = "none"
    guest_order.save()
    return guest_order


def test_operations_confirm_an_unconfirmed_order(ops_api, unconfirmed_order):
    result = ops_api(CONFIRM, {"id": order_id(unconfirmed_order)})

    payload = result["data"]["orderConfirm"]
    assert payload["errors"] == []
    assert payload["order"]["status"] == "UNFULFILLED"
    assert payload["order"]["events"][-1] == {"type": "CONFIRMED"}


def test_confirming_a_confirmed_order_is_refused(ops_api, guest_order):
    events = OrderEvent.objects.count()

    result = ops_api(CONFIRM, {"id": order_id(guest_order)})

    assert result["data"]["orderConfirm"]["errors"] == [
        {"field": "id", "code": "INVALID"}
    ]
    assert OrderEvent.objects.count() == events


def test_a_note_is_added_to_the_timeline(ops_api, guest_order):
    result = ops_api(
        NOTE, {"order": order_id(guest_order), "message": "  Gift wrap, please. "}
    )

    payload = result["data"]["orderNoteAdd"]
    assert payload["errors"] == []
    assert payload["event"] == {"type": "NOTE_ADDED", "message": "Gift wrap, please."}
    assert payload["order"]["events"][-1] == payload["event"]
    assert guest_order.events.get(type=OrderEvents.NOTE_ADDED).user is not None


def test_an_empty_note_is_refused(ops_api, guest_order):
    result = ops_api(NOTE, {"order": order_id(guest_order), "message": "   "})

    assert result["data"]["orderNoteAdd"]["errors"] == [
        {"field": "message", "code": "REQUIRED", "message": "Message can't be empty."}
    ]
    assert not guest_order.events.filter(type=OrderEvents.NOTE_ADDED).exists()


def test_a_note_for_an_unknown_order_is_a_graphql_error(ops_api):
    result = ops_api(NOTE, {"order": to_global_id("Order", "x"), "message": "Hi"})

    (error,) = result["data"]["orderNoteAdd"]["errors"]
    assert (error["field"], error["code"]) == ("order", "GRAPHQL_ERROR")


def test_marking_an_unpaid_order_paid_records_a_manual_transaction(
    ops_api, unpaid_order
):
    result = ops_api(MARK_PAID, {"id": order_id(unpaid_order), "ref": "BANK-2211"})

    payload = result["data"]["orderMarkAsPaid"]
    assert payload["errors"] == []
    order = payload["order"]
    assert order["isPaid"] is True
    assert order["chargeStatus"] == "FULL"
    assert order["totalCharged"] == {"amount": 44.98}
    assert order["transactions"] == [
        {
            "name": "Manual payment",
            "pspReference": "BANK-2211",
            "chargedAmount": {"amount": 44.98},
        }
    ]
    assert order["events"][-1] == {"type": "ORDER_MARKED_AS_PAID"}


def test_marking_a_paid_order_paid_is_refused(ops_api, guest_order):
    transactions = TransactionItem.objects.count()

    result = ops_api(MARK_PAID, {"id": order_id(guest_order)})

    (error,) = result["data"]["orderMarkAsPaid"]["errors"]
    assert (error["field"], error["code"]) == ("id", "INVALID")
    assert TransactionItem.objects.count() == transactions


def test_marking_paid_without_a_billing_address_is_refused(ops_api, unpaid_order):
    unpaid_order.billing_address = None
    unpaid_order.save(update_fields=["billing_address"])

    result = ops_api(MARK_PAID, {"id": order_id(unpaid_order)})

    (error,) = result["data"]["orderMarkAsPaid"]["errors"]
    assert error["code"] == "BILLING_ADDRESS_NOT_SET"
    assert not TransactionItem.objects.exists()
