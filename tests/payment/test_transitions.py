"""The transaction state machine: every writer's steps follow one table."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.checkout.transactions import transaction_initialize
from backend.order.models import OrderAuthorizeStatus, OrderChargeStatus
from backend.payment.gateways.test_gateway import TEST_GATEWAY_ID
from backend.payment.models import TransactionEventType, TransactionItem
from backend.payment.services import AUTHORIZATION, transaction_process
from backend.payment.totals import payment_statuses
from backend.payment.transitions import (
    TRANSITIONS,
    TransactionState,
    TransactionStepRefused,
    transaction_event_record,
    transaction_locked,
    transaction_state,
)

pytestmark = pytest.mark.django_db

E = TransactionEventType


def _amounts(item: TransactionItem) -> tuple:
    item.refresh_from_db()
    return (
        item.amount_charged_value,
        item.amount_authorized_value,
        item.amount_refunded_value,
        item.amount_canceled_value,
        item.events.count(),
    )


def _paid_order(checkout, *, token="tok_success", action="CHARGE"):
    transaction_initialize(
        checkout_token=checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token=token,
        action=action,
    )
    return checkout_complete(checkout_token=checkout.token).order


def test_a_settled_charge_cannot_succeed_a_second_time(ready_checkout):
    order = _paid_order(ready_checkout)
    item = order.payment_transactions.get()
    before = _amounts(item)

    item, order = transaction_locked(item.token)
    with pytest.raises(TransactionStepRefused) as refusal:
        transaction_event_record(
            item=item, event_type=E.CHARGE_SUCCESS, amount=Decimal(1), order=order
        )

    assert refusal.value.state == TransactionState.SETTLED
    assert _amounts(item) == before


def test_a_refund_request_above_the_charged_amount_is_refused(ready_checkout):
    order = _paid_order(ready_checkout)
    item, order = transaction_locked(order.payment_transactions.get().token)
    before = _amounts(item)

    with pytest.raises(TransactionStepRefused) as refusal:
        transaction_event_record(
            item=item, event_type=E.REFUND_REQUEST, amount=Decimal(45), order=order
        )

    assert "Only 44.980 USD is available" in refusal.value.message
    assert _amounts(item) == before


def test_a_capture_moves_authorized_money_to_charged_and_onto_the_order(
    ready_checkout,
):
    order = _paid_order(ready_checkout, action=AUTHORIZATION)
    item, order = transaction_locked(order.payment_transactions.get().token)

    transaction_event_record(
        item=item, event_type=E.CHARGE_REQUEST, amount=Decimal(10), order=order
    )
    transaction_event_record(
        item=item, event_type=E.CHARGE_SUCCESS, amount=Decimal(10), order=order
    )

    assert _amounts(item)[:2] == (Decimal(10), Decimal("34.98"))
    order.refresh_from_db()
    assert (order.total_charged_amount, order.total_authorized_amount) == (
        Decimal(10),
        Decimal("34.98"),
    )
    assert order.charge_status == OrderChargeStatus.PARTIAL
    assert order.authorize_status == OrderAuthorizeStatus.FULL


def test_an_outcome_without_its_request_is_refused(ready_checkout):
    order = _paid_order(ready_checkout)
    item, order = transaction_locked(order.payment_transactions.get().token)
    before = _amounts(item)

    with pytest.raises(TransactionStepRefused):
        transaction_event_record(
            item=item, event_type=E.REFUND_SUCCESS, amount=Decimal(5), order=order
        )

    assert _amounts(item) == before


def test_a_completed_checkout_closes_its_waiting_session_as_a_failure(
    ready_checkout,
):
    waiting = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_3ds",
    )

    order = _paid_order(ready_checkout)

    assert transaction_state(waiting) == TransactionState.SETTLED
    assert list(waiting.events.values_list("type", "message")) == [
        (E.CHARGE_ACTION_REQUIRED, "The card issuer asks the shopper to confirm."),
        (E.CHARGE_FAILURE, "The checkout was completed without this payment."),
    ]
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("44.98")


def test_processing_a_closed_session_is_refused_and_charges_nothing(ready_checkout):
    waiting = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_3ds",
    )
    order = _paid_order(ready_checkout)
    before = _amounts(waiting)

    with pytest.raises(ValidationError) as refusal:
        transaction_process(transaction_token=waiting.token, token="tok_success")

    ((field, (error,)),) = refusal.value.error_dict.items()
    assert (field, error.code) == ("id", "TRANSACTION_ALREADY_PROCESSED")
    assert _amounts(waiting) == before
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("44.98")


def test_the_table_lets_only_staff_requests_follow_a_settled_transaction():
    after_settled = {
        event for state, event in TRANSITIONS if state == TransactionState.SETTLED
    }

    assert after_settled == {E.CHARGE_REQUEST, E.REFUND_REQUEST, E.CANCEL_REQUEST}


@pytest.mark.parametrize(
    ("charged", "authorized", "total", "statuses"),
    [
        ("0", "0", "0", ("full", "full")),
        ("0", "0", "10", ("none", "none")),
        ("4", "0", "10", ("partial", "partial")),
        ("4", "6", "10", ("partial", "full")),
        ("10", "0", "10", ("full", "full")),
        ("12", "0", "10", ("overcharged", "full")),
    ],
)
def test_payment_statuses_follow_saleor(charged, authorized, total, statuses):
    assert (
        payment_statuses(
            charged=Decimal(charged),
            authorized=Decimal(authorized),
            total=Decimal(total),
        )
        == statuses
    )
