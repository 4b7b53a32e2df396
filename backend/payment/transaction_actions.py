"""Charge, refund or cancel a transaction through the gateway that holds it."""

from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from prices import Money

from backend.order.models import OrderEvent, OrderEvents

from .gateways import GatewayNotAvailable, payment_gateway_get
from .models import TransactionEventType, TransactionItem
from .transitions import (
    TransactionStepRefused,
    transaction_event_record,
    transaction_locked,
)

CHARGE = "CHARGE"
REFUND = "REFUND"
CANCEL = "CANCEL"

# action → (request event, success event, failure event, order event)
_EVENTS = {
    CHARGE: (
        TransactionEventType.CHARGE_REQUEST,
        TransactionEventType.CHARGE_SUCCESS,
        TransactionEventType.CHARGE_FAILURE,
        OrderEvents.TRANSACTION_CHARGE_REQUESTED,
    ),
    REFUND: (
        TransactionEventType.REFUND_REQUEST,
        TransactionEventType.REFUND_SUCCESS,
        TransactionEventType.REFUND_FAILURE,
        OrderEvents.TRANSACTION_REFUND_REQUESTED,
    ),
    CANCEL: (
        TransactionEventType.CANCEL_REQUEST,
        TransactionEventType.CANCEL_SUCCESS,
        TransactionEventType.CANCEL_FAILURE,
        OrderEvents.TRANSACTION_CANCEL_REQUESTED,
    ),
}

_NOTHING_TO = {
    CHARGE: "Nothing is authorized on this transaction to charge.",
    REFUND: "Nothing is charged on this transaction to refund.",
    CANCEL: "Nothing is authorized on this transaction to cancel.",
}


def _error(field: str | None, code: str, message: str) -> ValidationError:
    if field is None:
        return ValidationError(message, code=code)
    return ValidationError({field: ValidationError(message, code=code)})


def transaction_actions_available(item: TransactionItem) -> list[str]:
    """Return the actions a gateway transaction can take in its state."""
    if not item.gateway:
        return []
    actions = []
    if item.amount_authorized_value > 0:
        actions += [CHARGE, CANCEL]
    if item.amount_charged_value > 0:
        actions.append(REFUND)
    return actions


def _available(item: TransactionItem, action: str) -> Decimal:
    if action == REFUND:
        return item.amount_charged_value
    return item.amount_authorized_value


def _requested_amount(amount, available: Decimal, action: str) -> Decimal:
    if amount is None:
        return available
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        value = None
    if value is None or not value.is_finite() or value <= 0:
        raise _error("amount", "INVALID", "Enter an amount above zero.")
    if value > available:
        verb = {CHARGE: "charge", REFUND: "refund", CANCEL: "cancel"}[action]
        raise _error(
            "amount",
            "INVALID",
            f"Cannot {verb} {value}: only {available} is available on the transaction.",
        )
    return value


@transaction.atomic
def transaction_request_action(
    *,
    transaction_token: UUID | str,
    action: str,
    amount: Decimal | None = None,
    reason: str = "",
    user=None,
) -> TransactionItem:
    """Ask the transaction's gateway to charge, refund or cancel money.

    A request event is written first, then the gateway's answer: success
    moves the amounts and the order's totals; failure moves nothing. The
    amount defaults to all that the action can take and may never exceed
    it, so nothing is refunded twice.
    """
    if action not in _EVENTS:
        raise _error("actionType", "INVALID", f"Unknown action {action}.")
    item, order = transaction_locked(transaction_token)
    if item is None:
        raise _error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {transaction_token}"
        )
    if not item.gateway:
        raise _error(
            "id",
            "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK",
            "No payment gateway handles this transaction; settle it outside Lumbar.",
        )
    try:
        gateway = payment_gateway_get(gateway_id=item.gateway)
    except GatewayNotAvailable:
        raise _error(
            "id",
            "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK",
            f"The gateway {item.gateway} that holds this transaction is switched off.",
        ) from None
    available = _available(item, action)
    if available <= 0:
        raise _error("actionType", "INVALID", _NOTHING_TO[action])
    value = _requested_amount(amount, available, action)
    staff = user if user is not None and user.is_authenticated else None
    request_type, success_type, failure_type, order_event_type = _EVENTS[action]
    try:
        request = transaction_event_record(
            item=item,
            event_type=request_type,
            amount=value,
            order=order,
            message=(reason or "").strip(),
            user=staff,
        )
    except TransactionStepRefused as refusal:
        raise _error("actionType", "INVALID", refusal.message) from None
    if order is not None:
        OrderEvent.objects.create(
            order=order,
            type=order_event_type,
            user=staff,
            parameters={
                "amount": str(value),
                "currency": item.currency,
                "reference": item.psp_reference,
            },
        )
    money = Money(value, item.currency)
    call = {CHARGE: gateway.capture, REFUND: gateway.refund, CANCEL: gateway.cancel}
    result = call[action](
        amount=money,
        psp_reference=item.psp_reference,
        # The request event names this step: a retry of it is the same call.
        idempotency_key=f"{item.token}:{action}:{value}:{request.pk}",
    )
    transaction_event_record(
        item=item,
        event_type=success_type if result.is_success else failure_type,
        amount=value,
        order=order,
        psp_reference=result.psp_reference,
        message=result.message,
        user=staff,
    )
    return item
