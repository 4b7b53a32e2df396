"""The one rule for what an order's or a checkout's transactions cover."""

import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from backend.core.compiled_sql import compiled_rows, id_in
from backend.order.models import Order, OrderAuthorizeStatus, OrderChargeStatus

from .models import TransactionEvent, TransactionEventType, TransactionItem


@dataclass(frozen=True)
class PaymentTotals:
    charged: Decimal
    authorized: Decimal
    charge_status: str
    authorize_status: str


def payment_statuses(
    *, charged: Decimal, authorized: Decimal, total: Decimal
) -> tuple[str, str]:
    """Return (charge status, authorize status) for money against a total.

    Saleor's rule: charged equal to the total is FULL, a zero total with
    nothing charged included; a total covered by charged plus authorized
    money is fully authorized, and nothing is owed on a zero total.
    """
    total = max(total, Decimal(0))
    if charged == total:
        charge_status = OrderChargeStatus.FULL
    elif charged <= 0:
        charge_status = OrderChargeStatus.NONE
    elif charged < total:
        charge_status = OrderChargeStatus.PARTIAL
    else:
        charge_status = OrderChargeStatus.OVERCHARGED
    covered = charged + authorized
    if covered >= total:
        authorize_status = OrderAuthorizeStatus.FULL
    elif covered <= 0:
        authorize_status = OrderAuthorizeStatus.NONE
    else:
        authorize_status = OrderAuthorizeStatus.PARTIAL
    return charge_status, authorize_status


def payment_totals(
    *, total: Decimal, order_id: int | None = None, checkout_token=None
) -> PaymentTotals:
    """Sum the order's or the checkout's transactions' charged and authorized
    amounts and rate them.
    """
    if (order_id is None) == (checkout_token is None):
        raise ValueError("Sum the transactions of one order or one checkout.")
    if order_id is not None:
        charged, authorized = _order_paid(order_id)
    else:
        charged, authorized = checkout_paid(checkout_token)
    charge_status, authorize_status = payment_statuses(
        charged=charged, authorized=authorized, total=total
    )
    return PaymentTotals(
        charged=charged,
        authorized=authorized,
        charge_status=charge_status,
        authorize_status=authorize_status,
    )


def checkout_paid(checkout_token) -> tuple[Decimal, Decimal]:
    """Return (charged, authorized) across the checkout's transactions.

    Every payment, completion and checkout answer asks: the SQL is compiled
    once per process.
    """
    sums = compiled_rows(
        model=TransactionItem,
        key=("checkout-payment-sums",),
        build=lambda _now, token: _sums(
            TransactionItem.objects.filter(checkout_id=token), "checkout_id"
        ),
        uuids=(uuid.UUID(str(checkout_token)),),
    )
    return _amounts(sums)


def _order_paid(order_id: int) -> tuple[Decimal, Decimal]:
    sums = compiled_rows(
        model=TransactionItem,
        key=("order-payment-sums",),
        build=lambda _now, ids: _sums(
            TransactionItem.objects.filter(id_in("order_id", ids)), "order_id"
        ),
        id_lists=([order_id],),
    )
    return _amounts(sums)


def _amounts(sums: list[tuple]) -> tuple[Decimal, Decimal]:
    charged, authorized = sums[0] if sums else (None, None)
    return charged or Decimal(0), authorized or Decimal(0)


def _sums(transactions, owner: str):
    return (
        transactions.order_by()
        .values(owner)
        .annotate(
            charged=Sum("amount_charged_value"),
            authorized=Sum("amount_authorized_value"),
        )
        .values_list("charged", "authorized")
    )


def order_payment_totals_update(*, order: Order) -> Order:
    """Store the order's charged and authorized totals and statuses.

    Call it under the order's lock, after a transaction's amounts changed.
    """
    totals = payment_totals(order_id=order.pk, total=order.total_amount)
    order.total_charged_amount = totals.charged
    order.total_authorized_amount = totals.authorized
    order.charge_status = totals.charge_status
    order.authorize_status = totals.authorize_status
    order.save(
        update_fields=[
            "total_charged_amount",
            "total_authorized_amount",
            "charge_status",
            "authorize_status",
            "updated_at",
        ]
    )
    return order


@dataclass(frozen=True)
class TransactionAmounts:
    """A transaction's amounts as Saleor reports them."""

    authorized: Decimal
    charged: Decimal
    refunded: Decimal
    canceled: Decimal
    authorize_pending: Decimal = Decimal(0)
    charge_pending: Decimal = Decimal(0)
    refund_pending: Decimal = Decimal(0)
    cancel_pending: Decimal = Decimal(0)


# An unanswered request → (its pending amount, the amount it draws on).
_PENDING = {
    TransactionEventType.CHARGE_REQUEST: ("charge_pending", "authorized"),
    TransactionEventType.REFUND_REQUEST: ("refund_pending", "charged"),
    TransactionEventType.CANCEL_REQUEST: ("cancel_pending", "authorized"),
}


def transaction_amounts(
    *, item: TransactionItem, last_event: TransactionEvent | None
) -> TransactionAmounts:
    """Return the transaction's amounts, with its unanswered request pending.

    Saleor's rule: money a request asks for is pending until the gateway
    answers, and has left the amount it draws on. Lumbar's state machine
    lets one request wait at a time, so only the last event can be one;
    nothing ever asks to authorize later, so no authorization is pending.
    """
    amounts = {
        "authorized": item.amount_authorized_value,
        "charged": item.amount_charged_value,
        "refunded": item.amount_refunded_value,
        "canceled": item.amount_canceled_value,
    }
    if last_event is not None and last_event.type in _PENDING:
        pending, drawn_on = _PENDING[last_event.type]
        amounts[pending] = last_event.amount_value
        amounts[drawn_on] -= last_event.amount_value
    return TransactionAmounts(**amounts)


@dataclass(frozen=True)
class OrderTransactionTotals:
    """What an order's transactions add up to, in Saleor's order totals."""

    refunded: Decimal
    canceled: Decimal
    authorize_pending: Decimal
    charge_pending: Decimal
    refund_pending: Decimal
    cancel_pending: Decimal
    remaining_grant: Decimal


def order_transaction_totals(
    *, amounts: list[TransactionAmounts], granted_refunds: Decimal
) -> OrderTransactionTotals:
    """Sum an order's transaction amounts; what is granted but not refunded.

    Saleor's remaining grant: the granted refunds less what was refunded or
    is being refunded (negative when more went back than was granted).
    """

    def total(name: str) -> Decimal:
        return sum((getattr(each, name) for each in amounts), Decimal(0))

    return OrderTransactionTotals(
        refunded=total("refunded"),
        canceled=total("canceled"),
        authorize_pending=total("authorize_pending"),
        charge_pending=total("charge_pending"),
        refund_pending=total("refund_pending"),
        cancel_pending=total("cancel_pending"),
        remaining_grant=granted_refunds - total("refunded") - total("refund_pending"),
    )
