"""The beat job finishing Stripe sessions whose outcome never got recorded."""

from datetime import timedelta

import pytest

from backend.payment import stripe_payments
from backend.payment.models import TransactionEventType as E
from backend.payment.reconcile import stripe_transactions_reconcile
from backend.payment.stripe_payments import stripe_payment_confirm
from backend.payment.tasks import reconcile_stripe_transactions

from .conftest import stripe_session
from .helpers import CARD_OK, card, intent


class DatabaseWentAway(Exception):
    """Stands for the connection dropping after Stripe took the money."""


def _types(item) -> list[str]:
    return list(item.events.order_by("pk").values_list("type", flat=True))


def _charge_lost_before_recording(monkeypatch, checkout):
    """Charge at Stripe, then fail the database write that records it."""
    item = stripe_session(checkout)

    def fail(**_):
        raise DatabaseWentAway

    with monkeypatch.context() as patch:
        patch.setattr(stripe_payments, "transaction_outcome_record", fail)
        with pytest.raises(DatabaseWentAway):
            stripe_payment_confirm(
                transaction_token=item.token, payment_method=card(CARD_OK)
            )
    return item


def test_a_charge_whose_recording_failed_is_left_waiting(monkeypatch, stripe_checkout):
    item = _charge_lost_before_recording(monkeypatch, stripe_checkout)

    item.refresh_from_db()
    assert intent(item.psp_reference).status == "succeeded"
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED]
    assert item.amount_charged_value == 0


def test_the_reconciler_completes_a_charge_whose_recording_failed(
    monkeypatch, stripe_checkout
):
    item = _charge_lost_before_recording(monkeypatch, stripe_checkout)

    moved = stripe_transactions_reconcile(grace=timedelta(0))

    item.refresh_from_db()
    assert moved == 1
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]
    assert item.amount_charged_value * 100 == intent(item.psp_reference).amount


def test_the_reconciler_leaves_a_session_within_its_grace_period(
    monkeypatch, stripe_checkout
):
    item = _charge_lost_before_recording(monkeypatch, stripe_checkout)

    moved = stripe_transactions_reconcile()

    item.refresh_from_db()
    assert moved == 0
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED]


def test_the_reconciler_leaves_a_session_the_shopper_has_not_paid(stripe_checkout):
    item = stripe_session(stripe_checkout)

    moved = stripe_transactions_reconcile(grace=timedelta(0))

    assert moved == 0
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED]


def test_the_beat_task_runs_the_reconciler_twice_safely(
    monkeypatch, stripe_checkout, settings
):
    item = _charge_lost_before_recording(monkeypatch, stripe_checkout)
    monkeypatch.setattr("backend.payment.reconcile.GRACE", timedelta(0))

    first = reconcile_stripe_transactions.apply().get()
    second = reconcile_stripe_transactions.apply().get()

    item.refresh_from_db()
    assert (first, second) == (1, 0)
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]
    assert "reconcile-stripe-transactions" in settings.CELERY_BEAT_SCHEDULE
