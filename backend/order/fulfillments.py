"""Fulfilments: send an order's lines, cancel a parcel, approve, track.

Every write locks in one order: the order row, its lines, then stock rows by
primary key (as checkout_complete and order_cancel do), so two staff
fulfilling the same line at once cannot send more than was sold, and stock
never goes below zero.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Sum

from backend.core.enqueue import enqueue_on_commit
from backend.warehouse.models import Allocation, Stock
from backend.warehouse.stock_versions import stock_rows_changed

from .carriers import fulfillment_carrier_clean
from .errors import OrderErrorCode, order_error
from .models import (
    TRACKING_NUMBER_MAX_LENGTH,
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderChargeStatus,
    OrderEvent,
    OrderEvents,
    OrderLine,
    OrderStatus,
)

# Statuses whose lines count as sent (or owed to the customer elsewhere).
SENT = (FulfillmentStatus.FULFILLED, FulfillmentStatus.WAITING_FOR_APPROVAL)
NOT_FULFILLABLE = (OrderStatus.CANCELED, OrderStatus.UNCONFIRMED)


@dataclass(frozen=True)
class FulfilLine:
    order_line_id: UUID | str
    quantity: int
    warehouse_id: int


def tracking_number_clean(value: str | None) -> str:
    """Return the tracking number trimmed, or refuse it."""
    value = (value or "").strip()
    if len(value) > TRACKING_NUMBER_MAX_LENGTH:
        raise order_error(
            "tracking_number",
            f"Tracking number can be at most {TRACKING_NUMBER_MAX_LENGTH} characters.",
            OrderErrorCode.INVALID,
        )
    if any(unicodedata.category(char).startswith("C") for char in value):
        raise order_error(
            "tracking_number",
            "Tracking number cannot contain control characters.",
            OrderErrorCode.INVALID,
        )
    return value


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def _lock_order(order_id: int) -> Order:
    order = (
        Order.objects.select_for_update(of=("self",))
        .select_related("channel")
        .filter(pk=order_id)
        .first()
    )
    if order is None:
        raise order_error("id", "Order not found.", OrderErrorCode.NOT_FOUND)
    return order


def _lock_stocks(stock_ids: Iterable[int]) -> dict[int, Stock]:
    return {
        stock.pk: stock
        for stock in Stock.objects.select_for_update()
        .filter(pk__in=set(stock_ids))
        .order_by("pk")
    }


def _validate_lines(
    order: Order, lines: list[FulfilLine]
) -> tuple[dict[str, OrderLine], dict[tuple[str, int], int]]:
    """Check the request against what is still owed; return lines and amounts."""
    if not lines:
        raise order_error(
            "lines", "Choose at least one line to fulfil.", OrderErrorCode.REQUIRED
        )
    order_lines = {
        str(line.pk): line
        for line in OrderLine.objects.select_for_update()
        .filter(order=order)
        .order_by("pk")
    }
    wanted: dict[tuple[str, int], int] = {}
    per_line: dict[str, int] = defaultdict(int)
    for index, item in enumerate(lines):
        line_id = str(item.order_line_id)
        if line_id not in order_lines:
            raise order_error(
                "order_line_id",
                "This line is not part of the order.",
                OrderErrorCode.NOT_FOUND,
                index=index,
            )
        if (line_id, item.warehouse_id) in wanted:
            raise order_error(
                "warehouse",
                "A line is given twice for the same warehouse.",
                OrderErrorCode.DUPLICATED_INPUT_ITEM,
                index=index,
            )
        if item.quantity is None or item.quantity <= 0:
            code = (
                OrderErrorCode.ZERO_QUANTITY
                if item.quantity == 0
                else OrderErrorCode.INVALID_QUANTITY
            )
            raise order_error(
                "quantity", "Quantity must be at least 1.", code, index=index
            )
        wanted[(line_id, item.warehouse_id)] = item.quantity
        per_line[line_id] += item.quantity
    for line_id, quantity in per_line.items():
        line = order_lines[line_id]
        left = line.quantity - line.quantity_fulfilled
        if quantity > left:
            raise order_error(
                "order_line_id",
                f"Only {left} of {line.product_name} left to fulfil; {quantity} asked.",
                OrderErrorCode.FULFILL_ORDER_LINE,
                order_line=line_id,
            )
    return order_lines, wanted


def _take_stock(items: list[tuple[OrderLine, Stock | None, int]]) -> None:
    """Remove sent units from stock and release what the lines held for them.

    Each item is (order line, the stock row sent from, quantity). A line's
    allocation in the sending warehouse is released first, then its
    allocations elsewhere, so the order holds nothing it has already sent.
    """
    line_ids = [line.pk for line, _, _ in items]
    allocations = defaultdict(list)
    for allocation in Allocation.objects.filter(order_line_id__in=line_ids).order_by(
        "pk"
    ):
        allocations[allocation.order_line_id].append(allocation)
    stock_ids = {stock.pk for _, stock, _ in items if stock is not None}
    stock_ids |= {a.stock_id for group in allocations.values() for a in group}
    stocks = _lock_stocks(stock_ids)
    sellable_moved: dict[int, int] = defaultdict(int)
    for line, sent_from, quantity in items:
        if sent_from is None:
            raise order_error(
                "warehouse",
                f"{line.product_name} is not stocked in this warehouse.",
                OrderErrorCode.INSUFFICIENT_STOCK,
                order_line=str(line.pk),
            )
        stock = stocks[sent_from.pk]
        held_here = sum(
            a.quantity_allocated for a in allocations[line.pk] if a.stock_id == stock.pk
        )
        free = stock.quantity - (stock.quantity_allocated - held_here)
        if quantity > free:
            raise order_error(
                "warehouse",
                f"Only {max(free, 0)} of {line.product_name} can be sent from "
                "this warehouse.",
                OrderErrorCode.INSUFFICIENT_STOCK,
                order_line=str(line.pk),
                warehouse=stock.warehouse_id,
            )
        stock.quantity -= quantity
        sellable_moved[stock.pk] -= quantity
        to_release = quantity
        ordered = sorted(
            allocations[line.pk], key=lambda a: (a.stock_id != stock.pk, a.pk)
        )
        for allocation in ordered:
            if to_release == 0:
                break
            released = min(allocation.quantity_allocated, to_release)
            if released == 0:
                continue
            allocation.quantity_allocated -= released
            stocks[allocation.stock_id].quantity_allocated -= released
            sellable_moved[allocation.stock_id] += released
            to_release -= released
            allocation.save(update_fields=["quantity_allocated"])
    Stock.objects.bulk_update(list(stocks.values()), ["quantity", "quantity_allocated"])
    Allocation.objects.filter(order_line_id__in=line_ids, quantity_allocated=0).delete()
    # Sent from where they were held, units leave what shoppers can buy as
    # it was; only a row whose sellable quantity moved moves versions.
    stock_rows_changed(
        (pk for pk, moved in sellable_moved.items() if moved), fell=False
    )


def order_status_refresh(order: Order) -> None:
    """Derive the status from what was sent and returned, as Saleor does."""
    if order.status in NOT_FULFILLABLE:
        return
    totals = OrderLine.objects.filter(order=order).values_list(
        "quantity", "quantity_fulfilled"
    )
    ordered = sum(quantity for quantity, _ in totals)
    sent = sum(fulfilled for _, fulfilled in totals)
    returned = (
        FulfillmentLine.objects.filter(
            fulfillment__order=order,
            fulfillment__status=FulfillmentStatus.RETURNED,
        ).aggregate(total=Sum("quantity"))["total"]
        or 0
    )
    if returned and returned >= sent:
        status = OrderStatus.RETURNED
    elif returned:
        status = OrderStatus.PARTIALLY_RETURNED
    elif sent == 0:
        status = OrderStatus.UNFULFILLED
    elif sent < ordered:
        status = OrderStatus.PARTIALLY_FULFILLED
    else:
        status = OrderStatus.FULFILLED
    if status != order.status:
        order.status = status
        order.save(update_fields=["status", "updated_at"])


def _queue_shipped_email(fulfillment: Fulfillment) -> None:
    from .tasks import send_order_shipped_email

    enqueue_on_commit(send_order_shipped_email, fulfillment.pk)


@transaction.atomic
def order_fulfil(
    *,
    order_id: int,
    lines: list[FulfilLine],
    user=None,
    tracking_number: str = "",
    carrier: str = "",
    notify_customer: bool = True,
) -> list[Fulfillment]:
    """Send order lines from warehouses: one fulfilment per warehouse."""
    tracking_number = tracking_number_clean(tracking_number)
    carrier = fulfillment_carrier_clean(
        tracking_number=tracking_number, carrier=carrier or ""
    )
    order = _lock_order(order_id)
    if order.status in NOT_FULFILLABLE:
        raise order_error(
            "order",
            f"A {order.get_status_display().lower()} order cannot be fulfilled.",
            OrderErrorCode.NOT_EDITABLE,
        )
    if (
        not order.channel.allow_unpaid_fulfillments
        and order.charge_status != OrderChargeStatus.FULL
    ):
        raise order_error(
            "order",
            "The order is not fully paid.",
            OrderErrorCode.CANNOT_FULFILL_UNPAID_ORDER,
        )
    order_lines, wanted = _validate_lines(order, lines)
    approved = order.channel.automatically_approve_fulfillments
    stocks = {
        (stock.product_variant_id, stock.warehouse_id): stock
        for stock in Stock.objects.filter(
            product_variant_id__in=[line.variant_id for line in order_lines.values()],
            warehouse_id__in={warehouse_id for _, warehouse_id in wanted},
        )
    }
    by_warehouse: dict[int, list[tuple[OrderLine, Stock | None, int]]] = defaultdict(
        list
    )
    for (line_id, warehouse_id), quantity in wanted.items():
        line = order_lines[line_id]
        stock = stocks.get((line.variant_id, warehouse_id))
        by_warehouse[warehouse_id].append((line, stock, quantity))
    if approved:
        _take_stock([item for items in by_warehouse.values() for item in items])
    number = (
        Fulfillment.objects.filter(order=order).aggregate(n=Max("fulfillment_order"))[
            "n"
        ]
        or 0
    )
    fulfillments = []
    for warehouse_id, items in sorted(by_warehouse.items()):
        number += 1
        fulfillment = Fulfillment.objects.create(
            order=order,
            fulfillment_order=number,
            status=(
                FulfillmentStatus.FULFILLED
                if approved
                else FulfillmentStatus.WAITING_FOR_APPROVAL
            ),
            tracking_number=tracking_number,
            carrier=carrier,
        )
        FulfillmentLine.objects.bulk_create(
            FulfillmentLine(
                fulfillment=fulfillment, order_line=line, stock=stock, quantity=qty
            )
            for line, stock, qty in items
        )
        for line, _, qty in items:
            OrderLine.objects.filter(pk=line.pk).update(
                quantity_fulfilled=F("quantity_fulfilled") + qty
            )
        OrderEvent.objects.create(
            order=order,
            user=_actor(user),
            type=(
                OrderEvents.FULFILLMENT_FULFILLED_ITEMS
                if approved
                else OrderEvents.FULFILLMENT_AWAITS_APPROVAL
            ),
            parameters={
                "fulfillment": fulfillment.composed_id,
                "warehouse": warehouse_id,
                "lines": [
                    {"line_pk": str(line.pk), "quantity": qty} for line, _, qty in items
                ],
            },
        )
        if tracking_number:
            OrderEvent.objects.create(
                order=order,
                user=_actor(user),
                type=OrderEvents.TRACKING_UPDATED,
                parameters={
                    "fulfillment": fulfillment.composed_id,
                    "tracking_number": tracking_number,
                },
            )
        if approved and notify_customer:
            _queue_shipped_email(fulfillment)
        fulfillments.append(fulfillment)
    order_status_refresh(order)
    return fulfillments


def _lock_fulfillment(fulfillment_id: int) -> tuple[Order, Fulfillment]:
    order_id = (
        Fulfillment.objects.filter(pk=fulfillment_id)
        .values_list("order_id", flat=True)
        .first()
    )
    if order_id is None:
        raise order_error("id", "Fulfillment not found.", OrderErrorCode.NOT_FOUND)
    order = _lock_order(order_id)
    fulfillment = Fulfillment.objects.select_for_update().get(pk=fulfillment_id)
    return order, fulfillment


@transaction.atomic
def fulfillment_approve(
    *, fulfillment_id: int, user=None, notify_customer: bool = True
) -> Fulfillment:
    """Send a fulfilment that waited for approval: stock leaves now."""
    order, fulfillment = _lock_fulfillment(fulfillment_id)
    if fulfillment.status != FulfillmentStatus.WAITING_FOR_APPROVAL:
        raise order_error(
            "id",
            "Only a fulfillment waiting for approval can be approved.",
            OrderErrorCode.INVALID,
        )
    lines = list(fulfillment.lines.select_related("order_line", "stock"))
    _take_stock([(fl.order_line, fl.stock, fl.quantity) for fl in lines])
    fulfillment.status = FulfillmentStatus.FULFILLED
    fulfillment.save(update_fields=["status"])
    OrderEvent.objects.create(
        order=order,
        user=_actor(user),
        type=OrderEvents.FULFILLMENT_FULFILLED_ITEMS,
        parameters={"fulfillment": fulfillment.composed_id, "approved": True},
    )
    if notify_customer:
        _queue_shipped_email(fulfillment)
    order_status_refresh(order)
    return fulfillment


@transaction.atomic
def fulfillment_cancel(*, fulfillment_id: int, user=None) -> Fulfillment:
    """Cancel a parcel: its units go back to stock, held again for the order."""
    order, fulfillment = _lock_fulfillment(fulfillment_id)
    if fulfillment.status not in SENT:
        raise order_error(
            "fulfillment",
            f"A {fulfillment.get_status_display().lower()} fulfillment cannot be "
            "canceled.",
            OrderErrorCode.CANNOT_CANCEL_FULFILLMENT,
        )
    lines = list(fulfillment.lines.select_related("order_line"))
    took_stock = fulfillment.status == FulfillmentStatus.FULFILLED
    if took_stock:
        stocks = _lock_stocks(fl.stock_id for fl in lines if fl.stock_id)
        for fl in lines:
            stock = stocks.get(fl.stock_id)
            if stock is None:
                continue  # the stock row was deleted; nothing to return to
            stock.quantity += fl.quantity
            stock.quantity_allocated += fl.quantity
            allocation, _ = Allocation.objects.get_or_create(
                order_line=fl.order_line, stock=stock
            )
            Allocation.objects.filter(pk=allocation.pk).update(
                quantity_allocated=F("quantity_allocated") + fl.quantity
            )
        Stock.objects.bulk_update(
            list(stocks.values()), ["quantity", "quantity_allocated"]
        )
        # Back on the shelf and held again: sellable as before; moved anyway.
        stock_rows_changed(stocks, fell=False)
    for fl in lines:
        OrderLine.objects.filter(pk=fl.order_line_id).update(
            quantity_fulfilled=F("quantity_fulfilled") - fl.quantity
        )
    fulfillment.status = FulfillmentStatus.CANCELED
    fulfillment.save(update_fields=["status"])
    OrderEvent.objects.create(
        order=order,
        user=_actor(user),
        type=OrderEvents.FULFILLMENT_CANCELED,
        parameters={"fulfillment": fulfillment.composed_id},
    )
    if took_stock:
        OrderEvent.objects.create(
            order=order,
            user=_actor(user),
            type=OrderEvents.FULFILLMENT_RESTOCKED_ITEMS,
            parameters={
                "fulfillment": fulfillment.composed_id,
                "quantity": sum(fl.quantity for fl in lines),
            },
        )
    order_status_refresh(order)
    return fulfillment


@transaction.atomic
def fulfillment_tracking_update(
    *,
    fulfillment_id: int,
    tracking_number: str,
    carrier: str | None = None,
    user=None,
    notify_customer: bool = False,
) -> Fulfillment:
    """Set a parcel's tracking number (and carrier); optionally tell the shopper."""
    tracking_number = tracking_number_clean(tracking_number)
    order, fulfillment = _lock_fulfillment(fulfillment_id)
    if fulfillment.status == FulfillmentStatus.CANCELED:
        raise order_error(
            "fulfillment",
            "A canceled fulfillment cannot be tracked.",
            OrderErrorCode.INVALID,
        )
    carrier = fulfillment_carrier_clean(
        tracking_number=tracking_number,
        carrier=fulfillment.carrier if carrier is None else carrier,
    )
    fulfillment.tracking_number = tracking_number
    fields = ["tracking_number"]
    if carrier != fulfillment.carrier:
        fulfillment.carrier = carrier
        fields.append("carrier")
    if notify_customer:
        # A new number is news: let the task send the email again.
        fulfillment.shipped_email_sent_at = None
        fields.append("shipped_email_sent_at")
    fulfillment.save(update_fields=fields)
    OrderEvent.objects.create(
        order=order,
        user=_actor(user),
        type=OrderEvents.TRACKING_UPDATED,
        parameters={
            "fulfillment": fulfillment.composed_id,
            "tracking_number": tracking_number,
        },
    )
    if notify_customer and fulfillment.status == FulfillmentStatus.FULFILLED:
        _queue_shipped_email(fulfillment)
    return fulfillment


