"""Staff refund the same payment at once, each on its own connection."""

from decimal import Decimal

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.models import Order
from backend.payment.models import TransactionEvent, TransactionEventType
from backend.payment.transaction_actions import REFUND, transaction_request_action
from tests.concurrency.racing import run_at_once
from tests.fixtures.checkout import paid_with

STAFF = 5


@pytest.mark.django_db(transaction=True)
def test_refunds_racing_on_one_payment_never_give_back_more_than_was_charged(
    ready_checkout,
):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order
    payment = order.payment_transactions.get()
    charged = payment.amount_charged_value
    # Each asks for 40% of the charge: only two fit.
    share = (charged * Decimal("0.4")).quantize(Decimal("0.01"))

    def refund():
        transaction_request_action(
            transaction_token=payment.token, action=REFUND, amount=share
        )
        return "refunded"

    outcomes = run_at_once([refund] * STAFF)

    assert sorted(outcomes) == ["INVALID"] * (STAFF - 2) + ["refunded"] * 2
    payment.refresh_from_db()
    assert payment.amount_refunded_value == 2 * share
    assert payment.amount_charged_value == charged - 2 * share
    assert Order.objects.get(pk=order.pk).total_charged_amount == charged - 2 * share
    successes = TransactionEvent.objects.filter(
        transaction=payment, type=TransactionEventType.REFUND_SUCCESS
    )
    assert successes.count() == 2
