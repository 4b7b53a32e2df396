"""The payment step of checkout_complete: charge, refund, record."""

import logging
from dataclasses import dataclass

from prices import Money

from backend.core.compiled_sql import compiled_objects, id_in
from backend.order.models import (
    Order,
    OrderAuthorizeStatus,
    OrderEvent,
    OrderEvents,
)
from backend.payment.gateways import (
    GatewayNotAvailable,
    PaymentGateway,
    PaymentStatus,
    payment_gateway_get,
)
from backend.payment.models import TransactionEventType, TransactionItem
from backend.payment.totals import order_payment_totals_update, payment_totals
from backend.payment.transitions import (
    PENDING_STATES,
    TransactionState,
    transaction_event_record,
    transaction_last_event,
    transaction_state,
    transactions_pending,
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
        paid = payment_totals(checkout_token=checkout.pk, total=total.amount)
        if paid.authorize_status != OrderAuthorizeStatus.FULL:
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
    """Move the checkout's transactions to the order and sum them on it.

    A session still waiting for the shopper's extra step ends here as a
    failure: the order was placed without it, so it can never charge.
    """
    checkout.payment_transactions.update(order=order, checkout=None)
    # Every completion asks: the SQL is compiled once per process.
    pending = compiled_objects(
        model=TransactionItem,
        key=("order-transactions-pending-locked",),
        build=lambda _now, ids: (
            transactions_pending(TransactionItem.objects.filter(id_in("order_id", ids)))
            .select_for_update(of=("self",))
            .order_by("pk")
        ),
        id_lists=([order.pk],),
    )
    for item in pending:
        transaction_event_record(
            item=item,
            event_type=PENDING_STATES[transaction_state(item)],
            amount=transaction_last_event(item).amount_value,
            order=order,
            message="The checkout was completed without this payment.",
        )
    if charge is not None:
        item = TransactionItem.objects.create(
            order=order,
            name="Test payment" if "test" in charge.gateway_id else "",
            gateway=charge.gateway_id,
            psp_reference=charge.psp_reference,
            currency=order.currency,
        )
        transaction_event_record(
            item=item,
            event_type=TransactionEventType.CHARGE_SUCCESS,
            amount=charge.amount.amount,
            order=order,
            psp_reference=charge.psp_reference,
            state=TransactionState.NEW,
        )
    else:
        order_payment_totals_update(order=order)
    if order.total_charged_amount:
        OrderEvent.objects.create(
            order=order,
            type=OrderEvents.PAYMENT_CHARGED,
            parameters={
                "amount": str(order.total_charged_amount),
                "currency": order.currency,
            },
        )
