"""orderCapture, orderVoid, orderRefund as the dashboard sends them."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.payment.gateways.test_gateway import REFUNDS
from backend.payment.mark_as_paid import order_mark_as_paid
from backend.payment.models import TransactionItem

from .dashboard import dashboard_document

pytestmark = pytest.mark.django_db


def order_id(order) -> str:
    return to_global_id("Order", str(order.token))


def money_of(order):
    order.refresh_from_db()
    return (
        order.total_charged_amount,
        order.charge_status,
        [
            (i.amount_charged_value, i.amount_authorized_value, i.amount_refunded_value)
            for i in TransactionItem.objects.order_by("pk")
        ],
        order.events.count(),
    )


@pytest.fixture
def authorized(customer_order):
    """A payment authorized at the test gateway but not yet charged."""
    item = customer_order.payment_transactions.get()
    item.amount_authorized_value = item.amount_charged_value
    item.amount_charged_value = Decimal(0)
    item.save()
    customer_order.total_charged_amount = Decimal(0)
    customer_order.charge_status = "none"
    customer_order.save()
    return item


def test_operations_refund_an_order_through_its_card_payment(
    payments_api, customer_order
):
    total = customer_order.total_amount
    refunds = len(REFUNDS)

    result = payments_api(
        dashboard_document("OrderRefund"),
        {"id": order_id(customer_order), "amount": "5.00"},
    )

    payload = result["data"]["orderRefund"]
    assert payload["errors"] == []
    assert payload["order"]["id"] == order_id(customer_order)
    item = customer_order.payment_transactions.get()
    assert item.amount_charged_value == total - 5
    assert item.amount_refunded_value == Decimal("5.00")
    assert len(REFUNDS) == refunds + 1
    types = list(customer_order.events.values_list("type", flat=True))
    assert types[-2:] == ["transaction_refund_requested", "refunded"]


def test_a_refund_above_what_was_charged_is_refused_with_cannot_refund(
    payments_api, customer_order
):
    before = money_of(customer_order)

    result = payments_api(
        dashboard_document("OrderRefund"),
        {"id": order_id(customer_order), "amount": "5000.00"},
    )

    (error,) = result["data"]["orderRefund"]["errors"]
    assert (error["field"], error["code"]) == ("amount", "CANNOT_REFUND")
    assert "No payment through a gateway covers 5000.00" in error["message"]
    assert money_of(customer_order) == before


def test_a_manually_paid_order_cannot_be_refunded_through_lumbar(
    payments_api, channel, shipping_method, variant
):
    from tests.api.order.conftest import place_order

    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )
    TransactionItem.objects.filter(order=order).delete()
    type(order).objects.filter(pk=order.pk).update(total_charged_amount=0)
    order_mark_as_paid(order_id=order.pk)

    result = payments_api(
        dashboard_document("OrderRefund"), {"id": order_id(order), "amount": "1.00"}
    )

    (error,) = result["data"]["orderRefund"]["errors"]
    assert error["code"] == "CANNOT_REFUND"
    assert "refund manual payments outside Lumbar" in error["message"]


def test_an_order_without_payments_answers_payment_missing(
    payments_api, customer_order
):
    TransactionItem.objects.filter(order=customer_order).delete()

    result = payments_api(
        dashboard_document("OrderRefund"),
        {"id": order_id(customer_order), "amount": "1.00"},
    )

    (error,) = result["data"]["orderRefund"]["errors"]
    assert error == {
        "field": "payment",
        "code": "PAYMENT_MISSING",
        "message": "There's no payment associated with the order.",
        **{k: error[k] for k in error if k not in {"field", "code", "message"}},
    }


def test_operations_capture_an_authorized_payment(
    payments_api, customer_order, authorized
):
    total = customer_order.total_amount

    result = payments_api(
        dashboard_document("OrderCapture"),
        {"id": order_id(customer_order), "amount": str(total)},
    )

    assert result["data"]["orderCapture"]["errors"] == []
    authorized.refresh_from_db()
    assert authorized.amount_charged_value == total
    assert authorized.amount_authorized_value == 0
    customer_order.refresh_from_db()
    assert customer_order.charge_status == "full"
    assert customer_order.events.filter(type="charged").exists()


def test_capturing_a_charged_payment_is_refused_as_inactive(
    payments_api, customer_order
):
    before = money_of(customer_order)

    result = payments_api(
        dashboard_document("OrderCapture"),
        {"id": order_id(customer_order), "amount": "1.00"},
    )

    (error,) = result["data"]["orderCapture"]["errors"]
    assert (error["field"], error["code"]) == ("payment", "CAPTURE_INACTIVE_PAYMENT")
    assert money_of(customer_order) == before


def test_operations_void_an_authorized_payment(
    payments_api, customer_order, authorized
):
    held = authorized.amount_authorized_value

    result = payments_api(
        dashboard_document("OrderVoid"), {"id": order_id(customer_order)}
    )

    assert result["data"]["orderVoid"]["errors"] == []
    authorized.refresh_from_db()
    assert authorized.amount_authorized_value == 0
    assert authorized.amount_canceled_value == held


def test_voiding_a_charged_payment_is_refused_as_inactive(payments_api, customer_order):
    result = payments_api(
        dashboard_document("OrderVoid"), {"id": order_id(customer_order)}
    )

    (error,) = result["data"]["orderVoid"]["errors"]
    assert (error["field"], error["code"]) == ("payment", "VOID_INACTIVE_PAYMENT")


@pytest.mark.parametrize(
    ("name", "variables"),
    [
        ("OrderRefund", {"amount": "5.00"}),
        ("OrderCapture", {"amount": "5.00"}),
        ("OrderVoid", {}),
    ],
)
def test_a_merchandiser_cannot_move_an_orders_money(
    merchandiser_api, customer_order, authorized, name, variables
):
    before = money_of(customer_order)

    result = merchandiser_api(
        dashboard_document(name), {"id": order_id(customer_order), **variables}
    )

    assert result["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )
    assert money_of(customer_order) == before


def test_a_zero_refund_is_refused_as_saleor_does(payments_api, customer_order):
    result = payments_api(
        dashboard_document("OrderRefund"),
        {"id": order_id(customer_order), "amount": "0"},
    )

    (error,) = result["data"]["orderRefund"]["errors"]
    assert (error["field"], error["code"], error["message"]) == (
        "amount",
        "ZERO_QUANTITY",
        "Amount should be a positive number.",
    )


def test_a_bad_order_id_answers_a_field_error(payments_api, db):
    result = payments_api(
        dashboard_document("OrderRefund"),
        {"id": to_global_id("Order", "not-a-uuid"), "amount": "1.00"},
    )

    (error,) = result["data"]["orderRefund"]["errors"]
    assert (error["field"], error["code"]) == ("id", "GRAPHQL_ERROR")
    assert error["message"].startswith("Couldn't resolve id")
