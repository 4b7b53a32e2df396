"""checkout_complete: the only place an order is born."""

import copy
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone

from backend.account.models import Address
from backend.core.compiled_sql import compiled_objects, id_in
from backend.core.enqueue import enqueue_on_commit
from backend.order.models import (
    Order,
    OrderEvent,
    OrderEvents,
    OrderLine,
    OrderStatus,
)
from backend.order.tasks import send_order_confirmation_email
from backend.payment.models import TransactionItem
from backend.shipping.promise import DeliveryPromise
from backend.warehouse.models import Allocation, Reservation, Stock
from backend.warehouse.stock_versions import stock_changed

from .details import checkout_shipping_method_applies
from .errors import CheckoutErrorCode, checkout_error
from .models import Checkout, CheckoutLine
from .payment import Charge, PaymentInput, record_payment, refund, take_payment
from .promise import checkout_delivery_promises
from .reservations import reservations_enabled, reserved_by_others
from .selectors import (
    CheckoutLineInfo,
    checkout_by_token,
    checkout_lines_info,
    checkout_totals,
)
from .validation import validate_quantity_limits, validate_variants_sellable
from .vouchers import (
    AppliedVoucher,
    voucher_applied_get,
    voucher_customer_refusal,
    voucher_refusal,
    voucher_use,
)


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
    taken: list[Charge] = []
    try:
        with transaction.atomic():
            result = _complete_locked(
                checkout_token=checkout_token, payment=payment, user=user, taken=taken
            )
    except BaseException:
        for charge in taken:
            refund(charge)
        raise
    return result


def _complete_locked(
    *, checkout_token, payment: PaymentInput | None, user, taken: list
) -> CheckoutCompleteResult:
    checkout = checkout_by_token(
        checkout_token,
        relations=("channel", "shipping_method", "shipping_address", "billing_address"),
        lock=True,
    )
    if checkout is None:
        return CheckoutCompleteResult(order=_completed_order(checkout_token))
    lines = checkout_lines_info(checkout=checkout)
    voucher = _voucher_locked(checkout=checkout)
    totals = checkout_totals(checkout=checkout, lines=lines, voucher=voucher)
    _validate_ready(checkout=checkout, lines=lines, totals=totals, user=user)
    _validate_voucher(checkout=checkout, voucher=voucher, totals=totals)
    plan, promise = _allocation_plan(checkout=checkout, lines=lines)
    charge = take_payment(checkout=checkout, payment=payment, total=totals.total)
    if charge is not None and charge.action_data:
        return CheckoutCompleteResult(
            order=None,
            confirmation_needed=True,
            confirmation_data=charge.action_data,
        )
    if charge is not None:
        taken.append(charge)
    order, order_lines = _create_order(
        checkout=checkout, lines=lines, totals=totals, user=user, promise=promise
    )
    _allocate(plan=plan, order_lines=order_lines, checkout=checkout)
    if voucher is not None:
        voucher_use(applied=voucher, email=order.user_email)
    record_payment(checkout=checkout, order=order, charge=charge)
    checkout_placed_delete(checkout=checkout)
    enqueue_on_commit(send_order_confirmation_email, order.pk)
    return CheckoutCompleteResult(order=order)


def checkout_placed_delete(*, checkout: Checkout) -> None:
    """Delete the checkout an order was placed from, as Model.delete() would.

    One statement instead of the collector's five (it reads the lines' ids
    to delete their reservations): its lines' stock reservations, its lines
    and it go, and a transaction still naming it (none: ``record_payment``
    moved them to the order) lets go of it. DELETED_WITH_CHECKOUT lists what
    refers to a checkout; a test fails when a new relation is not in it.
    """
    with connection.cursor() as cursor:
        cursor.execute(_placed_delete_sql(), [checkout.pk] * 4)


# What refers to a checkout or its lines, all handled by _placed_delete_sql.
DELETED_WITH_CHECKOUT = {
    (CheckoutLine, "checkout"),
    (Reservation, "checkout_line"),
    (TransactionItem, "checkout"),
}


