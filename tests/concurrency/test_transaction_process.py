"""Two tabs finish the same 3-D Secure step at once: one charge only."""

import pytest

from backend.checkout.selectors import checkout_totals
from backend.checkout.transactions import transaction_initialize
from backend.payment.gateways.test_gateway import TEST_GATEWAY_ID
from backend.payment.models import TransactionEvent, TransactionEventType
from backend.payment.services import transaction_process
from tests.concurrency.racing import run_at_once

TABS = 4


@pytest.mark.django_db(transaction=True)
def test_processing_one_session_at_once_from_several_tabs_charges_once(
    ready_checkout,
):
    waiting = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_3ds",
    )

    def process():
        transaction_process(transaction_token=waiting.token, token="tok_success")
        return "charged"

    outcomes = run_at_once([process] * TABS)

    assert sorted(outcomes) == ["TRANSACTION_ALREADY_PROCESSED"] * (TABS - 1) + [
        "charged"
    ]
    waiting.refresh_from_db()
    assert (
        waiting.amount_charged_value
        == checkout_totals(checkout=ready_checkout).total.amount
    )
    successes = TransactionEvent.objects.filter(
        transaction=waiting, type=TransactionEventType.CHARGE_SUCCESS
    )
    assert successes.count() == 1
