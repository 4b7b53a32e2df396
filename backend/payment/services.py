"""Payment writes: a gateway's answer recorded, a pending payment finished.

Starting a transaction on a checkout is the checkout's
(``checkout/transactions.py``): it reads the checkout's totals, which sit
above this package.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from prices import Money

from backend.order.models import Order

from .gateways import GatewayNotAvailable, PaymentStatus, payment_gateway_get
from .models import TransactionEvent, TransactionEventType, TransactionItem
from .transitions import (
    TransactionState,
    transaction_event_record,
    transaction_last_event,
    transaction_locked,
    transaction_state,
)

CHARGE = "CHARGE"
AUTHORIZATION = "AUTHORIZATION"

_EVENT_TYPES = {
    (CHARGE, PaymentStatus.SUCCESS): TransactionEventType.CHARGE_SUCCESS,
    (CHARGE, PaymentStatus.DECLINED): TransactionEventType.CHARGE_FAILURE,
    (CHARGE, PaymentStatus.ACTION_REQUIRED): (
        TransactionEventType.CHARGE_ACTION_REQUIRED
    ),
    (AUTHORIZATION, PaymentStatus.SUCCESS): TransactionEventType.AUTHORIZATION_SUCCESS,
    (AUTHORIZATION, PaymentStatus.DECLINED): (
        TransactionEventType.AUTHORIZATION_FAILURE
    ),
    (AUTHORIZATION, PaymentStatus.ACTION_REQUIRED): (
        TransactionEventType.AUTHORIZATION_ACTION_REQUIRED
    ),
}


def payment_error(field: str, code: str, message: str) -> ValidationError:
    """Return a ValidationError shaped as Saleor's {field, code, message}."""
    return ValidationError({field: ValidationError(message, code=code)})


def transaction_outcome_record(
    *,
    item: TransactionItem,
    order: Order | None,
    action: str,
    result,
    amount,
    state: TransactionState | None = None,
) -> TransactionEvent:
    """Store the gateway's answer on the item and record it as an event."""
    item.psp_reference = result.psp_reference or item.psp_reference
    item.message = result.message[:512]
    item.save(update_fields=["psp_reference", "message", "modified_at"])
    return transaction_event_record(
        item=item,
        event_type=_EVENT_TYPES[(action, result.status)],
        amount=amount,
        order=order,
        psp_reference=result.psp_reference,
        message=result.message,
        state=state,
    )


_PENDING_ACTIONS = {
    TransactionState.CHARGE_PENDING: CHARGE,
    TransactionState.AUTHORIZATION_PENDING: AUTHORIZATION,
}


@transaction.atomic
def transaction_process(
    *, transaction_token: UUID | str, token: str
) -> tuple[TransactionItem, TransactionEvent]:
    """Finish a payment that asked the shopper for an extra step.

    Only a transaction whose session waits for that step can be processed,
    once: the gateway is asked again with the token of the step's outcome.
    """
    item, order = transaction_locked(transaction_token)
    if item is None:
        raise payment_error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {transaction_token}"
        )
    action = _PENDING_ACTIONS.get(transaction_state(item))
    if action is None:
        raise payment_error(
            "id",
            "TRANSACTION_ALREADY_PROCESSED",
            "Transaction has already been processed.",
        )
    try:
        gateway = payment_gateway_get(gateway_id=item.gateway)
    except GatewayNotAvailable:
        raise payment_error(
            "id", "MISSING_PAYMENT_APP", f"Gateway {item.gateway} is not available."
        ) from None
    amount = transaction_last_event(item).amount_value
    money = Money(amount, item.currency)
    if action == CHARGE:
        result = gateway.charge(amount=money, token=token)
    else:
        result = gateway.authorize(amount=money, token=token)
    transaction_outcome_record(
        item=item, order=order, action=action, result=result, amount=amount
    )
    return item, transaction_last_event(item)
