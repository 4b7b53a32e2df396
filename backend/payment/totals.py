"""The one rule for what an order's or a checkout's transactions cover."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from backend.order.models import Order, OrderAuthorizeStatus, OrderChargeStatus


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


def payment_totals(*, transactions, total: Decimal) -> PaymentTotals:
    """Sum the transactions' charged and authorized amounts and rate them."""
    sums = transactions.aggregate(
        charged=Sum("amount_charged_value"), authorized=Sum("amount_authorized_value")
    )
    charged = sums["charged"] or Decimal(0)
    authorized = sums["authorized"] or Decimal(0)
    charge_status, authorize_status = payment_statuses(
        charged=charged, authorized=authorized, total=total
    )
    return PaymentTotals(
        charged=charged,
        authorized=authorized,
        charge_status=charge_status,
        authorize_status=authorize_status,
    )


def order_payment_totals_update(*, order: Order) -> Order:
    """Store the order's charged and authorized totals and statuses.

    Call it under the order's lock, after a transaction's amounts changed.
    """
    totals = payment_totals(
        transactions=order.payment_transactions.all(), total=order.total_amount
    )
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
