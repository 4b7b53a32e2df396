"""transactionCreate and orderNoteUpdate as the dashboard sends them."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.order.services import order_note_add
from backend.payment.models import TransactionEvent, TransactionItem

from .dashboard import dashboard_document

pytestmark = pytest.mark.django_db


def order_id(order) -> str:
    return to_global_id("Order", str(order.token))


def manual(order, amount="10.00", currency=None, **extra):
    return {
        "orderId": order_id(order),
        "amount": amount,
        "currency": currency or order.currency,
        "description": "Paid at the counter",
        "pspReference": "CASH-42",
        **extra,
    }


def test_staff_record_a_manual_capture_that_raises_what_was_charged(
    payments_api, customer_order
):
    charged = customer_order.total_charged_amount

    result = payments_api(
        dashboard_document("CreateManualTransactionCapture"), manual(customer_order)
    )

    payload = result["data"]["transactionCreate"]
    assert payload["errors"] == []
    assert payload["transaction"]["name"] == "Manual capture"
    assert payload["transaction"]["chargedAmount"]["amount"] == 10.0
    item = TransactionItem.objects.get(name="Manual capture")
    assert (item.order_id, item.psp_reference, item.gateway) == (
        customer_order.pk,
        "CASH-42",
        "",
    )
    (event,) = item.events.all()
    assert (event.type, event.amount_value, event.message) == (
        "charge_success",
        Decimal("10.00"),
        "Paid at the counter",
    )
    customer_order.refresh_from_db()
    assert customer_order.total_charged_amount == charged + 10
    assert customer_order.charge_status == "overcharged"


def test_staff_record_a_manual_refund_without_touching_the_card_payment(
    payments_api, customer_order
):
    card = customer_order.payment_transactions.get()
    charged = card.amount_charged_value

    result = payments_api(
        dashboard_document("CreateManualTransactionRefund"), manual(customer_order)
    )

    assert result["data"]["transactionCreate"]["errors"] == []
    item = TransactionItem.objects.get(name="Manual refund")
    assert item.amount_refunded_value == Decimal("10.00")
    assert item.amount_charged_value == 0
    card.refresh_from_db()
    assert card.amount_charged_value == charged


def test_a_manual_transaction_in_another_currency_is_refused(
    payments_api, customer_order
):
    before = TransactionItem.objects.count()

    result = payments_api(
        dashboard_document("CreateManualTransactionCapture"),
        manual(customer_order, currency="EUR"),
    )

    (error,) = result["data"]["transactionCreate"]["errors"]
    assert (error["field"], error["code"]) == ("amountCharged", "INCORRECT_CURRENCY")
    assert TransactionItem.objects.count() == before


def test_a_manual_transaction_on_an_unknown_order_answers_not_found(payments_api, db):
    variables = {
        "orderId": to_global_id("Order", "6f1c3b0e-0000-4000-8000-000000000000"),
        "amount": "1.00",
        "currency": "USD",
    }

    result = payments_api(
        dashboard_document("CreateManualTransactionCapture"), variables
    )

    (error,) = result["data"]["transactionCreate"]["errors"]
    assert (error["field"], error["code"]) == ("id", "NOT_FOUND")


@pytest.mark.parametrize("caller", ["ops_api", "merchandiser_api"])
def test_staff_without_handle_payments_cannot_record_a_transaction(
    request, customer_order, caller
):
    before = (TransactionItem.objects.count(), TransactionEvent.objects.count())

    result = request.getfixturevalue(caller)(
        dashboard_document("CreateManualTransactionCapture"), manual(customer_order)
    )

    assert result["errors"][0]["extensions"]["exception"]["permissions"] == [
        "HANDLE_PAYMENTS"
    ]
    assert (TransactionItem.objects.count(), TransactionEvent.objects.count()) == before


@pytest.fixture
def note(customer_order, staff_user):
    return order_note_add(
        order_id=customer_order.pk, message="Call before delivery", user=staff_user
    )


def test_operations_edit_a_note_and_the_timeline_shows_the_edit(
    ops_api, customer_order, note
):
    result = ops_api(
        dashboard_document("OrderNoteUpdate"),
        {
            "order": to_global_id("OrderEvent", note.pk),
            "input": {"message": "Call after 5pm"},
        },
    )

    payload = result["data"]["orderNoteUpdate"]
    assert payload["errors"] == []
    events = payload["order"]["events"]
    assert [(e["type"], e["message"]) for e in events[-2:]] == [
        ("NOTE_ADDED", "Call before delivery"),
        ("NOTE_UPDATED", "Call after 5pm"),
    ]
    edit = customer_order.events.last()
    assert edit.parameters["related_event"] == note.pk


def test_an_empty_note_edit_is_refused_as_required(ops_api, customer_order, note):
    count = customer_order.events.count()

    result = ops_api(
        dashboard_document("OrderNoteUpdate"),
        {"order": to_global_id("OrderEvent", note.pk), "input": {"message": "  "}},
    )

    (error,) = result["data"]["orderNoteUpdate"]["errors"]
    assert error == {
        "field": "message",
        "code": "REQUIRED",
        "message": "Message can't be empty.",
    }
    assert customer_order.events.count() == count


def test_an_event_that_is_not_a_note_cannot_be_edited(ops_api, customer_order):
    placed = customer_order.events.first()

    result = ops_api(
        dashboard_document("OrderNoteUpdate"),
        {"order": to_global_id("OrderEvent", placed.pk), "input": {"message": "x"}},
    )

    (error,) = result["data"]["orderNoteUpdate"]["errors"]
    assert (error["field"], error["code"]) == ("note", "NOT_FOUND")


def test_a_merchandiser_cannot_edit_a_note(merchandiser_api, customer_order, note):
    count = customer_order.events.count()

    result = merchandiser_api(
        dashboard_document("OrderNoteUpdate"),
        {"order": to_global_id("OrderEvent", note.pk), "input": {"message": "x"}},
    )

    assert result["data"]["orderNoteUpdate"] is None
    assert "MANAGE_ORDERS" in result["errors"][0]["message"]
    assert customer_order.events.count() == count
