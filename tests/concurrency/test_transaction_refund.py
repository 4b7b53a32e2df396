"""Staff refund the same payment at once, each on its own connection."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from backend.checkout.complete import checkout_complete
from backend.order.models import Order
from backend.payment.models import TransactionEvent, TransactionEventType
from backend.payment.transaction_actions import REFUND, transaction_request_action
from tests.fixtures.checkout import paid_with

STAFF = 5
TIMEOUT_SECONDS = 30


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
    barrier = threading.Barrier(STAFF)
    outcomes: list = [None] * STAFF

    def refund(index: int) -> None:
        try:
            barrier.wait(timeout=TIMEOUT_SECONDS)
            transaction_request_action(
                transaction_token=payment.token, action=REFUND, amount=share
            )
            outcomes[index] = "refunded"
        except ValidationError as error:
            ((_, errors),) = error.error_dict.items()
            outcomes[index] = errors[0].code
        except Exception as error:  # noqa: BLE001 - reported in the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=refund, args=(i,)) for i in range(STAFF)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT_SECONDS)

    assert sorted(outcomes) == ["INVALID"] * (STAFF - 2) + ["refunded"] * 2
    payment.refresh_from_db()
    assert payment.amount_refunded_value == 2 * share
    assert payment.amount_charged_value == charged - 2 * share
    assert Order.objects.get(pk=order.pk).total_charged_amount == charged - 2 * share
    successes = TransactionEvent.objects.filter(
        transaction=payment, type=TransactionEventType.REFUND_SUCCESS
    )
    assert successes.count() == 2
