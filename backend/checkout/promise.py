"""Delivery promises for a checkout: one per shipping method it can choose."""

from datetime import datetime

from backend.shipping.promise import DeliveryPromise, PromiseLine
from backend.shipping.promise_rules import (
    lines_promise,
    promise_rules_get,
    stock_by_warehouse,
)
from backend.warehouse.selectors import MAX_CHECKOUT_LINE_QUANTITY

from .models import Checkout
from .selectors import CheckoutLineInfo


def checkout_delivery_promises(
    *,
    checkout: Checkout,
    lines: list[CheckoutLineInfo],
    method_ids: list[int],
    now: datetime,
) -> dict[int, DeliveryPromise]:
    """Return the promise each method makes for the checkout's lines.

    One query (stock per warehouse); the rules come from the cache. Methods
    unknown to the rules get no entry. Without a shipping address the
    channel's default country is assumed.
    """
    rules = promise_rules_get(channel_slug=checkout.channel.slug)
    if rules is None or not lines or not method_ids:
        return {}
    variant_ids = [info.line.variant_id for info in lines]
    stock = stock_by_warehouse(variant_ids=variant_ids, channel_slug=rules.channel_slug)
    promise_lines = []
    for info in lines:
        available = stock[info.line.variant_id]
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
