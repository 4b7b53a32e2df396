"""Grant a refund on an order: what staff agreed to give back, and why."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from backend.order.models import Order

from .models import OrderGrantedRefund, OrderGrantedRefundLine, TransactionItem

REASON_MAX_LENGTH = 1000


@dataclass(frozen=True)
class GrantedLine:
    order_line_id: UUID | str
    quantity: int
    reason: str = ""


def _error(field: str, code: str, message: str, **params) -> ValidationError:
    return ValidationError(
        {field: ValidationError(message, code=code, params=params or None)}
    )


def _line_error(line_id, code: str, field: str, message: str) -> dict:
    return {"line_id": line_id, "code": code, "field": field, "message": message}


def _clean_reason(reason: str | None, *, field: str) -> str:
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise _error(
            field,
            "INVALID",
            f"A reason can be at most {REASON_MAX_LENGTH} characters.",
        )
    return reason


def _clean_lines(order: Order, lines: list[GrantedLine]) -> list[tuple]:
    """Return (order line, quantity, reason) or raise with one error per line."""
    order_lines = {str(line.pk): line for line in order.lines.all()}
    granted = dict(
        OrderGrantedRefundLine.objects.filter(order_line__order=order)
        .values("order_line_id")
        .annotate(total=Sum("quantity"))
        .values_list("order_line_id", "total")
    )
    problems, cleaned, seen = [], [], set()
    for line in lines:
        key = str(line.order_line_id)
        order_line = order_lines.get(key)
        if order_line is None:
            problems.append(
                _line_error(key, "NOT_FOUND", "id", "No such line in this order.")
            )
            continue
        if key in seen:
            problems.append(
                _line_error(key, "INVALID", "id", "The line is given more than once.")
            )
            continue
        seen.add(key)
        left = order_line.quantity - granted.get(order_line.pk, 0)
        if line.quantity <= 0:
            problems.append(
                _line_error(key, "INVALID", "quantity", "Enter a quantity above zero.")
            )
        elif line.quantity > left:
            problems.append(
                _line_error(
                    key,
                    "QUANTITY_GREATER_THAN_AVAILABLE",
                    "quantity",
                    f"Only {left} of this line can still be granted a refund.",
                )
            )
        else:
            reason = (line.reason or "").strip()[:REASON_MAX_LENGTH]
            cleaned.append((order_line, line.quantity, reason))
    if problems:
        raise _error(
            "lines", "INVALID", "Some lines cannot be refunded.", lines=problems
        )
    return cleaned


def _clean_amount(amount) -> Decimal:
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        value = None
    if value is None or not value.is_finite() or value <= 0:
        raise _error("amount", "INVALID", "Enter an amount above zero.")
    return value


@transaction.atomic
def order_grant_refund_create(
    *,
    order_id: int,
    transaction_token: UUID | str,
    amount: Decimal | None = None,
    reason: str = "",
    lines: list[GrantedLine] = (),
    grant_refund_for_shipping: bool = False,
    user=None,
) -> OrderGrantedRefund:
    """Record a refund staff grant on an order, to be paid from one payment.

    Without an amount it is the lines' price plus shipping when asked,
    capped at what the payment charged; a given amount must fit in it.
    Lines and shipping can be granted only once.
    """
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise _error("id", "NOT_FOUND", "Order not found.")
    item = TransactionItem.objects.filter(order=order, token=transaction_token).first()
    if item is None:
        raise _error(
            "transactionId",
            "NOT_FOUND",
            "No transaction with this id belongs to the order.",
        )
    if amount is None and not lines and not grant_refund_for_shipping:
        raise _error(
            "amount",
            "REQUIRED",
            "Give an amount, lines or grantRefundForShipping.",
        )
    reason = _clean_reason(reason, field="reason")
    cleaned_lines = _clean_lines(order, list(lines)) if lines else []
    if (
        grant_refund_for_shipping
        and order.granted_refunds.filter(shipping_costs_included=True).exists()
    ):
        raise _error(
            "grantRefundForShipping",
            "SHIPPING_COSTS_ALREADY_GRANTED",
            "Shipping costs have already been granted as a refund.",
        )
    if amount is not None:
        value = _clean_amount(amount)
        if value > item.amount_charged_value:
            raise _error(
                "amount",
                "AMOUNT_GREATER_THAN_AVAILABLE",
                f"The transaction charged only {item.amount_charged_value} "
                f"{item.currency}.",
            )
    else:
        value = sum(
            (line.unit_price_amount * quantity for line, quantity, _ in cleaned_lines),
            Decimal(0),
        )
        if grant_refund_for_shipping:
            value += order.shipping_price_amount
        value = min(value, item.amount_charged_value)
        if value <= 0:
            raise _error(
                "amount",
                "AMOUNT_GREATER_THAN_AVAILABLE",
                "The transaction has nothing charged left to grant from.",
            )
    granted = OrderGrantedRefund.objects.create(
        order=order,
        currency=order.currency,
        amount_value=value,
        reason=reason,
        user=user if user is not None and user.is_authenticated else None,
        shipping_costs_included=grant_refund_for_shipping,
        transaction_item=item,
    )
    OrderGrantedRefundLine.objects.bulk_create(
        OrderGrantedRefundLine(
            granted_refund=granted,
            order_line=order_line,
            quantity=quantity,
            reason=line_reason,
        )
        for order_line, quantity, line_reason in cleaned_lines
    )
    return granted
