"""A Stripe transaction brought in line with the PaymentIntent Stripe holds.

Every door that learns something of a PaymentIntent (the browser's return
through transactionProcess or the checkout page, a webhook, the reconciler)
ends in ``stripe_transaction_sync``: whichever comes first records the
outcome, the others find it recorded and change nothing.
"""

import logging
from uuid import UUID

import stripe
from django.db import transaction

from .gateways import PaymentStatus
from .gateways.stripe import (
    STRIPE_GATEWAY_ID,
    StripeGateway,
    as_dict,
    from_minor_units,
    idempotency_key,
    intent_result,
    stripe_client,
)
from .models import TransactionEvent, TransactionItem
from .services import (
    AUTHORIZATION,
    CHARGE,
    payment_error,
    transaction_outcome_record,
)
from .transitions import (
    TransactionState,
    transaction_last_event,
    transaction_locked,
    transaction_state,
)

logger = logging.getLogger(__name__)

_PENDING_ACTIONS = {
    TransactionState.CHARGE_PENDING: CHARGE,
    TransactionState.AUTHORIZATION_PENDING: AUTHORIZATION,
}


def stripe_transaction_for_intent(intent_id: str) -> TransactionItem | None:
    """Return the Stripe transaction holding the PaymentIntent, if any."""
    return TransactionItem.objects.filter(
        gateway=STRIPE_GATEWAY_ID, psp_reference=intent_id
    ).first()


@transaction.atomic
def stripe_transaction_sync(
    *, transaction_token: UUID | str, intent=None
) -> tuple[TransactionItem, TransactionEvent | None]:
    """Record the PaymentIntent's outcome on a session still waiting for it.

    ``intent`` is the PaymentIntent as a webhook carried it; without one it
    is read from Stripe. A transaction whose session ended is left as it is.
    """
    item, order = transaction_locked(transaction_token)
    if item is None or item.gateway != STRIPE_GATEWAY_ID:
        raise payment_error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {transaction_token}"
        )
    action = _PENDING_ACTIONS.get(transaction_state(item))
    if action is None or not item.psp_reference:
        return item, transaction_last_event(item)
    if intent is None:
        intent = StripeGateway().payment_intent_get(item.psp_reference)
    intent = as_dict(intent)
    result = intent_result(intent, currency=item.currency)
    if result.status == PaymentStatus.ACTION_REQUIRED:
        return item, transaction_last_event(item)
    if action == CHARGE and intent["status"] == "requires_capture":
        # Authorized where a charge was asked: not money taken yet.
        return item, transaction_last_event(item)
    transaction_outcome_record(
        item=item,
        order=order,
        action=action,
        result=result,
        amount=from_minor_units(intent["amount"], item.currency),
    )
    return item, transaction_last_event(item)


def stripe_payment_confirm(
    *, transaction_token: UUID | str, payment_method: str
) -> tuple[TransactionItem, TransactionEvent | None]:
    """Confirm the session's PaymentIntent with a card, then record it.

    Stripe is asked outside any database transaction, after the session's
    row was committed with the intent's id: if recording fails, the
    reconciler finds the row and finishes it from Stripe's state.
    """
    item = TransactionItem.objects.filter(
        token=transaction_token, gateway=STRIPE_GATEWAY_ID
    ).first()
    if item is None or not item.psp_reference:
        raise payment_error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {transaction_token}"
        )
    if transaction_state(item) not in _PENDING_ACTIONS:
        return item, transaction_last_event(item)
    client = stripe_client()
    key = idempotency_key(item.token, "confirm", payment_method)
    try:
        intent = client.v1.payment_intents.retrieve(item.psp_reference)
        if intent["status"] == "requires_payment_method":
            client.v1.payment_intents.update(
                item.psp_reference,
                {"payment_method": payment_method},
                {"idempotency_key": f"{key}:attach"},
            )
            intent = client.v1.payment_intents.confirm(
                item.psp_reference, {}, {"idempotency_key": key}
            )
    except stripe.CardError as error:
        logger.info("Stripe declined %s: %s", item.psp_reference, error)
        intent = None  # the declined intent is read back below
    return stripe_transaction_sync(transaction_token=item.token, intent=intent)


def stripe_transaction_client_data(item: TransactionItem) -> dict:
    """Return the data Saleor's storefront reads back for a Stripe session."""
    if not item.psp_reference:
        return {}
    intent = StripeGateway().payment_intent_get(item.psp_reference)
    return {
        "paymentIntent": {"stripeClientSecret": intent["client_secret"]},
        "pspReference": item.psp_reference,
        "status": intent["status"],
    }