@functools.cache
def _placed_delete_sql() -> str:
    quote = connection.ops.quote_name

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    line_ids = (
        f"SELECT {column(CheckoutLine, 'id')} FROM {table(CheckoutLine)} "
        f"WHERE {column(CheckoutLine, 'checkout')} = %s"
    )
    return (
        f"WITH released AS (DELETE FROM {table(Reservation)} "
        f"WHERE {column(Reservation, 'checkout_line')} IN ({line_ids})), "
        f"unlinked AS (UPDATE {table(TransactionItem)} "
        f"SET {column(TransactionItem, 'checkout')} = NULL "
        f"WHERE {column(TransactionItem, 'checkout')} = %s), "
        f"lines AS (DELETE FROM {table(CheckoutLine)} "
        f"WHERE {column(CheckoutLine, 'checkout')} = %s) "
        f"DELETE FROM {table(Checkout)} WHERE {column(Checkout, 'token')} = %s"
    )


def _voucher_locked(*, checkout: Checkout) -> AppliedVoucher | None:
    """Lock the checkout's voucher so its uses are counted one buyer at a time."""
    return voucher_applied_get(
        code=checkout.voucher_code, channel_id=checkout.channel_id, lock=True
    )


def _validate_voucher(
    *, checkout: Checkout, voucher: AppliedVoucher | None, totals
) -> None:
    """Refuse a code that expired, ran out or stopped qualifying since it was added."""
    if not checkout.voucher_code:
        return
    error = voucher_refusal(applied=voucher, subtotal=totals.subtotal)
    if error is None:
        error = voucher_customer_refusal(applied=voucher, email=checkout.email)
    if error is not None:
        raise error


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
        lines=lines,
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
    validate_variants_sellable(
        channel=checkout.channel,
        variants=variants.values(),
        # The lines' prices were read with them, in this transaction.
        priced={info.line.variant_id for info in lines if info.unit_price is not None},
    )
    validate_quantity_limits(
        quantities={info.line.variant_id: info.line.quantity for info in lines},
        variants=variants,
        user=checkout.user or user,
    )


# Saleor's name for how _allocation_plan picks warehouses: the soonest to
# ship first, ties by the channel's warehouse order, never by stock level.
ALLOCATION_STRATEGY = "prioritize-sorting-order"

# (checkout line info, [(stock, quantity taken from it)])
AllocationPlan = list[tuple[CheckoutLineInfo, list[tuple[Stock, int]]]]


def _allocation_plan(
    *, checkout: Checkout, lines: list[CheckoutLineInfo]
) -> tuple[AllocationPlan, DeliveryPromise | None]:
    """Lock the lines' stock rows in pk order and choose where each unit comes from.

    Every completion locks stock in the same order, so two buyers of the same
    items queue instead of deadlocking, and each sees what the other took.
    Units come first from the warehouse the delivery promise ships them from,
    so the dates the order keeps are the dates its stock can meet.
    """
    tracked = [info for info in lines if info.line.variant.track_inventory]
    stocks = _stock_locked(
        channel_id=checkout.channel_id,
        variant_ids=sorted({info.line.variant_id for info in tracked}),
    )
    # Units other carts hold (reservations) are not ours to sell.
    held = reserved_by_others(
        stock_ids=[stock.pk for stock in stocks],
        checkout_token=checkout.pk,
        now=timezone.now(),
    )
    by_variant: dict[int, list[Stock]] = defaultdict(list)
    for stock in stocks:
        by_variant[stock.product_variant_id].append(stock)
    promise = _promise(checkout=checkout, lines=lines, by_variant=by_variant, held=held)
    shipped_from = {
        variant_id: shipment.warehouse_id
        for shipment in (promise.shipments if promise else ())
        for variant_id in shipment.variant_ids
    }
    for variant_id, variant_stocks in by_variant.items():
        preferred = shipped_from.get(variant_id)
        variant_stocks.sort(key=lambda stock: stock.warehouse_id != preferred)
    plan: AllocationPlan = []
    for info in tracked:
        needed = info.line.quantity
        taken: list[tuple[Stock, int]] = []
        for stock in by_variant[info.line.variant_id]:
            take = min(
                needed,
                stock.quantity - stock.quantity_allocated - held.get(stock.pk, 0),
            )
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
    return plan, promise


