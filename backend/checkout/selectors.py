"""Reads of a checkout: its lines with prices, its totals."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from prices import Money

from backend.product.models import ProductVariant, ProductVariantChannelListing
from backend.shipping.models import ShippingMethodChannelListing

from .models import Checkout, CheckoutLine
from .vouchers import (
    AppliedVoucher,
    voucher_applied_get,
    voucher_discount_amount,
    voucher_refusal,
)


@dataclass(frozen=True)
class CheckoutLineInfo:
    line: CheckoutLine
    # None when the variant is no longer priced in the checkout's channel.
    unit_price: Money | None

    @property
    def total_price(self) -> Money | None:
        if self.unit_price is None:
            return None
        return self.unit_price * self.line.quantity


@dataclass(frozen=True)
class CheckoutTotals:
    subtotal: Money
    shipping: Money
    # What the voucher takes off the subtotal or the shipping; zero if none.
    discount: Money
    total: Money
    # The voucher that gave the discount, if any.
    voucher: AppliedVoucher | None = None

    @property
    def discount_name(self) -> str | None:
        if self.voucher is None:
            return None
        return self.voucher.voucher.name or self.voucher.code.code


# Tells checkout_totals to look the checkout's voucher up itself.
LOOK_UP = object()


def checkout_lines_info(
    *,
    checkout: Checkout,
    variants_by_id: Callable[[list[int]], dict[int, ProductVariant]] | None = None,
) -> list[CheckoutLineInfo]:
    """Return the lines with variant, product and channel price, in two queries.

    ``variants_by_id`` returns the variants of these ids with their product
    and product type (from a cache, say); without it they are joined in.
    """
    lines = checkout.lines.order_by("created_at", "id")
    if variants_by_id is None:
        lines = list(lines.select_related("variant__product__product_type"))
    else:
        lines = list(lines)
        variants = variants_by_id([line.variant_id for line in lines])
        for line in lines:
            if variants.get(line.variant_id) is not None:
                line.variant = variants[line.variant_id]
    listings = ProductVariantChannelListing.objects.filter(
        variant_id__in=[line.variant_id for line in lines],
        channel_id=checkout.channel_id,
        price_amount__isnull=False,
    ).only("variant_id", "price_amount", "currency")
    prices = {listing.variant_id: listing.price for listing in listings}
    return [
        CheckoutLineInfo(line=line, unit_price=prices.get(line.variant_id))
        for line in lines
    ]


def checkout_shipping_price(*, checkout: Checkout) -> Money:
    """Return the price of the chosen shipping method in the checkout's channel."""
    zero = Money(Decimal(0), checkout.currency)
    if checkout.shipping_method_id is None:
        return zero
    listing = ShippingMethodChannelListing.objects.filter(
        shipping_method_id=checkout.shipping_method_id,
        channel_id=checkout.channel_id,
    ).first()
    return listing.price if listing else zero


def lines_subtotal(*, checkout: Checkout, lines: list[CheckoutLineInfo]) -> Money:
    """Return what the lines cost at their channel prices, before shipping."""
    subtotal = Money(Decimal(0), checkout.currency)
    for info in lines:
        if info.total_price is not None:
            subtotal += info.total_price
    return subtotal


def checkout_totals(
    *,
    checkout: Checkout,
    lines: list[CheckoutLineInfo] | None = None,
    voucher: AppliedVoucher | None | object = LOOK_UP,
) -> CheckoutTotals:
    """Return subtotal, shipping, discount and total from the channel listings.

    A voucher the rules refuse (expired, used up, below its minimum spend)
    gives no discount; ``checkout_complete`` refuses to complete with it.
    """
    if lines is None:
        lines = checkout_lines_info(checkout=checkout)
    subtotal = lines_subtotal(checkout=checkout, lines=lines)
    shipping = checkout_shipping_price(checkout=checkout)
    discount = Money(Decimal(0), checkout.currency)
    if voucher is LOOK_UP:
        voucher = voucher_applied_get(
            code=checkout.voucher_code, channel_id=checkout.channel_id
        )
    if checkout.voucher_code and voucher_refusal(applied=voucher, subtotal=subtotal):
        voucher = None
    if voucher is not None and checkout.voucher_code:
        discount = voucher_discount_amount(
            applied=voucher, subtotal=subtotal, shipping=shipping
        )
    else:
        voucher = None
    return CheckoutTotals(
        subtotal=subtotal,
        shipping=shipping,
        discount=discount,
        total=subtotal + shipping - discount,
        voucher=voucher,
    )
