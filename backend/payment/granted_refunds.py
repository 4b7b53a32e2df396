"""Grant a refund on an order: what staff agreed to give back, and why."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from backend.order.models import Order

from .models import (
    OrderGrantedRefund,
    OrderGrantedRefundLine,
    OrderGrantedRefundStatus,
    TransactionEventType,
    TransactionItem,
)
from .transaction_actions import REFUND, transaction_request_action

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


def _lock_granted(
    granted_refund_id: int, *, field: str = "id"
) -> tuple[Order, OrderGrantedRefund]:
    """Lock the order first, then its granted refund, as every writer does."""
    order_id = (
        OrderGrantedRefund.objects.filter(pk=granted_refund_id)
        .values_list("order_id", flat=True)
        .first()
    )
    if order_id is None:
        raise _error(field, "NOT_FOUND", "Granted refund not found.")
    order = Order.objects.select_for_update().get(pk=order_id)
    granted = OrderGrantedRefund.objects.select_for_update().get(pk=granted_refund_id)
    return order, granted


@transaction.atomic
def order_grant_refund_update(
    *,
    granted_refund_id: int,
    amount: Decimal | None = None,
    reason: str | None = None,
    add_lines: list[GrantedLine] = (),
    remove_line_ids: list[int] = (),
    grant_refund_for_shipping: bool | None = None,
    transaction_token: UUID | str | None = None,
    user=None,
) -> OrderGrantedRefund:
    """Change a granted refund not yet paid: its lines, shipping, amount, payment.

    Without an amount, a change of lines or shipping sets it again from
    them, capped at what the payment charged, as on creation.
    """
    if (
        amount is None
        and reason is None
        and not add_lines
        and not remove_line_ids
        and grant_refund_for_shipping is None
        and transaction_token is None
    ):
        raise _error(
            "input",
            "REQUIRED",
            "At least one field needs to be provided to process update.",
        )
    order, granted = _lock_granted(granted_refund_id)
    if granted.status in (
        OrderGrantedRefundStatus.PENDING,
        OrderGrantedRefundStatus.SUCCESS,
    ):
        raise _error(
            "id", "INVALID", "A refund already sent to the payment cannot be changed."
        )
    item = granted.transaction_item
    if transaction_token is not None:
        item = TransactionItem.objects.filter(
            order=order, token=transaction_token
        ).first()
        if item is None:
            raise _error(
                "transactionId",
                "NOT_FOUND",
                "No transaction with this id belongs to the order.",
            )
    if reason is not None:
        granted.reason = _clean_reason(reason, field="reason")
    own = {line.pk: line for line in granted.lines.all()}
    missing = [pk for pk in remove_line_ids if pk not in own]
    if missing:
        raise _error(
            "removeLines",
            "INVALID",
            "Some lines are not part of this granted refund.",
            remove_lines=[
                _line_error(pk, "NOT_FOUND", "id", "No such line in this refund.")
                for pk in missing
            ],
        )
    OrderGrantedRefundLine.objects.filter(pk__in=remove_line_ids).delete()
    kept = {own[pk].order_line_id for pk in own if pk not in remove_line_ids}
    twice = [line for line in add_lines if _uuid_of(line) in kept]
    if twice:
        raise _error(
            "addLines",
            "INVALID",
            "Some lines cannot be refunded.",
            add_lines=[
                _line_error(
                    str(line.order_line_id),
                    "INVALID",
                    "id",
                    "The line is already in this refund; remove it first.",
                )
                for line in twice
            ],
        )
    try:
        cleaned_lines = _clean_lines(order, list(add_lines)) if add_lines else []
    except ValidationError as error:
        (problem,) = error.error_dict["lines"]
        raise _error(
            "addLines",
            "INVALID",
            problem.message,
            add_lines=problem.params["lines"],
        ) from None
    if grant_refund_for_shipping and (
        order.granted_refunds.exclude(pk=granted.pk)
        .filter(shipping_costs_included=True)
        .exists()
    ):
        raise _error(
            "grantRefundForShipping",
            "SHIPPING_COSTS_ALREADY_GRANTED",
            "Shipping costs have already been granted as a refund.",
        )
    if grant_refund_for_shipping is not None:
        granted.shipping_costs_included = grant_refund_for_shipping
    OrderGrantedRefundLine.objects.bulk_create(
        OrderGrantedRefundLine(
            granted_refund=granted,
            order_line=order_line,
            quantity=quantity,
            reason=line_reason,
        )
        for order_line, quantity, line_reason in cleaned_lines
    )
    charged = item.amount_charged_value if item is not None else None
    if amount is not None:
        value = _clean_amount(amount)
    elif add_lines or remove_line_ids or grant_refund_for_shipping is not None:
        value = sum(
            (
                line.order_line.unit_price_amount * line.quantity
                for line in granted.lines.select_related("order_line")
            ),
            Decimal(0),
        )
        if granted.shipping_costs_included:
            value += order.shipping_price_amount
        value = min(value, charged) if charged is not None else value
    else:
        value = granted.amount_value
    if charged is not None and value > charged:
        raise _error(
            "amount",
            "AMOUNT_GREATER_THAN_AVAILABLE",
            f"The transaction charged only {charged} {item.currency}.",
        )
    granted.amount_value = value
    granted.transaction_item = item
    granted.save(
        update_fields=[
            "amount_value",
            "reason",
            "shipping_costs_included",
            "transaction_item",
            "updated_at",
        ]
    )
    return granted


def _uuid_of(line: GrantedLine):
    try:
        return UUID(str(line.order_line_id))
    except ValueError:
        return None


def _refund_error(field: str, code: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def granted_refund_request(
    *,
    granted_refund_id: int,
    transaction_token: UUID | str | None = None,
    user=None,
) -> TransactionItem:
    """Send a granted refund to its payment's gateway; mark how it went."""
    order, granted = _lock_granted(granted_refund_id, field="grantedRefundId")
    if granted.status == OrderGrantedRefundStatus.SUCCESS:
        raise _refund_error(
            "grantedRefundId",
            "REFUND_ALREADY_PROCESSED",
            "The granted refund has already been refunded.",
        )
    if granted.status == OrderGrantedRefundStatus.PENDING:
        raise _refund_error(
            "grantedRefundId",
            "REFUND_IS_PENDING",
            "The granted refund is waiting for the gateway's answer.",
        )
    item = granted.transaction_item
    if item is None:
        item = (
            TransactionItem.objects.filter(order=order, token=transaction_token).first()
            if transaction_token is not None
            else None
        )
        if item is None:
            raise _refund_error(
                "id",
                "NOT_FOUND",
                "Give the id of a transaction of the order to refund from.",
            )
    if granted.amount_value > item.amount_charged_value:
        raise _refund_error(
            "grantedRefundId",
            "AMOUNT_GREATER_THAN_AVAILABLE",
            f"The transaction has only {item.amount_charged_value} {item.currency} "
            "charged to refund.",
        )
    transaction_request_action(
        transaction_token=item.token,
        action=REFUND,
        amount=granted.amount_value,
        reason=granted.reason,
        user=user,
    )
    last = item.events.order_by("-pk").first()
    granted.status = (
        OrderGrantedRefundStatus.SUCCESS
        if last.type == TransactionEventType.REFUND_SUCCESS
        else OrderGrantedRefundStatus.FAILURE
    )
    granted.transaction_item = item
    granted.save(update_fields=["status", "transaction_item", "updated_at"])
    item.refresh_from_db()
    return item