def order_remaining_lines(*, order_id: int) -> list[FulfilLine]:
    """Return what is still to send, from the warehouses holding it."""
    lines = []
    for allocation in (
        Allocation.objects.filter(
            order_line__order_id=order_id, quantity_allocated__gt=0
        )
        .select_related("stock")
        .order_by("order_line__created_at", "pk")
    ):
        lines.append(
            FulfilLine(
                order_line_id=allocation.order_line_id,
                quantity=allocation.quantity_allocated,
                warehouse_id=allocation.stock.warehouse_id,
            )
        )
    return lines


def orders_fulfil_bulk(
    *, parcels: list[tuple[int, str]], carrier: str = "", user=None
) -> dict[int, list[Fulfillment] | ValidationError]:
    """Send every held line of each order, each with its own tracking number.

    Each order is its own transaction: one refusal leaves the others sent.
    Returns, per order id, its fulfilments or the error that refused it.
    """
    results: dict[int, list[Fulfillment] | ValidationError] = {}
    for order_id, tracking_number in parcels:
        lines = order_remaining_lines(order_id=order_id)
        try:
            if not lines:
                raise order_error(
                    "lines",
                    "Nothing is held for this order to send.",
                    OrderErrorCode.FULFILL_ORDER_LINE,
                )
            results[order_id] = order_fulfil(
                order_id=order_id,
                lines=lines,
                user=user,
                tracking_number=tracking_number,
                carrier=carrier,
            )
        except ValidationError as error:
            results[order_id] = error
    return results


