"""Order writes after the order is born."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from backend.warehouse.models import Allocation, Stock
from backend.warehouse.stock_versions import stock_rows_changed

from .errors import OrderErrorCode, order_error
from .models import Order, OrderEvent, OrderEvents, OrderStatus

# Longer notes belong in a document, not the order's timeline.
NOTE_MAX_LENGTH = 10_000

CANCELABLE = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)


@transaction.atomic
def order_cancel(*, order_id: int, user=None) -> Order:
    """Cancel an unfulfilled order and release the stock it held."""
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise ValidationError(
            {"id": ValidationError("Order not found.", code="NOT_FOUND")}
        )
    if order.status not in CANCELABLE:
        raise ValidationError(
            {
                "id": ValidationError(
                    "This order can't be canceled.", code="CANNOT_CANCEL_ORDER"
                )
            }
        )
    allocations = list(
        Allocation.objects.filter(order_line__order=order).order_by("stock_id")
    )
    # Lock in pk order, the same order checkout_complete uses.
    list(
        Stock.objects.select_for_update()
        .filter(pk__in=[allocation.stock_id for allocation in allocations])
        .order_by("pk")
    )
    for allocation in allocations:
        Stock.objects.filter(pk=allocation.stock_id).update(
            quantity_allocated=F("quantity_allocated") - allocation.quantity_allocated
        )
    Allocation.objects.filter(pk__in=[a.pk for a in allocations]).delete()
    stock_rows_changed((a.stock_id for a in allocations), fell=False)
    order.status = OrderStatus.CANCELED
    order.save(update_fields=["status", "updated_at"])
    OrderEvent.objects.create(
        order=order,
        type=OrderEvents.CANCELED,
        user=user if user is not None and user.is_authenticated else None,
    )
    return order


def _actor(user):
    return user if user is not None and user.is_authenticated else None


@transaction.atomic
def order_confirm(*, order_id: int, user=None) -> Order:
    """Confirm an unconfirmed order so it can be fulfilled."""
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise order_error("id", "Order not found.", OrderErrorCode.NOT_FOUND)
    if order.status != OrderStatus.UNCONFIRMED:
        raise order_error(
            "id",
            "Provided order id belongs to non-unconfirmed order",
            OrderErrorCode.INVALID,
        )
    order.status = OrderStatus.UNFULFILLED
    order.save(update_fields=["status", "updated_at"])
    OrderEvent.objects.create(
        order=order, type=OrderEvents.CONFIRMED, user=_actor(user)
    )
    return order


def _note_message(message: str) -> str:
    message = (message or "").strip()
    if not message:
        raise ValidationError(
            {"message": ValidationError("Message can't be empty.", code="REQUIRED")}
        )
    if len(message) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {
                "message": ValidationError(
                    f"A note can be at most {NOTE_MAX_LENGTH} characters.",
                    code="INVALID",
                )
            }
        )
    return message


@transaction.atomic
def order_note_add(*, order_id: int, message: str, user=None) -> OrderEvent:
    """Add a staff note to the order's timeline."""
    message = _note_message(message)
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise order_error("order", "Order not found.", OrderErrorCode.NOT_FOUND)
    return OrderEvent.objects.create(
        order=order,
        type=OrderEvents.NOTE_ADDED,
        user=_actor(user),
        parameters={"message": message},
    )


NOTES = (OrderEvents.NOTE_ADDED, OrderEvents.NOTE_UPDATED)


@transaction.atomic
def order_note_update(*, note_id: int, message: str, user=None) -> OrderEvent:
    """Edit a note: a NOTE_UPDATED event that names the note it replaces."""
    message = _note_message(message)
    note = OrderEvent.objects.filter(pk=note_id, type__in=NOTES).first()
    if note is None:
        raise ValidationError(
            {
                "note": ValidationError(
                    "There is no note with this id.", code="NOT_FOUND"
                )
            }
        )
    order = Order.objects.select_for_update().get(pk=note.order_id)
    return OrderEvent.objects.create(
        order=order,
        type=OrderEvents.NOTE_UPDATED,
        user=_actor(user),
        parameters={"message": message, "related_event": note.pk},
    )
