"""Stripe sessions on a ready checkout, and webhooks signed as Stripe signs."""

import hashlib
import hmac
import json
import time

import pytest

from backend.checkout.transactions import transaction_initialize
from backend.payment.gateways.stripe import STRIPE_GATEWAY_ID, stripe_client
from backend.payment.services import AUTHORIZATION, CHARGE
from tests.fixtures.stripe import WEBHOOK_SECRET


def stripe_session(checkout, *, action: str = CHARGE):
    """Start a Stripe session on the checkout, as transactionInitialize does."""
    return transaction_initialize(
        checkout_token=checkout.token,
        gateway_id=STRIPE_GATEWAY_ID,
        token="",
        action=action,
    )


def browser_pays(psp_reference: str, payment_method: str):
    """Do what Stripe.js does in the shopper's browser: confirm with a card."""
    client = stripe_client()
    client.v1.payment_intents.update(psp_reference, {"payment_method": payment_method})
    return client.v1.payment_intents.confirm(psp_reference)


def signed(event: dict, *, secret: str = WEBHOOK_SECRET) -> tuple[bytes, str]:
    """Return the event's body and the Stripe-Signature header Stripe sends."""
    payload = json.dumps(event).encode()
    timestamp = int(time.time())
    digest = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256
    ).hexdigest()
    return payload, f"t={timestamp},v1={digest}"


def stripe_event(event_type: str, data: dict, *, event_id: str = "evt_1") -> dict:
    return {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "data": {"object": data},
    }


def post_webhook(client, event: dict, *, secret: str = WEBHOOK_SECRET):
    payload, signature = signed(event, secret=secret)
    return client.post(
        "/webhooks/stripe/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
    )


@pytest.fixture
def stripe_checkout(stripe_settings, ready_checkout):
    return ready_checkout


__all__ = ["AUTHORIZATION", "CHARGE"]
