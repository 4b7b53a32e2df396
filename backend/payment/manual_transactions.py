"""Record money staff moved outside any gateway as a transaction on an order."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from backend.order.models import Order

from .models import TransactionEventType, TransactionItem
from .transitions import TransactionState, transaction_event_record

TEXT_MAX_LENGTH = 512

# Saleor's amount input → the success event that records it.
AMOUNT_EVENTS = {
    "amount_authorized": TransactionEventType.AUTHORIZATION_SUCCESS,
    "amount_charged": TransactionEventType.CHARGE_SUCCESS,
    "amount_refunded": TransactionEventType.REFUND_SUCCESS,
    "amount_canceled": TransactionEventType.CANCEL_SUCCESS,
}


def _error(field: str, code: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _text(value: str | None, *, field: str) -> str:
    value = (value or "").strip()
    if len(value) > TEXT_MAX_LENGTH:
        raise _error(field, "INVALID", f"Use at most {TEXT_MAX_LENGTH} characters.")
    return value


def _money(field: str, money: tuple, currency: str) -> Decimal:
    amount, given_currency = money
    if given_currency != currency:
        raise _error(
            field,
            "INCORRECT_CURRENCY",
            f"Currency needs to be the same as for order. Expected {currency}.",
        )
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        value = None
    if value is None or not value.is_finite() or value <= 0:
        raise _error(field, "INVALID", "Enter an amount above zero.")
    return value


@transaction.atomic
def order_transaction_create(
    *,
    order_id: int,
    amounts: dict[str, tuple],
    name: str = "",
    message: str = "",
    psp_reference: str = "",
    event_message: str = "",
    event_psp_reference: str = "",
    user=None,
) -> TransactionItem:
    """Record a manual transaction: each amount given as its own success event.

    ``amounts`` maps ``amount_charged`` (and authorized, refunded,
    canceled) to (amount, currency). No gateway holds the money, so staff
    settle anything further outside Lumbar; the order's totals follow.
    """
    name = _text(name, field="name")
    message = _text(message, field="message")
    psp_reference = _text(psp_reference, field="pspReference")
    event_message = _text(event_message, field="transactionEvent")
    event_psp_reference = _text(event_psp_reference, field="transactionEvent")
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise _error("id", "NOT_FOUND", "Order not found.")
    values = {
        key: _money(key, money, order.currency)
        for key, money in amounts.items()
        if money is not None
    }
    if not values:
        raise _error(
            "transaction",
            "INVALID",
            "Give at least one of amountAuthorized, amountCharged, amountRefunded "
            "or amountCanceled.",
        )
    item = TransactionItem.objects.create(
        order=order,
        name=name,
        message=message,
        psp_reference=psp_reference,
        currency=order.currency,
    )
    for key, event_type in AMOUNT_EVENTS.items():
        if key not in values:
            continue
        transaction_event_record(
            item=item,
            event_type=event_type,
            amount=values[key],
            order=order,
            psp_reference=event_psp_reference or psp_reference,
            message=event_message,
            user=user,
            # Nothing was asked of a gateway: each amount is a first step.
            state=TransactionState.NEW,
        )
    return item
