"""Mark an order paid by hand: money that came outside any gateway."""

from django.core.exceptions import ValidationError
from django.db import transaction

from backend.order.errors import OrderErrorCode, order_error
from backend.order.models import (
    Order,
    OrderEvent,
    OrderEvents,
    OrderStatus,
)

from .models import TransactionEventType, TransactionItem
from .transitions import TransactionState, transaction_event_record

MANUAL_PAYMENT_NAME = "Manual payment"
REFERENCE_MAX_LENGTH = 512


def order_mark_as_paid_refusal(*, order: Order) -> ValidationError | None:
    """Return why the order cannot be marked as paid, or None if it can."""
    if order.status == OrderStatus.CANCELED:
        return order_error(
            "id", "A canceled order cannot be marked as paid.", OrderErrorCode.INVALID
        )
    if order.billing_address_id is None:
        return order_error(
            "id",
            "Order billing address is required to mark order as paid.",
            OrderErrorCode.BILLING_ADDRESS_NOT_SET,
        )
    if order.total_amount - order.total_charged_amount <= 0:
        return order_error("id", "The order is already paid.", OrderErrorCode.INVALID)
    return None


@transaction.atomic
def order_mark_as_paid(
    *, order_id: int, transaction_reference: str = "", user=None
) -> Order:
    """Record the balance as charged in a manual transaction, as Saleor does."""
    reference = (transaction_reference or "").strip()
    if len(reference) > REFERENCE_MAX_LENGTH:
        raise order_error(
            "transaction_reference",
            f"A reference can be at most {REFERENCE_MAX_LENGTH} characters.",
            OrderErrorCode.INVALID,
        )
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise order_error("id", "Order not found.", OrderErrorCode.NOT_FOUND)
    refusal = order_mark_as_paid_refusal(order=order)
    if refusal is not None:
        raise refusal
    due = order.total_amount - order.total_charged_amount
    item = TransactionItem.objects.create(
        order=order,
        name=MANUAL_PAYMENT_NAME,
        psp_reference=reference,
        currency=order.currency,
    )
    transaction_event_record(
        item=item,
        event_type=TransactionEventType.CHARGE_SUCCESS,
        amount=due,
        order=order,
        psp_reference=reference,
        message="Marked as paid",
        state=TransactionState.NEW,
    )
    OrderEvent.objects.create(
        order=order,
        type=OrderEvents.MARKED_AS_PAID,
        user=user if user is not None and user.is_authenticated else None,
        parameters={
            "transaction_reference": reference,
            "amount": str(due),
            "currency": order.currency,
        },
    )
    return order
