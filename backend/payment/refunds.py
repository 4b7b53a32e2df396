"""Refund an order's payment through the gateway that took it."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from prices import Money

from backend.order.errors import OrderErrorCode, order_error
from backend.order.models import Order, OrderEvent, OrderEvents

from .gateways import GatewayNotAvailable, payment_gateway_get
from .models import TransactionEventType, TransactionItem
from .transitions import TransactionStepRefused, transaction_event_record


def _amount(value) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0:
        raise order_error(
            "amount", "Enter an amount above zero.", OrderErrorCode.INVALID
        )
    return amount


def order_refund(*, order_id: int, amount, user=None) -> Order:
    """Give money back from one gateway transaction that covers the amount.

    The gateway is asked first; only its success moves money in our books.
    Its refusal is kept as a REFUND_FAILURE event, then raised. A refund
    that no single gateway transaction covers is refused, so a half-done
    refund is never recorded as whole.
    """
    outcome = _order_refund_locked(order_id=order_id, amount=amount, user=user)
    if isinstance(outcome, ValidationError):
        raise outcome
    return outcome


@transaction.atomic
def _order_refund_locked(*, order_id: int, amount, user) -> Order | ValidationError:
    """Refund under the order's lock; return the gateway's refusal, not raise.

    Returning lets the transaction commit the failure event.
    """
    amount = _amount(amount)
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise order_error("id", "Order not found.", OrderErrorCode.NOT_FOUND)
    items = list(
        TransactionItem.objects.select_for_update()
        .filter(order=order)
        .exclude(gateway="")
        .order_by("pk")
    )
    item = next((i for i in items if i.amount_charged_value >= amount), None)
    if item is None:
        raise order_error(
            "amount",
            f"No payment through a gateway covers {amount} {order.currency}; "
            "refund manual payments outside Lumbar.",
            OrderErrorCode.CANNOT_REFUND,
        )
    try:
        gateway = payment_gateway_get(gateway_id=item.gateway)
    except GatewayNotAvailable:
        raise order_error(
            "amount",
            "The gateway that took this payment is switched off.",
            OrderErrorCode.CANNOT_REFUND,
        ) from None
    try:
        request = transaction_event_record(
            item=item,
            event_type=TransactionEventType.REFUND_REQUEST,
            amount=amount,
            order=order,
            user=user,
        )
    except TransactionStepRefused as refusal:
        raise order_error(
            "amount", refusal.message, OrderErrorCode.CANNOT_REFUND
        ) from None
    result = gateway.refund(
        amount=Money(amount, order.currency),
        psp_reference=item.psp_reference,
        idempotency_key=f"{item.token}:REFUND:{amount}:{request.pk}",
    )
    transaction_event_record(
        item=item,
        event_type=(
            TransactionEventType.REFUND_SUCCESS
            if result.is_success
            else TransactionEventType.REFUND_FAILURE
        ),
        amount=amount,
        order=order,
        psp_reference=result.psp_reference,
        message=result.message,
        user=user,
    )
    if not result.is_success:
        return order_error(
            "amount",
            f"The gateway refused the refund: {result.message or 'no reason given'}.",
            OrderErrorCode.CANNOT_REFUND,
        )
    OrderEvent.objects.create(
        order=order,
        type=OrderEvents.PAYMENT_REFUNDED,
        user=user if user is not None and user.is_authenticated else None,
        parameters={"amount": str(amount), "currency": order.currency},
    )
    return order
