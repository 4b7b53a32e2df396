"""Two tabs finish the same 3-D Secure step at once: one charge only."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from backend.checkout.selectors import checkout_totals
from backend.payment.gateways.test_gateway import TEST_GATEWAY_ID
from backend.payment.models import TransactionEvent, TransactionEventType
from backend.payment.services import transaction_initialize, transaction_process

TABS = 4
TIMEOUT_SECONDS = 30


@pytest.mark.django_db(transaction=True)
def test_processing_one_session_at_once_from_several_tabs_charges_once(
    ready_checkout,
):
    waiting = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_3ds",
    )
    barrier = threading.Barrier(TABS)
    outcomes: list = [None] * TABS

    def process(index: int) -> None:
        try:
            barrier.wait(timeout=TIMEOUT_SECONDS)
            transaction_process(transaction_token=waiting.token, token="tok_success")
            outcomes[index] = "charged"
        except ValidationError as error:
            ((_, errors),) = error.error_dict.items()
            outcomes[index] = errors[0].code
        except Exception as error:  # noqa: BLE001 - reported in the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=process, args=(i,)) for i in range(TABS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT_SECONDS)

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
