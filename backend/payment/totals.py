"""Keep an order's payment totals and statuses in step with its transactions."""

from decimal import Decimal

from django.db.models import Sum

from backend.order.models import Order, OrderAuthorizeStatus, OrderChargeStatus


def order_payment_totals_update(*, order: Order) -> Order:
    """Recompute charged and authorized totals and statuses, as Saleor does.

    Call it under the order's lock, after a transaction's amounts changed.
    """
    sums = order.payment_transactions.aggregate(
        charged=Sum("amount_charged_value"), authorized=Sum("amount_authorized_value")
    )
    charged = sums["charged"] or Decimal(0)
    authorized = sums["authorized"] or Decimal(0)
    total = order.total_amount
    if charged <= 0:
        charge_status = OrderChargeStatus.NONE
    elif charged < total:
        charge_status = OrderChargeStatus.PARTIAL
    elif charged == total:
        charge_status = OrderChargeStatus.FULL
    else:
        charge_status = OrderChargeStatus.OVERCHARGED
    covered = charged + authorized
    if covered <= 0:
        authorize_status = OrderAuthorizeStatus.NONE
    elif covered < total:
        authorize_status = OrderAuthorizeStatus.PARTIAL
    else:
        authorize_status = OrderAuthorizeStatus.FULL
    order.total_charged_amount = charged
    order.total_authorized_amount = authorized
    order.charge_status = charge_status
    order.authorize_status = authorize_status
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
