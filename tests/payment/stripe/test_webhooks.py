"""/webhooks/stripe/: verified, handled once, whatever order things arrive in."""

import time
from decimal import Decimal

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.models import OrderChargeStatus, OrderEvent, OrderEvents
from backend.payment.models import TransactionEventType as E
from backend.payment.models import TransactionItem
from backend.payment.stripe_models import StripeWebhookEvent
from backend.payment.stripe_payments import stripe_transaction_sync

from .conftest import browser_pays, post_webhook, stripe_event, stripe_session
from .helpers import CARD_DECLINED, CARD_OK, card, intent


def _types(item) -> list[str]:
    return list(item.events.order_by("pk").values_list("type", flat=True))


def _succeeded(stripe_checkout):
    item = stripe_session(stripe_checkout)
    paid = browser_pays(item.psp_reference, card(CARD_OK))
    return item, paid.to_dict()


def test_a_succeeded_event_charges_the_waiting_session(client, stripe_checkout):
    item, paid = _succeeded(stripe_checkout)

    response = post_webhook(client, stripe_event("payment_intent.succeeded", paid))

    item.refresh_from_db()
    assert response.status_code == 200
    assert response.content == b"handled"
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]
    assert item.amount_charged_value == Decimal(paid["amount"]) / 100


def test_a_webhook_replayed_changes_nothing_the_second_time(client, stripe_checkout):
    item, paid = _succeeded(stripe_checkout)
    event = stripe_event("payment_intent.succeeded", paid, event_id="evt_replayed")
    post_webhook(client, event)

    response = post_webhook(client, event)

    item.refresh_from_db()
    assert response.content == b"duplicate"
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]
    assert StripeWebhookEvent.objects.filter(event_id="evt_replayed").count() == 1


def test_a_webhook_with_a_bad_signature_is_refused_and_nothing_stored(
    client, stripe_checkout
):
    item, paid = _succeeded(stripe_checkout)

    response = post_webhook(
        client, stripe_event("payment_intent.succeeded", paid), secret="whsec_forged"
    )

    item.refresh_from_db()
    assert response.status_code == 400
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED]
    assert item.amount_charged_value == 0
    assert not StripeWebhookEvent.objects.exists()


def test_a_webhook_after_the_browsers_return_changes_nothing(client, stripe_checkout):
    item, paid = _succeeded(stripe_checkout)
    stripe_transaction_sync(transaction_token=item.token)

    response = post_webhook(client, stripe_event("payment_intent.succeeded", paid))

    item.refresh_from_db()
    assert response.content == b"handled"
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]


def test_the_browsers_return_after_the_webhook_changes_nothing(client, stripe_checkout):
    item, paid = _succeeded(stripe_checkout)
    post_webhook(client, stripe_event("payment_intent.succeeded", paid))

    _, event = stripe_transaction_sync(transaction_token=item.token)

    assert event.type == E.CHARGE_SUCCESS
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]


def test_a_payment_failed_event_ends_the_session_as_a_failure(client, stripe_checkout):
    item = stripe_session(stripe_checkout)
    try:
        browser_pays(item.psp_reference, card(CARD_DECLINED))
    except Exception:  # noqa: BLE001 - Stripe.js shows the decline; so do we
        pass
    failed = intent(item.psp_reference).to_dict()

    post_webhook(client, stripe_event("payment_intent.payment_failed", failed))

    item.refresh_from_db()
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_FAILURE]
    assert item.message == "Your card was declined."
    assert item.amount_charged_value == 0


def test_an_event_about_an_unknown_payment_is_stored_and_ignored(
    db, client, stripe_settings
):
    response = post_webhook(
        client,
        stripe_event("payment_intent.succeeded", {"id": "pi_elsewhere", "amount": 1}),
    )

    assert response.content == b"ignored"
    assert StripeWebhookEvent.objects.get().psp_reference == "pi_elsewhere"


def _paid_order(client, stripe_checkout):
    item, paid = _succeeded(stripe_checkout)
    post_webhook(client, stripe_event("payment_intent.succeeded", paid, event_id="e0"))
    order = checkout_complete(checkout_token=stripe_checkout.token).order
    return TransactionItem.objects.get(pk=item.pk), order


def test_a_refund_made_in_stripe_is_recorded_on_the_order(client, stripe_checkout):
    item, order = _paid_order(client, stripe_checkout)
    charge = {
        "id": "ch_1",
        "payment_intent": item.psp_reference,
        "amount_refunded": 700,
    }

    post_webhook(client, stripe_event("charge.refunded", charge, event_id="e1"))

    item.refresh_from_db()
    order.refresh_from_db()
    assert item.amount_refunded_value == Decimal("7.00")
    assert _types(item)[-2:] == [E.REFUND_REQUEST, E.REFUND_SUCCESS]
    assert order.charge_status == OrderChargeStatus.PARTIAL
    assert order.events.filter(type=OrderEvents.PAYMENT_REFUNDED).exists()


def test_a_refund_lumbar_already_recorded_is_not_recorded_again(
    client, stripe_checkout
):
    item, order = _paid_order(client, stripe_checkout)
    charge = {
        "id": "ch_1",
        "payment_intent": item.psp_reference,
        "amount_refunded": 700,
    }
    post_webhook(client, stripe_event("charge.refunded", charge, event_id="e1"))
    count = item.events.count()

    post_webhook(client, stripe_event("charge.refunded", charge, event_id="e2"))

    item.refresh_from_db()
    assert item.events.count() == count
    assert item.amount_refunded_value == Decimal("7.00")


def test_a_dispute_is_noted_on_the_order_for_staff(client, stripe_checkout):
    item, order = _paid_order(client, stripe_checkout)
    dispute = {
        "id": "dp_1",
        "payment_intent": item.psp_reference,
        "amount": 500,
        "reason": "fraudulent",
    }

    post_webhook(client, stripe_event("charge.dispute.created", dispute, event_id="e3"))

    note = OrderEvent.objects.get(order=order, type=OrderEvents.NOTE_ADDED)
    assert "disputes 5.00 USD" in note.parameters["message"]
    assert "fraudulent" in note.parameters["message"]


@pytest.mark.django_db(transaction=True)
def test_localstripe_delivers_a_signed_event_that_charges_the_session(
    localstripe_webhooks, ready_checkout
):
    item = stripe_session(ready_checkout)

    browser_pays(item.psp_reference, card(CARD_OK))

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        item.refresh_from_db()
        if item.amount_charged_value:
            break
        time.sleep(0.2)
    assert _types(item) == [E.CHARGE_ACTION_REQUIRED, E.CHARGE_SUCCESS]
    delivered = StripeWebhookEvent.objects.filter(psp_reference=item.psp_reference)
    assert list(delivered.values_list("type", flat=True)) == [
        "payment_intent.succeeded"
    ]
