"""Charge, refund or void an order's payment: the order-level door to
``transaction_request_action``, for /ops/ and Saleor's legacy order mutations.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from backend.order.errors import OrderErrorCode, order_error
from backend.order.models import Order, OrderEvent, OrderEvents

from .models import TransactionEventType, TransactionItem
from .transaction_actions import CANCEL, CHARGE, REFUND, transaction_request_action

# action → (the field a refusal names, its code, what to say, success event)
_REFUSALS = {
    REFUND: ("amount", OrderErrorCode.CANNOT_REFUND, "Payment cannot be refunded."),
    CHARGE: (
        "payment",
        OrderErrorCode.CAPTURE_INACTIVE_PAYMENT,
        "Only pre-authorized payments can be captured.",
    ),
    CANCEL: (
        "payment",
        OrderErrorCode.VOID_INACTIVE_PAYMENT,
        "Only pre-authorized payments can be voided.",
    ),
}
_SUCCESS = {
    REFUND: (TransactionEventType.REFUND_SUCCESS, OrderEvents.PAYMENT_REFUNDED),
    CHARGE: (TransactionEventType.CHARGE_SUCCESS, OrderEvents.PAYMENT_CHARGED),
    CANCEL: (TransactionEventType.CANCEL_SUCCESS, None),
}


def _amount(value) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        raise order_error(
            "amount", "Enter an amount above zero.", OrderErrorCode.INVALID
        )
    if amount <= 0:
        raise order_error(
            "amount",
            "Amount should be a positive number.",
            OrderErrorCode.ZERO_QUANTITY,
        )
    return amount


def _covers(item: TransactionItem, action: str, amount: Decimal | None) -> bool:
    if not item.gateway:
        return False  # a manual payment is settled outside Lumbar
    available = (
        item.amount_charged_value if action == REFUND else item.amount_authorized_value
    )
    return available > 0 and (amount is None or available >= amount)


def order_payment_action(
    *, order_id: int, action: str, amount=None, user=None
) -> Order:
    """Charge, refund or void money through the order's latest fitting payment.

    As Saleor's orderCapture, orderRefund and orderVoid do, the newest
    transaction is asked; here the newest one a gateway holds that covers
    the amount, so a later manual payment does not hide the card. Only the
    gateway's success moves money; its refusal is kept on the transaction,
    then raised.
    """
    outcome = _order_payment_action_locked(
        order_id=order_id, action=action, amount=amount, user=user
    )
    if isinstance(outcome, ValidationError):
        raise outcome
    return outcome


def order_refund(*, order_id: int, amount, user=None) -> Order:
    """Give money back from the order's latest gateway payment that covers it."""
    return order_payment_action(
        order_id=order_id, action=REFUND, amount=amount, user=user
    )


@transaction.atomic
def _order_payment_action_locked(
    *, order_id: int, action: str, amount, user
) -> Order | ValidationError:
    """Act under the order's lock; return the gateway's refusal, not raise.

    Returning lets the transaction commit the failure event.
    """
    value = None if action == CANCEL and amount is None else _amount(amount)
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise order_error("id", "Order not found.", OrderErrorCode.NOT_FOUND)
    items = list(
        TransactionItem.objects.select_for_update().filter(order=order).order_by("pk")
    )
    if not items:
        raise order_error(
            "payment",
            "There's no payment associated with the order.",
            OrderErrorCode.PAYMENT_MISSING,
        )
    field, code, refused = _REFUSALS[action]
    item = next((i for i in reversed(items) if _covers(i, action, value)), None)
    if item is None:
        if action == REFUND and value is not None:
            refused = (
                f"No payment through a gateway covers {value} {order.currency}; "
                "refund manual payments outside Lumbar."
            )
        raise order_error(field, refused, code)
    try:
        transaction_request_action(
            transaction_token=item.token, action=action, amount=value, user=user
        )
    except ValidationError as error:
        messages = [message for message in error.messages] or [refused]
        raise order_error(field, messages[0], code) from None
    last = item.events.order_by("-pk").first()
    success_type, order_event = _SUCCESS[action]
    if last.type != success_type:
        verb = {REFUND: "refund", CHARGE: "capture", CANCEL: "void"}[action]
        return order_error(
            field,
            f"The gateway refused the {verb}: {last.message or 'no reason given'}.",
            code if action != REFUND else OrderErrorCode.CANNOT_REFUND,
        )
    if order_event is not None:
        OrderEvent.objects.create(
            order=order,
            type=order_event,
            user=user if user is not None and user.is_authenticated else None,
            parameters={"amount": str(last.amount_value), "currency": order.currency},
        )
    order.refresh_from_db()
    return order
