"""What the cart and checkout pages show: lines, totals, delivery dates.

Every price, total and date is computed here (from the domain's selectors),
so templates only format.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import ngettext
from prices import Money

from backend.checkout.models import Checkout
from backend.checkout.promise import checkout_delivery_promises
from backend.checkout.selectors import (
    CheckoutLineInfo,
    CheckoutTotals,
    checkout_lines_info,
    checkout_totals,
)
from backend.product.selectors import product_first_images
from backend.product.thumbnails import thumbnail_url
from backend.shipping.promise import DeliveryPromise
from backend.shipping.promise_rules import promise_rules_get
from backend.shipping.promise_text import arrival_text, promise_line
from backend.shipping.selectors import shipping_methods_applicable

CART_THUMBNAIL_SIZE = 128


@dataclass(frozen=True)
class CartLine:
    id: str
    variant_id: int
    product_name: str
    product_slug: str
    variant_name: str
    quantity: int
    unit_price: Money | None
    total_price: Money | None
    thumbnail_url: str | None


@dataclass(frozen=True)
class CartView:
    checkout: Checkout
    lines: list[CartLine]
    totals: CheckoutTotals
    # How many items (the sum of the quantities).
    quantity: int
    # The domain's lines, for delivery dates.
    infos: list[CheckoutLineInfo]

    @property
    def is_empty(self) -> bool:
        return not self.lines


def cart_view(*, checkout: Checkout, images: bool = True) -> CartView:
    """Return the checkout's lines with prices and images, and its totals."""
    infos = checkout_lines_info(checkout=checkout)
    first_images = (
        product_first_images(
            product_ids=list({info.line.variant.product_id for info in infos})
        )
        if images and infos
        else {}
    )
    lines = [_cart_line(info, first_images) for info in infos]
    return CartView(
        checkout=checkout,
        lines=lines,
        totals=checkout_totals(checkout=checkout, lines=infos),
        quantity=sum(line.quantity for line in lines),
        infos=infos,
    )


def _cart_line(info: CheckoutLineInfo, first_images: dict) -> CartLine:
    variant = info.line.variant
    media = first_images.get(variant.product_id)
    return CartLine(
        id=str(info.line.pk),
        variant_id=variant.pk,
        product_name=variant.product.name,
        product_slug=variant.product.slug,
        variant_name=variant.name,
        quantity=info.line.quantity,
        unit_price=info.unit_price,
        total_price=info.total_price,
        thumbnail_url=(
            thumbnail_url(media=media, size=CART_THUMBNAIL_SIZE, format="WEBP")
            if media
            else None
        ),
    )


@dataclass(frozen=True)
class DeliveryOption:
    method_id: int
    name: str
    price: Money
    # "Delivered in 2-4 business days"
    transit_text: str
    # "get it by Fri 27 Nov", or "" when the rules give no date.
    arrival_text: str


def _promises(
    *, cart: CartView, method_ids: list[int], now: datetime
) -> dict[int, DeliveryPromise]:
    return checkout_delivery_promises(
        checkout=cart.checkout, lines=cart.infos, method_ids=method_ids, now=now
    )


def _transit_text(*, minimum_days: int | None, maximum_days: int | None) -> str:
    if minimum_days is None and maximum_days is None:
        return ""
    low, high = minimum_days or maximum_days, maximum_days or minimum_days
    if low == high:
        return ngettext(
            "Delivered in %(days)d business day",
            "Delivered in %(days)d business days",
            low,
        ) % {"days": low}
    return f"Delivered in {low}-{high} business days"


def cart_delivery_line(*, cart: CartView) -> str:
    """Return the cart's promise by the cheapest method to the default country."""
    if cart.is_empty:
        return ""
    rules = promise_rules_get(channel_slug=cart.checkout.channel.slug)
    if rules is None:
        return ""
    address = cart.checkout.shipping_address
    country = address.country.code if address else rules.default_country
    options = rules.methods_for(
        country=country,
        subtotal=cart.totals.subtotal,
        product_ids={info.line.variant.product_id for info in cart.infos},
    )
    if not options:
        return ""
    now = timezone.now()
    method_id = options[0].schedule.method_id
    promise = _promises(cart=cart, method_ids=[method_id], now=now).get(method_id)
    return promise_line(promise, now=now) if promise is not None else ""


def delivery_options(*, cart: CartView) -> list[DeliveryOption]:
    """Return the methods that ship the cart to its address, with their dates.

    Which methods apply and their prices come from the shipping domain; the
    cached promise rules only add the dates.
    """
    address = cart.checkout.shipping_address
    if address is None:
        return []
    applicable_methods = shipping_methods_applicable(
        channel_id=cart.checkout.channel_id,
        country=address.country.code,
        subtotal=cart.totals.subtotal,
        product_ids={info.line.variant.product_id for info in cart.infos},
    )
    promises = _promises(
        cart=cart,
        method_ids=[applicable.method.pk for applicable in applicable_methods],
        now=timezone.now(),
    )
    options = []
    for applicable in applicable_methods:
        method = applicable.method
        promise = promises.get(method.pk)
        arrival = arrival_text(promise) if promise and promise.deliverable else ""
        options.append(
            DeliveryOption(
                method_id=method.pk,
                name=method.name,
                price=applicable.price,
                transit_text=_transit_text(
                    minimum_days=method.minimum_delivery_days,
                    maximum_days=method.maximum_delivery_days,
                ),
                arrival_text=arrival,
            )
        )
    return options
