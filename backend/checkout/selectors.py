"""Reads of a checkout: its lines with prices, its totals."""

from dataclasses import dataclass
from decimal import Decimal

from prices import Money

from backend.product.models import ProductVariantChannelListing
from backend.shipping.models import ShippingMethodChannelListing

from .models import Checkout, CheckoutLine


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
    total: Money


def checkout_lines_info(*, checkout: Checkout) -> list[CheckoutLineInfo]:
    """Return the lines with variant, product and channel price, in two queries."""
    lines = list(
        checkout.lines.select_related("variant__product__product_type").order_by(
            "created_at", "id"
        )
    )
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


def checkout_totals(
    *, checkout: Checkout, lines: list[CheckoutLineInfo] | None = None
) -> CheckoutTotals:
    """Return the subtotal, shipping and total, priced from the channel listings."""
    if lines is None:
        lines = checkout_lines_info(checkout=checkout)
    subtotal = Money(Decimal(0), checkout.currency)
    for info in lines:
        if info.total_price is not None:
            subtotal += info.total_price
    shipping = checkout_shipping_price(checkout=checkout)
    return CheckoutTotals(
        subtotal=subtotal, shipping=shipping, total=subtotal + shipping
    )
