"""Saleor's Stripe app protocol (gateway id ``saleor.app.payment.stripe``).

paymentGatewayInitialize hands the storefront ``{stripePublishableKey}``;
transactionInitialize answers ``{paymentIntent: {stripeClientSecret}}`` for
Stripe.js to confirm; transactionProcess reads the PaymentIntent back.
"""

from django.conf import settings

from backend.payment.gateways.stripe import STRIPE_GATEWAY_ID
from backend.payment.models import TransactionItem
from backend.payment.stripe_payments import (
    stripe_transaction_client_data,
    stripe_transaction_sync,
)

STRIPE_APP_ID = STRIPE_GATEWAY_ID


def stripe_gateway_config() -> dict:
    """Return what the storefront needs to load Stripe.js."""
    return {"stripePublishableKey": settings.STRIPE_PUBLISHABLE_KEY}


def stripe_session_data(item: TransactionItem, event) -> dict:
    """Return transactionInitialize's and transactionProcess's data."""
    data = stripe_transaction_client_data(item)
    if event is not None and event.type.endswith("_failure"):
        data["errors"] = [{"code": "PAYMENT_FAILED", "message": event.message}]
    return data


def stripe_process(transaction_token):
    """Read the session's PaymentIntent and record its outcome if new."""
    return stripe_transaction_sync(transaction_token=transaction_token)
