"""The dashboard's refund documents on an order paid through Stripe reach
Stripe (localstripe) through Lumbar's Stripe gateway."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.payment.stripe_payments import stripe_payment_confirm
from tests.payment.stripe.conftest import stripe_session
from tests.payment.stripe.helpers import CARD_OK, card, refunds

from .dashboard import dashboard_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def stripe_order(stripe_settings, ready_checkout):
    item = stripe_session(ready_checkout)
    stripe_payment_confirm(transaction_token=item.token, payment_method=card(CARD_OK))
    order = checkout_complete(checkout_token=ready_checkout.token).order
    return order, order.payment_transactions.get()


def test_the_dashboards_transaction_refund_reaches_stripe(payments_api, stripe_order):
    order, item = stripe_order

    result = payments_api(
        dashboard_document("OrderSendRefund"),
        {
            "amount": "3.00",
            "transactionId": to_global_id("TransactionItem", item.token),
        },
    )

    payload = result["data"]["transactionRequestAction"]
    assert payload["errors"] == []
    assert payload["transaction"]["refundedAmount"]["amount"] == 3.0
    assert refunds(item.psp_reference) == [300]
    item.refresh_from_db()
    assert item.amount_refunded_value == Decimal("3.00")


def test_the_legacy_order_refund_reaches_stripe(payments_api, stripe_order):
    order, item = stripe_order

    result = payments_api(
        dashboard_document("OrderRefund"),
        {"id": to_global_id("Order", str(order.token)), "amount": "2.50"},
    )

    assert result["data"]["orderRefund"]["errors"] == []
    assert refunds(item.psp_reference) == [250]
    order.refresh_from_db()
    assert order.total_charged_amount == order.total_amount - Decimal("2.50")
