"""A refund from /ops/ of an order paid through Stripe reaches Stripe."""

from decimal import Decimal

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.models import OrderChargeStatus
from backend.payment.stripe_payments import stripe_payment_confirm
from tests.payment.stripe.conftest import stripe_session
from tests.payment.stripe.helpers import CARD_OK, card, refunds

from .conftest import order_url


@pytest.fixture
def stripe_order(stripe_settings, ready_checkout):
    item = stripe_session(ready_checkout)
    stripe_payment_confirm(transaction_token=item.token, payment_method=card(CARD_OK))
    order = checkout_complete(checkout_token=ready_checkout.token).order
    return order, order.payment_transactions.get()


def test_a_partial_refund_from_ops_reaches_stripe(ops_client, stripe_order):
    order, item = stripe_order

    response = ops_client.post(order_url(order, "refund/"), {"amount": "5.00"})

    order.refresh_from_db()
    item.refresh_from_db()
    assert response.status_code == 302
    assert refunds(item.psp_reference) == [500]
    assert item.amount_refunded_value == Decimal("5.00")
    assert order.charge_status == OrderChargeStatus.PARTIAL


def test_two_equal_refunds_from_ops_are_two_refunds_at_stripe(ops_client, stripe_order):
    order, item = stripe_order

    for _ in range(2):
        ops_client.post(order_url(order, "refund/"), {"amount": "5.00"})

    item.refresh_from_db()
    assert refunds(item.psp_reference) == [500, 500]
    assert item.amount_refunded_value == Decimal("10.00")
