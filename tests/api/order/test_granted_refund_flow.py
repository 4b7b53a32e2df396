"""orderGrantRefundUpdate and transactionRequestRefundForGrantedRefund as the
dashboard sends them: edit what was granted, then pay it back."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.payment.gateways.test_gateway import REFUNDS
from backend.payment.granted_refunds import GrantedLine, order_grant_refund_create
from backend.payment.models import OrderGrantedRefund

from .dashboard import dashboard_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(customer_order):
    return customer_order.payment_transactions.get()


@pytest.fixture
def granted(customer_order, payment):
    """One of the two items granted back, from the card payment."""
    line = customer_order.lines.get()
    return order_grant_refund_create(
        order_id=customer_order.pk,
        transaction_token=payment.token,
        lines=[GrantedLine(order_line_id=line.pk, quantity=1)],
        reason="Damaged",
    )


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


def edit(granted, **variables):
    return {"refundId": gid("OrderGrantedRefund", granted.pk), **variables}


def test_operations_add_the_second_item_and_the_amount_follows(
    ops_api, customer_order, granted
):
    line = customer_order.lines.get()
    (old_line,) = granted.lines.all()

    result = ops_api(
        dashboard_document("OrderGrantRefundEdit"),
        edit(
            granted,
            addLines=[{"id": gid("OrderLine", line.pk), "quantity": 2}],
            removeLines=[gid("OrderGrantedRefundLine", old_line.pk)],
            grantRefundForShipping=True,
        ),
    )

    assert result["data"]["orderGrantRefundUpdate"]["errors"] == []
    granted.refresh_from_db()
    assert [(gl.order_line_id, gl.quantity) for gl in granted.lines.all()] == [
        (line.pk, 2)
    ]
    assert granted.shipping_costs_included is True
    assert granted.amount_value == min(
        line.unit_price_amount * 2 + customer_order.shipping_price_amount,
        granted.transaction_item.amount_charged_value,
    )
    assert granted.reason == "Damaged"


def test_a_given_amount_replaces_the_computed_one(ops_api, granted):
    result = ops_api(
        dashboard_document("OrderGrantRefundEdit"),
        edit(granted, amount="3.50", reason="Goodwill"),
    )

    assert result["data"]["orderGrantRefundUpdate"]["errors"] == []
    granted.refresh_from_db()
    assert (granted.amount_value, granted.reason) == (Decimal("3.50"), "Goodwill")


def test_adding_more_items_than_were_sold_is_refused_per_line(
    ops_api, customer_order, granted
):
    line = customer_order.lines.get()

    result = ops_api(
        dashboard_document("OrderGrantRefundEdit"),
        edit(granted, addLines=[{"id": gid("OrderLine", line.pk), "quantity": 5}]),
    )

    (error,) = result["data"]["orderGrantRefundUpdate"]["errors"]
    assert (error["field"], error["code"]) == ("addLines", "INVALID")
    granted.refresh_from_db()
    assert granted.lines.get().quantity == 1


def test_an_edit_with_nothing_to_change_is_refused_as_required(ops_api, granted):
    result = ops_api(dashboard_document("OrderGrantRefundEdit"), edit(granted))

    (error,) = result["data"]["orderGrantRefundUpdate"]["errors"]
    assert (error["field"], error["code"], error["message"]) == (
        "input",
        "REQUIRED",
        "At least one field needs to be provided to process update.",
    )


def test_an_amount_above_the_charge_is_refused(ops_api, granted):
    result = ops_api(
        dashboard_document("OrderGrantRefundEdit"), edit(granted, amount="9999")
    )

    (error,) = result["data"]["orderGrantRefundUpdate"]["errors"]
    assert (error["field"], error["code"]) == (
        "amount",
        "AMOUNT_GREATER_THAN_AVAILABLE",
    )
    granted.refresh_from_db()
    assert granted.lines.count() == 1


def test_a_merchandiser_cannot_edit_a_granted_refund(merchandiser_api, granted):
    amount = granted.amount_value

    result = merchandiser_api(
        dashboard_document("OrderGrantRefundEdit"), edit(granted, amount="1.00")
    )

    assert result["data"]["orderGrantRefundUpdate"] is None
    assert "MANAGE_ORDERS" in result["errors"][0]["message"]
    granted.refresh_from_db()
    assert granted.amount_value == amount


def send(granted, payment):
    return {
        "grantedRefundId": gid("OrderGrantedRefund", granted.pk),
        "transactionId": gid("TransactionItem", payment.token),
    }


def test_a_granted_refund_is_paid_back_through_the_gateway(
    payments_api, customer_order, granted, payment
):
    charged = payment.amount_charged_value
    refunds = len(REFUNDS)

    result = payments_api(
        dashboard_document("OrderSendRefundForGrantedRefund"), send(granted, payment)
    )

    payload = result["data"]["transactionRequestRefundForGrantedRefund"]
    assert payload["errors"] == []
    assert payload["transaction"]["refundedAmount"]["amount"] == float(
        granted.amount_value
    )
    granted.refresh_from_db()
    assert granted.status == "success"
    payment.refresh_from_db()
    assert payment.amount_charged_value == charged - granted.amount_value
    assert len(REFUNDS) == refunds + 1
    request = payment.events.get(type="refund_request")
    assert (request.amount_value, request.message) == (granted.amount_value, "Damaged")


def test_a_granted_refund_is_not_paid_twice(payments_api, granted, payment):
    payments_api(
        dashboard_document("OrderSendRefundForGrantedRefund"), send(granted, payment)
    )
    payment.refresh_from_db()
    charged = payment.amount_charged_value

    result = payments_api(
        dashboard_document("OrderSendRefundForGrantedRefund"), send(granted, payment)
    )

    (error,) = result["data"]["transactionRequestRefundForGrantedRefund"]["errors"]
    assert error["code"] == "REFUND_ALREADY_PROCESSED"
    payment.refresh_from_db()
    assert payment.amount_charged_value == charged


def test_a_paid_granted_refund_can_no_longer_be_edited(payments_api, granted, payment):
    payments_api(
        dashboard_document("OrderSendRefundForGrantedRefund"), send(granted, payment)
    )

    result = payments_api(
        dashboard_document("OrderGrantRefundEdit"), edit(granted, amount="1.00")
    )

    (error,) = result["data"]["orderGrantRefundUpdate"]["errors"]
    assert (error["field"], error["code"]) == ("id", "INVALID")


def test_sending_a_granted_refund_needs_handle_payments(ops_api, granted, payment):
    charged = payment.amount_charged_value

    result = ops_api(
        dashboard_document("OrderSendRefundForGrantedRefund"), send(granted, payment)
    )

    assert "HANDLE_PAYMENTS" in result["errors"][0]["message"]
    payment.refresh_from_db()
    assert payment.amount_charged_value == charged
    assert OrderGrantedRefund.objects.get(pk=granted.pk).status == "none"


def test_an_unknown_granted_refund_answers_not_found(payments_api, payment):
    result = payments_api(
        dashboard_document("OrderSendRefundForGrantedRefund"),
        {
            "grantedRefundId": gid("OrderGrantedRefund", 999999),
            "transactionId": gid("TransactionItem", payment.token),
        },
    )

    (error,) = result["data"]["transactionRequestRefundForGrantedRefund"]["errors"]
    assert (error["field"], error["code"]) == ("grantedRefundId", "NOT_FOUND")
