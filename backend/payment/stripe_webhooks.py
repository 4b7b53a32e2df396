"""Stripe's webhooks: the source of truth for what happened to a payment.

An event is verified against STRIPE_WEBHOOK_SECRET, handled once (its id
is stored in the same database transaction as its effect, so a replay
changes nothing and a failure leaves it for Stripe to send again) and
applied through the transaction state machine.
"""

import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from backend.order.models import OrderEvent, OrderEvents

from .gateways.stripe import as_dict, from_minor_units
from .models import TransactionEventType
from .stripe_models import StripeWebhookEvent
from .stripe_payments import stripe_transaction_for_intent, stripe_transaction_sync
from .transitions import (
    TransactionState,
    TransactionStepRefused,
    transaction_event_record,
    transaction_locked,
    transaction_state,
)

logger = logging.getLogger(__name__)

INTENT_EVENTS = frozenset(
    {
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "payment_intent.canceled",
        "payment_intent.amount_capturable_updated",
    }
)


class StripeWebhookRefused(Exception):
    """The request is not a genuine Stripe event; nothing was stored."""


def stripe_webhook_receive(*, payload: bytes, signature: str) -> str:
    """Verify and apply one webhook; return what became of it.

    ``"handled"`` the first time, ``"duplicate"`` for an event id already
    handled, ``"ignored"`` for an event about nothing Lumbar holds.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise StripeWebhookRefused("STRIPE_WEBHOOK_SECRET is not set.")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise StripeWebhookRefused(str(error)) from None
    try:
        with transaction.atomic():
            return _apply(event)
    except IntegrityError:
        # The same event id committed meanwhile (a concurrent replay).
        return "duplicate"


def _apply(event) -> str:
    data = as_dict(event["data"]["object"])
    intent_id = _intent_id(event["type"], data)
    try:
        with transaction.atomic():
            StripeWebhookEvent.objects.create(
                event_id=event["id"], type=event["type"], psp_reference=intent_id
            )
    except IntegrityError:
        return "duplicate"
    item = stripe_transaction_for_intent(intent_id) if intent_id else None
    if item is None:
        return "ignored"
    if event["type"] in INTENT_EVENTS:
        stripe_transaction_sync(transaction_token=item.token, intent=data)
    elif event["type"] == "charge.refunded":
        _refunds_sync(item_token=item.token, charge=data)
    elif event["type"] == "charge.dispute.created":
        _dispute_note(item_token=item.token, dispute=data)
    else:
        return "ignored"
    return "handled"


def _intent_id(event_type: str, data) -> str:
    if event_type.startswith("payment_intent."):
        return data.get("id") or ""
    intent = data.get("payment_intent") or ""
    return intent if isinstance(intent, str) else intent.get("id", "")


def _refunds_sync(*, item_token, charge) -> None:
    """Record money Stripe says was refunded that Lumbar has not recorded.

    A refund asked from Lumbar is recorded when Stripe answers it, so only
    refunds made elsewhere (Stripe's dashboard) are new here.
    """
    item, order = transaction_locked(item_token)
    refunded = from_minor_units(charge.get("amount_refunded") or 0, item.currency)
    missing = refunded - item.amount_refunded_value
    if missing <= 0 or transaction_state(item) != TransactionState.SETTLED:
        return
    message = "Refunded in Stripe."
    try:
        for event_type in (
            TransactionEventType.REFUND_REQUEST,
            TransactionEventType.REFUND_SUCCESS,
        ):
            transaction_event_record(
                item=item,
                event_type=event_type,
                amount=missing,
                order=order,
                message=message,
            )
    except TransactionStepRefused as refusal:
        logger.warning("Stripe refund of %s not recorded: %s", item, refusal)
        raise
    if order is not None:
        OrderEvent.objects.create(
            order=order,
            type=OrderEvents.PAYMENT_REFUNDED,
            parameters={"amount": str(missing), "currency": item.currency},
        )


def _dispute_note(*, item_token, dispute) -> None:
    """Tell staff on the order that the shopper's bank disputes the charge."""
    item, order = transaction_locked(item_token)
    amount = from_minor_units(dispute.get("amount") or 0, item.currency)
    message = (
        f"The card holder disputes {amount} {item.currency} of payment "
        f"{item.psp_reference} (reason: {dispute.get('reason') or 'not given'}); "
        "answer it in Stripe's dashboard."
    )
    item.message = message[:512]
    item.save(update_fields=["message", "modified_at"])
    if order is not None:
        OrderEvent.objects.create(
            order=order,
            type=OrderEvents.NOTE_ADDED,
            parameters={"message": message},
        )
