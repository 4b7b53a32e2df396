"""transactionRequestAction: staff charge, refund or cancel a payment."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.order.models import OrderEvent
from backend.payment.gateways.test_gateway import REFUNDS
from backend.payment.mark_as_paid import order_mark_as_paid
from backend.payment.models import TransactionEvent, TransactionItem

pytestmark = pytest.mark.django_db

REQUEST = """
mutation($id: ID, $token: UUID, $action: TransactionActionEnum!,
         $amount: PositiveDecimal) {
  transactionRequestAction(id: $id, token: $token, actionType: $action,
                           amount: $amount, refundReason: "Damaged") {
    transaction {
      actions
      chargedAmount { amount currency }
      refundedAmount { amount }
      authorizedAmount { amount }
      canceledAmount { amount }
      events { type amount { amount } message }
    }
    errors { field code message }
  }
}
"""
ORDER = """
query($id: ID!) {
  order(id: $id) { chargeStatus totalCharged { amount } events { type amount } }
}
"""


def transaction_id(item) -> str:
    return to_global_id("TransactionItem", str(item.token))


def _snapshot(order):
    order.refresh_from_db()
    return (
        order.charge_status,
        order.authorize_status,
        order.total_charged_amount,
        [
            (i.amount_charged_value, i.amount_authorized_value, i.amount_refunded_value)
            for i in TransactionItem.objects.order_by("pk")
        ],
        TransactionEvent.objects.count(),
        OrderEvent.objects.count(),
        len(REFUNDS),
    )


@pytest.fixture
def payment(customer_order):
    """The card payment the shopper made through the test gateway."""
    return customer_order.payment_transactions.get()


@pytest.fixture
def authorized(customer_order):
    """A payment authorized at the test gateway but not yet charged."""
    item = customer_order.payment_transactions.get()
    item.amount_authorized_value = item.amount_charged_value
    item.amount_charged_value = Decimal(0)
    item.save()
    return item


def test_a_refund_lowers_what_was_charged_and_records_the_request_and_success(
    payments_api, customer_order, payment
):
    total = customer_order.total_amount
    refunds = len(REFUNDS)

    result = payments_api(
        REQUEST, {"id": transaction_id(payment), "action": "REFUND", "amount": "5.00"}
    )

    payload = result["data"]["transactionRequestAction"]
    assert payload["errors"] == []
    item = payload["transaction"]
    assert item["chargedAmount"]["amount"] == float(total - 5)
    assert item["refundedAmount"]["amount"] == 5.0
    assert item["actions"] == ["REFUND"]
    assert [(e["type"], e["amount"]["amount"]) for e in item["events"]] == [
        ("CHARGE_SUCCESS", float(total)),
        ("REFUND_REQUEST", 5.0),
        ("REFUND_SUCCESS", 5.0),
    ]
    assert item["events"][1]["message"] == "Damaged"
    assert REFUNDS[refunds:][0][0] == payment.psp_reference
    order = payments_api(ORDER, {"id": to_global_id("Order", customer_order.token)})
    order = order["data"]["order"]
    assert order["chargeStatus"] == "PARTIAL"
    assert order["totalCharged"]["amount"] == float(total - 5)
    assert order["events"][-1] == {
        "type": "TRANSACTION_REFUND_REQUESTED",
        "amount": 5.0,
    }


def test_a_refund_without_an_amount_gives_back_everything_charged(
    payments_api, customer_order, payment
):
    result = payments_api(REQUEST, {"token": str(payment.token), "action": "REFUND"})

    item = result["data"]["transactionRequestAction"]["transaction"]
    assert item["chargedAmount"]["amount"] == 0.0
    assert item["refundedAmount"]["amount"] == float(customer_order.total_amount)
    assert item["actions"] == []
    customer_order.refresh_from_db()
    assert customer_order.charge_status == "none"
    assert customer_order.total_charged_amount == 0


def test_refunding_more_than_was_charged_is_refused_and_changes_nothing(
    payments_api, customer_order, payment
):
    before = _snapshot(customer_order)
    too_much = str(customer_order.total_amount + Decimal("0.01"))

    result = payments_api(
        REQUEST, {"id": transaction_id(payment), "action": "REFUND", "amount": too_much}
    )

    payload = result["data"]["transactionRequestAction"]
    assert payload["transaction"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("amount", "INVALID")
    ]
    assert "only" in payload["errors"][0]["message"]
    assert _snapshot(customer_order) == before


def test_a_second_refund_of_an_emptied_payment_is_refused(
    payments_api, customer_order, payment
):
    payments_api(REQUEST, {"id": transaction_id(payment), "action": "REFUND"})
    before = _snapshot(customer_order)

    result = payments_api(
        REQUEST, {"id": transaction_id(payment), "action": "REFUND", "amount": "1"}
    )

    errors = result["data"]["transactionRequestAction"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("actionType", "INVALID")]
    assert _snapshot(customer_order) == before


def test_charging_an_authorization_moves_it_to_charged(
    payments_api, customer_order, authorized
):
    total = customer_order.total_amount

    result = payments_api(
        REQUEST, {"id": transaction_id(authorized), "action": "CHARGE"}
    )

    item = result["data"]["transactionRequestAction"]["transaction"]
    assert item["authorizedAmount"]["amount"] == 0.0
    assert item["chargedAmount"]["amount"] == float(total)
    assert [e["type"] for e in item["events"]][-2:] == [
        "CHARGE_REQUEST",
        "CHARGE_SUCCESS",
    ]
    customer_order.refresh_from_db()
    assert customer_order.charge_status == "full"
    assert customer_order.total_charged_amount == total


def test_cancelling_an_authorization_releases_it(
    payments_api, customer_order, authorized
):
    result = payments_api(
        REQUEST, {"id": transaction_id(authorized), "action": "CANCEL"}
    )

    item = result["data"]["transactionRequestAction"]["transaction"]
    assert item["authorizedAmount"]["amount"] == 0.0
    assert item["canceledAmount"]["amount"] == float(customer_order.total_amount)
    assert item["actions"] == []
    assert [e["type"] for e in item["events"]][-2:] == [
        "CANCEL_REQUEST",
        "CANCEL_SUCCESS",
    ]
    customer_order.refresh_from_db()
    assert customer_order.authorize_status == "none"


def test_a_manual_payment_has_no_gateway_to_refund_through(
    payments_api, customer_order, payment
):
    payment.delete()
    customer_order.total_charged_amount = 0
    customer_order.save()
    order_mark_as_paid(order_id=customer_order.pk, transaction_reference="bank-1")
    manual = customer_order.payment_transactions.get()
    before = _snapshot(customer_order)

    result = payments_api(REQUEST, {"id": transaction_id(manual), "action": "REFUND"})

    errors = result["data"]["transactionRequestAction"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("id", "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK")
    ]
    assert _snapshot(customer_order) == before


def test_an_unknown_transaction_is_not_found(payments_api, customer_order):
    result = payments_api(
        REQUEST,
        {"token": "00000000-0000-4000-8000-000000000000", "action": "REFUND"},
    )

    errors = result["data"]["transactionRequestAction"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "NOT_FOUND")]


def test_a_refund_the_issuer_refuses_is_recorded_and_moves_nothing(
    payments_api, channel, shipping_method, variant
):
    from backend.checkout.complete import checkout_complete
    from backend.payment.gateways.test_gateway import TOKEN_REFUND_DECLINE
    from tests.fixtures.checkout import make_ready_checkout, paid_with

    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    order = checkout_complete(
        checkout_token=checkout.token, payment=paid_with(TOKEN_REFUND_DECLINE)
    ).order
    payment = order.payment_transactions.get()

    result = payments_api(
        REQUEST, {"id": transaction_id(payment), "action": "REFUND", "amount": "1"}
    )

    payload = result["data"]["transactionRequestAction"]
    assert payload["errors"] == []
    item = payload["transaction"]
    assert item["chargedAmount"]["amount"] == float(order.total_amount)
    assert item["refundedAmount"]["amount"] == 0.0
    assert [(e["type"], e["message"]) for e in item["events"]][1:] == [
        ("REFUND_REQUEST", "Damaged"),
        ("REFUND_FAILURE", "The card issuer refused the refund."),
    ]
    order.refresh_from_db()
    assert order.charge_status == "full"
    assert order.events.last().type == "transaction_refund_requested"


@pytest.mark.parametrize("who", ["api", "customer_api", "merchandiser_api", "ops_api"])
def test_moving_money_is_refused_without_handle_payments_and_changes_nothing(
    who, request, customer_order, payment
):
    api = request.getfixturevalue(who)
    before = _snapshot(customer_order)

    result = api(REQUEST, {"id": transaction_id(payment), "action": "REFUND"})

    assert result["data"]["transactionRequestAction"] is None
    error = result["errors"][0]
    assert error["extensions"]["exception"]["code"] == "PermissionDenied"
    assert "HANDLE_PAYMENTS" in error["message"]
    assert _snapshot(customer_order) == before
