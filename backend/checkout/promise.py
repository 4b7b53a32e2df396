"""Delivery promises for a checkout: one per shipping method it can choose."""

from datetime import datetime

from backend.shipping.promise import DeliveryPromise, PromiseLine
from backend.shipping.promise_rules import lines_promise, promise_rules_get
from backend.warehouse.selectors import (
    MAX_CHECKOUT_LINE_QUANTITY,
    stock_sellable_by_warehouse,
)

from .models import Checkout
from .selectors import CheckoutLineInfo


def checkout_delivery_promises(
    *,
    checkout: Checkout,
    lines: list[CheckoutLineInfo],
    method_ids: list[int],
    now: datetime,
    stock: dict[int, dict[int, int]] | None = None,
) -> dict[int, DeliveryPromise]:
    """Return the promise each method makes for the checkout's lines.

    The one rule for a checkout's dates: the cart, the checkout page, the
    API and checkout_complete all call it. Bulky lines add the handling
    day; untracked variants ship from any warehouse. ``stock`` (variant ->
    warehouse -> units sellable) is for a caller holding the rows locked;
    otherwise one query reads it, the checkout's own reservations counting
    as its own. The rules come from the cache. Methods unknown to the rules
    get no entry. Without a shipping address the channel's default country
    is assumed.
    """
    rules = promise_rules_get(channel_slug=checkout.channel.slug)
    if rules is None or not lines or not method_ids:
        return {}
    if stock is None:
        stock = stock_sellable_by_warehouse(
            variant_ids=[info.line.variant_id for info in lines],
            channel_slug=rules.channel_slug,
            checkout_token=checkout.pk,
        )
    promise_lines = []
    for info in lines:
        available = stock.get(info.line.variant_id, {})
        if not info.line.variant.track_inventory:
            available = dict.fromkeys(
                (w.warehouse_id for w in rules.warehouses), MAX_CHECKOUT_LINE_QUANTITY
            )
        promise_lines.append(
            PromiseLine(
                variant_id=info.line.variant_id,
                quantity=info.line.quantity,
                available=available,
                bulky=rules.is_bulky(info.line.variant.product.product_type_id),
            )
        )
    address = checkout.shipping_address
    schedules = {option.schedule.method_id: option.schedule for option in rules.methods}
    return {
        method_id: lines_promise(
            rules=rules,
            now=now,
            lines=promise_lines,
            method=schedules[method_id],
            country=str(address.country) if address else None,
            postal_code=address.postal_code if address else "",
        )
        for method_id in method_ids
        if method_id in schedules
    }
