"""The payment step of checkout_complete: charge, refund, record."""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from prices import Money

from backend.order.models import (
    Order,
    OrderAuthorizeStatus,
    OrderChargeStatus,
    OrderEvent,
    OrderEvents,
)
from backend.payment.gateways import (
    GatewayNotAvailable,
    PaymentGateway,
    PaymentStatus,
    payment_gateway_get,
)
from backend.payment.models import (
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)

from .errors import CheckoutErrorCode, checkout_error
from .models import Checkout

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PaymentInput:
    gateway_id: str
    token: str


@dataclass(frozen=True)
class Charge:
    gateway: PaymentGateway
    gateway_id: str
    psp_reference: str
    amount: Money
    action_data: dict


def take_payment(
    *, checkout: Checkout, payment: PaymentInput | None, total: Money
) -> Charge | None:
    if payment is None:
        paid = checkout.payment_transactions.aggregate(
            charged=Sum("amount_charged_value"),
            authorized=Sum("amount_authorized_value"),
        )
        covered = (paid["charged"] or Decimal(0)) + (paid["authorized"] or Decimal(0))
        if total.amount > 0 and covered < total.amount:
            raise checkout_error(
                field="payment",
                code=CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID,
                message="The checkout is not fully paid.",
            )
        return None
    try:
        gateway = payment_gateway_get(gateway_id=payment.gateway_id)
    except GatewayNotAvailable:
        raise checkout_error(
            field="payment",
            code=CheckoutErrorCode.PAYMENT_ERROR,
            message=f"Payment gateway {payment.gateway_id} is not available.",
        ) from None
    result = gateway.charge(amount=total, token=payment.token)
    if result.status == PaymentStatus.DECLINED:
        raise checkout_error(
            field="payment",
            code=CheckoutErrorCode.PAYMENT_ERROR,
            message=result.message or "The payment was declined.",
        )
    return Charge(
        gateway=gateway,
        gateway_id=gateway.id,
        psp_reference=result.psp_reference,
        amount=result.amount,
        action_data=result.action_data if not result.is_success else {},
    )


def refund(charge: Charge) -> None:
    """Give back a charge whose order was never written."""
    try:
        charge.gateway.refund(amount=charge.amount, psp_reference=charge.psp_reference)
    except Exception:  # noqa: BLE001 - the original error matters more
        logger.exception("Refund of %s failed", charge.psp_reference)


def record_payment(*, checkout: Checkout, order: Order, charge: Charge | None) -> None:
    """Move the checkout's transactions to the order and set its charge status."""
    checkout.payment_transactions.update(order=order, checkout=None)
    if charge is not None:
        item = TransactionItem.objects.create(
            order=order,
            name="Test payment" if "test" in charge.gateway_id else "",
            gateway=charge.gateway_id,
            psp_reference=charge.psp_reference,
            currency=order.currency,
            amount_charged=charge.amount,
        )
        TransactionEvent.objects.create(
            transaction=item,
            type=TransactionEventType.CHARGE_SUCCESS,
            psp_reference=charge.psp_reference,
            currency=order.currency,
            amount=charge.amount,
        )
    paid = order.payment_transactions.aggregate(
        charged=Sum("amount_charged_value"),
        authorized=Sum("amount_authorized_value"),
    )
    charged = paid["charged"] or Decimal(0)
    order.total_charged_amount = charged
    order.total_authorized_amount = paid["authorized"] or Decimal(0)
    order.charge_status = _charge_status(charged=charged, total=order.total_amount)
    order.authorize_status = _authorize_status(
        covered=charged + order.total_authorized_amount, total=order.total_amount
    )
    order.save(
        update_fields=[
            "total_charged_amount",
            "total_authorized_amount",
            "charge_status",
            "authorize_status",
            "updated_at",
        ]
    )
    if charged:
        OrderEvent.objects.create(
            order=order,
            type=OrderEvents.PAYMENT_CHARGED,
            parameters={"amount": str(charged), "currency": order.currency},
        )


def _authorize_status(*, covered: Decimal, total: Decimal) -> str:
    if covered >= total:
        return OrderAuthorizeStatus.FULL
    return OrderAuthorizeStatus.PARTIAL if covered > 0 else OrderAuthorizeStatus.NONE


def _charge_status(*, charged: Decimal, total: Decimal) -> str:
    if charged <= 0:
        return OrderChargeStatus.FULL if total <= 0 else OrderChargeStatus.NONE
    if charged < total:
        return OrderChargeStatus.PARTIAL
    if charged > total:
        return OrderChargeStatus.OVERCHARGED
    return OrderChargeStatus.FULL
