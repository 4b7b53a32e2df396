"""checkout_complete: the only place an order is born."""

import copy
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.db.models import Sum
from prices import Money

from backend.account.models import Address
from backend.order.models import (
    Order,
    OrderAuthorizeStatus,
    OrderChargeStatus,
    OrderEvent,
    OrderEvents,
    OrderLine,
    OrderStatus,
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
from backend.warehouse.models import Allocation, Stock

from .details import checkout_shipping_method_applies
from .errors import CheckoutErrorCode, checkout_error
from .models import Checkout
from .selectors import CheckoutLineInfo, checkout_lines_info, checkout_totals
from .validation import validate_quantity_limits, validate_variants_sellable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PaymentInput:
    gateway_id: str
    token: str


@dataclass(frozen=True)
class CheckoutCompleteResult:
    order: Order | None
    # The gateway wants an extra step (e.g. 3-D Secure); no order yet.
    confirmation_needed: bool = False
    confirmation_data: dict = field(default_factory=dict)


def checkout_complete(
    *,
    checkout_token: UUID | str,
    payment: PaymentInput | None = None,
    user=None,
) -> CheckoutCompleteResult:
    """Turn the checkout into an order, holding its stock, in one transaction.

    Calling it again for a completed checkout returns the same order.
    """
    # Money taken before the transaction fails must go back to the shopper.
    taken: list[_Charge] = []
    try:
        with transaction.atomic():
            result = _complete_locked(
                checkout_token=checkout_token, payment=payment, user=user, taken=taken
            )
    except BaseException:
        for charge in taken:
            _refund(charge)
        raise
    return result


def _complete_locked(
    *, checkout_token, payment: PaymentInput | None, user, taken: list
) -> CheckoutCompleteResult:
    checkout = (
        Checkout.objects.select_for_update(of=("self",))
        .select_related(
            "channel", "shipping_method", "shipping_address", "billing_address"
        )
        .by_token(checkout_token)
        .first()
    )
    if checkout is None:
        return CheckoutCompleteResult(order=_completed_order(checkout_token))
    lines = checkout_lines_info(checkout=checkout)
    totals = checkout_totals(checkout=checkout, lines=lines)
    _validate_ready(checkout=checkout, lines=lines, totals=totals, user=user)
    plan = _allocation_plan(checkout=checkout, lines=lines)
    charge = _take_payment(checkout=checkout, payment=payment, total=totals.total)
    if charge is not None and charge.action_data:
        return CheckoutCompleteResult(
            order=None,
            confirmation_needed=True,
            confirmation_data=charge.action_data,
        )
    if charge is not None:
        taken.append(charge)
    order, order_lines = _create_order(
        checkout=checkout, lines=lines, totals=totals, user=user
    )
    _allocate(plan=plan, order_lines=order_lines)
    _record_payment(checkout=checkout, order=order, charge=charge)
    checkout.delete()
    return CheckoutCompleteResult(order=order)


def _completed_order(checkout_token: UUID | str) -> Order:
    order = Order.objects.filter(checkout_token=str(checkout_token)).first()
    if order is None:
        raise checkout_error(
            field="id",
            code=CheckoutErrorCode.NOT_FOUND,
            message=f"Couldn't resolve to a node: {checkout_token}",
        )
    return order


def _validate_ready(
    *, checkout: Checkout, lines: list[CheckoutLineInfo], totals, user
) -> None:
    if not lines:
        raise checkout_error(
            field="lines",
            code=CheckoutErrorCode.NO_LINES,
            message="Cannot complete checkout without lines.",
        )
    if not checkout.channel.is_active:
        raise checkout_error(
            field="channel",
            code=CheckoutErrorCode.CHANNEL_INACTIVE,
            message=f"Channel {checkout.channel.slug} is inactive.",
        )
    if not checkout.email:
        raise checkout_error(
            field="email",
            code=CheckoutErrorCode.EMAIL_NOT_SET,
            message="Checkout email must be set.",
        )
    shipping_required = any(
        info.line.variant.product.product_type.is_shipping_required for info in lines
    )
    if shipping_required and checkout.shipping_address_id is None:
        raise checkout_error(
            field="shippingAddress",
            code=CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
            message="Shipping address is not set.",
        )
    if shipping_required and checkout.shipping_method_id is None:
        raise checkout_error(
            field="shippingMethod",
            code=CheckoutErrorCode.SHIPPING_METHOD_NOT_SET,
            message="Shipping method is not set.",
        )
    if shipping_required and not checkout_shipping_method_applies(
        checkout=checkout,
        method_id=checkout.shipping_method_id,
        subtotal=totals.subtotal,
    ):
        raise checkout_error(
            field="shippingMethod",
            code=CheckoutErrorCode.INVALID_SHIPPING_METHOD,
            message="Shipping method is not valid for your shipping address.",
        )
    if checkout.billing_address_id is None:
        raise checkout_error(
            field="billingAddress",
            code=CheckoutErrorCode.BILLING_ADDRESS_NOT_SET,
            message="Billing address is not set.",
        )
    variants = {info.line.variant_id: info.line.variant for info in lines}
    validate_variants_sellable(channel=checkout.channel, variants=variants.values())
    validate_quantity_limits(
        quantities={info.line.variant_id: info.line.quantity for info in lines},
        variants=variants,
        user=checkout.user or user,
    )


# (checkout line info, [(stock, quantity taken from it)])
AllocationPlan = list[tuple[CheckoutLineInfo, list[tuple[Stock, int]]]]


def _allocation_plan(
    *, checkout: Checkout, lines: list[CheckoutLineInfo]
) -> AllocationPlan:
    """Lock the lines' stock rows in pk order and choose where each unit comes from.

    Every completion locks stock in the same order, so two buyers of the same
    items queue instead of deadlocking, and each sees what the other took.
    """
    tracked = [info for info in lines if info.line.variant.track_inventory]
    stocks = list(
        Stock.objects.select_for_update(of=("self",))
        .filter(
            product_variant_id__in={info.line.variant_id for info in tracked},
            warehouse__channelwarehouse__channel_id=checkout.channel_id,
        )
        .order_by("pk")
    )
    by_variant: dict[int, list[Stock]] = defaultdict(list)
    for stock in stocks:
        by_variant[stock.product_variant_id].append(stock)
    plan: AllocationPlan = []
    for info in tracked:
        needed = info.line.quantity
        taken: list[tuple[Stock, int]] = []
        for stock in by_variant[info.line.variant_id]:
            take = min(needed, stock.quantity - stock.quantity_allocated)
            if take > 0:
                taken.append((stock, take))
                stock.quantity_allocated += take
                needed -= take
            if needed == 0:
                break
        if needed > 0:
            raise checkout_error(
                field="lines",
                code=CheckoutErrorCode.INSUFFICIENT_STOCK,
                message=f"Insufficient product stock: {info.line.variant}",
            )
        plan.append((info, taken))
    return plan


@dataclass(frozen=True)
class _Charge:
    gateway: PaymentGateway
    gateway_id: str
    psp_reference: str
    amount: Money
    action_data: dict


def _take_payment(
    *, checkout: Checkout, payment: PaymentInput | None, total: Money
) -> _Charge | None:
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
    return _Charge(
        gateway=gateway,
        gateway_id=gateway.id,
        psp_reference=result.psp_reference,
        amount=result.amount,
        action_data=result.action_data if not result.is_success else {},
    )


def _refund(charge: _Charge) -> None:
    """Give back a charge whose order was never written."""
    try:
        charge.gateway.refund(amount=charge.amount, psp_reference=charge.psp_reference)
    except Exception:  # noqa: BLE001 - the original error matters more
        logger.exception("Refund of %s failed", charge.psp_reference)


def _copy_address(address: Address | None) -> Address | None:
    if address is None:
        return None
    snapshot = copy.copy(address)
    snapshot.pk = None
    snapshot.save()
    return snapshot


def _create_order(
    *, checkout: Checkout, lines: list[CheckoutLineInfo], totals, user
) -> tuple[Order, dict]:
    """Write the order and its lines; return them keyed by checkout line id."""
    method = checkout.shipping_method
    order = Order.objects.create(
        status=OrderStatus.UNFULFILLED,
        channel=checkout.channel,
        user=checkout.user or user,
        user_email=checkout.email,
        billing_address=_copy_address(checkout.billing_address),
        shipping_address=_copy_address(checkout.shipping_address),
        shipping_method=method,
        shipping_method_name=method.name if method else "",
        currency=checkout.currency,
        shipping_price=totals.shipping,
        subtotal=totals.subtotal,
        total=totals.total,
        voucher_code=checkout.voucher_code or "",
        checkout_token=str(checkout.token),
        metadata=checkout.metadata,
    )
    order_lines = []
    for info in lines:
        variant = info.line.variant
        order_lines.append(
            OrderLine(
                order=order,
                variant=variant,
                product_name=variant.product.name,
                variant_name=variant.name,
                product_sku=variant.sku,
                product_variant_id=str(variant.pk),
                is_shipping_required=variant.product.product_type.is_shipping_required,
                quantity=info.line.quantity,
                currency=checkout.currency,
                unit_price=info.unit_price,
                total_price=info.total_price,
            )
        )
    OrderLine.objects.bulk_create(order_lines)
    OrderEvent.objects.create(
        order=order, type=OrderEvents.PLACED, user=order.user, parameters={}
    )
    by_checkout_line = {
        info.line.pk: order_line
        for info, order_line in zip(lines, order_lines, strict=True)
    }
    return order, by_checkout_line


def _allocate(*, plan: AllocationPlan, order_lines: dict) -> None:
    """Write the allocations and the stock's new allocated totals.

    The plan already added each allocation to its locked stock row, so one
    bulk update writes them all.
    """
    allocations = []
    stocks: dict[int, Stock] = {}
    for info, taken in plan:
        for stock, quantity in taken:
            allocations.append(
                Allocation(
                    order_line=order_lines[info.line.pk],
                    stock=stock,
                    quantity_allocated=quantity,
                )
            )
            stocks[stock.pk] = stock
    Allocation.objects.bulk_create(allocations)
    Stock.objects.bulk_update(list(stocks.values()), ["quantity_allocated"])


def _record_payment(
    *, checkout: Checkout, order: Order, charge: _Charge | None
) -> None:
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