def _stock_locked(*, channel_id: int, variant_ids: list[int]) -> list[Stock]:
    """Lock the variants' stock rows in the channel's warehouses, in pk order.

    Every completion runs it: the SQL is compiled once per process.
    """
    if not variant_ids:
        return []
    return compiled_objects(
        model=Stock,
        key=("checkout-stock-locked", channel_id),
        build=lambda _now, ids: (
            Stock.objects.select_for_update(of=("self",))
            .filter(
                id_in("product_variant_id", ids),
                warehouse__channelwarehouse__channel_id=channel_id,
            )
            .order_by("pk")
        ),
        id_lists=(variant_ids,),
    )


def _promise(
    *, checkout: Checkout, lines: list[CheckoutLineInfo], by_variant, held
) -> DeliveryPromise | None:
    """Promise dates for the order from the locked stock, or None without rules."""
    if checkout.shipping_method_id is None:
        return None
    stock = {
        variant_id: {
            stock.warehouse_id: max(
                stock.quantity - stock.quantity_allocated - held.get(stock.pk, 0), 0
            )
            for stock in stocks
        }
        for variant_id, stocks in by_variant.items()
    }
    promise = checkout_delivery_promises(
        checkout=checkout,
        lines=lines,
        method_ids=[checkout.shipping_method_id],
        now=timezone.now(),
        stock=stock,
    ).get(checkout.shipping_method_id)
    return promise if promise is not None and promise.deliverable else None


def _copy_addresses(*addresses: Address | None) -> list[Address | None]:
    """Return new copies of the addresses, written in one query."""
    snapshots = []
    for address in addresses:
        snapshot = None
        if address is not None:
            snapshot = copy.copy(address)
            snapshot.pk = None
        snapshots.append(snapshot)
    Address.objects.bulk_create([s for s in snapshots if s is not None])
    return snapshots


def _create_order(
    *,
    checkout: Checkout,
    lines: list[CheckoutLineInfo],
    totals,
    user,
    promise: DeliveryPromise | None,
) -> tuple[Order, dict]:
    """Write the order and its lines; return them keyed by checkout line id."""
    method = checkout.shipping_method
    billing_address, shipping_address = _copy_addresses(
        checkout.billing_address, checkout.shipping_address
    )
    order = Order.objects.create(
        status=OrderStatus.UNFULFILLED,
        channel=checkout.channel,
        user=checkout.user or user,
        user_email=checkout.email,
        billing_address=billing_address,
        shipping_address=shipping_address,
        shipping_method=method,
        shipping_method_name=method.name if method else "",
        currency=checkout.currency,
        shipping_price=totals.shipping,
        subtotal=totals.subtotal,
        total=totals.total,
        discount=totals.discount,
        voucher=totals.voucher.voucher if totals.voucher else None,
        voucher_code=totals.voucher.code.code if totals.voucher else "",
        checkout_token=str(checkout.token),
        metadata=checkout.metadata,
        promised_earliest=promise.earliest if promise else None,
        promised_latest=promise.latest if promise else None,
        ship_by=promise.ship_by if promise else None,
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


def _allocate(*, plan: AllocationPlan, order_lines: dict, checkout: Checkout) -> None:
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
    # Pages show what is left to sell: only these products' versions move.
    used = {
        (info.line.variant.product_id, stock.warehouse_id)
        for info, taken in plan
        for stock, _ in taken
    }
    stock_changed(used, fell=True)
    # Units the checkout held go back with it where no allocation took them.
    held = (
        Reservation.objects.filter(checkout_line__checkout=checkout)
        .values_list("stock__product_variant__product_id", "stock__warehouse_id")
        .distinct()
        if reservations_enabled()
        else []
    )
    stock_changed(set(held) - used, fell=False)