@transaction.atomic
def fulfillment_return(*, fulfillment_id: int, restock: bool, user=None) -> Fulfillment:
    """Mark a sent parcel as come back; put its units on the shelf if asked."""
    order, fulfillment = _lock_fulfillment(fulfillment_id)
    if fulfillment.status != FulfillmentStatus.FULFILLED:
        raise order_error(
            "fulfillment",
            "Only a sent fulfillment can be marked returned.",
            OrderErrorCode.INVALID,
        )
    lines = list(fulfillment.lines.all())
    if restock:
        stocks = _lock_stocks(fl.stock_id for fl in lines if fl.stock_id)
        for fl in lines:
            if fl.stock_id in stocks:
                stocks[fl.stock_id].quantity += fl.quantity
        Stock.objects.bulk_update(list(stocks.values()), ["quantity"])
        stock_rows_changed(stocks, fell=False)
    fulfillment.status = FulfillmentStatus.RETURNED
    fulfillment.save(update_fields=["status"])
    OrderEvent.objects.create(
        order=order,
        user=_actor(user),
        type=OrderEvents.FULFILLMENT_RETURNED,
        parameters={
            "fulfillment": fulfillment.composed_id,
            "restocked": restock,
            "quantity": sum(fl.quantity for fl in lines),
        },
    )
    order_status_refresh(order)
    return fulfillment
