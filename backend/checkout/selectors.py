"""Reads of a checkout: its lines with prices, its totals."""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from prices import Money

from backend.core.compiled_sql import compiled_objects, compiled_rows, id_in
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


def checkout_by_token(
    token, *, relations: Iterable[str] = (), lock: bool = False
) -> Checkout | None:
    """Return the checkout with ``relations`` read in, or None (a bad token too).

    ``lock`` locks its row, not its relations', for the open transaction.
    Every mutation reads its checkout so: the SQL is compiled once per
    process for each set of relations (Django took longer to build it than
    PostgreSQL to answer it).
    """
    token = _token_uuid(token)
    if token is None:
        return None
    relations = tuple(relations)
    found = compiled_objects(
        model=Checkout,
        key=("checkout-by-token", relations, lock),
        build=lambda _now, stand_in: _checkout_query(
            token=stand_in, relations=relations, lock=lock
        ),
        uuids=(token,),
    )
    return found[0] if found else None


def checkout_channel_active(token) -> bool | None:
    """Return whether the checkout's channel is active, None for no checkout."""
    token = _token_uuid(token)
    if token is None:
        return None
    rows = compiled_rows(
        model=Checkout,
        key=("checkout-channel-active",),
        build=lambda _now, stand_in: (
            Checkout.objects.filter(pk=stand_in)
            .order_by()
            .values_list("channel__is_active")
        ),
        uuids=(token,),
    )
    return rows[0][0] if rows else None


def _token_uuid(token) -> uuid.UUID | None:
    """Return the token as a UUID, None for text that is not one."""
    try:
        return uuid.UUID(str(token))
    except ValueError:
        return None


def _checkout_query(*, token: uuid.UUID, relations: tuple, lock: bool):
    checkout = Checkout.objects.select_related(*relations).filter(pk=token).order_by()
    return checkout.select_for_update(of=("self",)) if lock else checkout


def checkout_lines_info(
    *,
    checkout: Checkout,
    variants_by_id: Callable[[list[int]], dict[int, ProductVariant]] | None = None,
) -> list[CheckoutLineInfo]:
    """Return the lines with variant, product and channel price, in two queries.

    ``variants_by_id`` returns the variants of these ids with their product
    and product type (from a cache, say); without it they are joined in.
    Both queries are compiled once per process.
    """
    if variants_by_id is None:
        lines = compiled_objects(
            model=CheckoutLine,
            key=("checkout-lines-with-variants",),
            build=lambda _now, token: (
                CheckoutLine.objects.filter(checkout_id=token)
                .select_related("variant__product__product_type")
                .order_by("created_at", "id")
            ),
            uuids=(checkout.pk,),
        )
    else:
        lines = compiled_objects(
            model=CheckoutLine,
            key=("checkout-lines",),
            build=lambda _now, token: CheckoutLine.objects.filter(
                checkout_id=token
            ).order_by("created_at", "id"),
            uuids=(checkout.pk,),
        )
        variants = variants_by_id([line.variant_id for line in lines])
        for line in lines:
            if variants.get(line.variant_id) is not None:
                line.variant = variants[line.variant_id]
    for line in lines:
        # As checkout.lines would: the line's checkout is this one.
        CheckoutLine.checkout.field.set_cached_value(line, checkout)
    prices = variant_prices(
        channel_id=checkout.channel_id, variant_ids=[line.variant_id for line in lines]
    )
    return [
        CheckoutLineInfo(line=line, unit_price=prices.get(line.variant_id))
        for line in lines
    ]


def variant_prices(*, channel_id: int, variant_ids: list[int]) -> dict[int, Money]:
    """Return the channel price of each of these variants that has one."""
    if not variant_ids:
        return {}
    listings = compiled_objects(
        model=ProductVariantChannelListing,
        key=("variant-prices", channel_id),
        build=lambda _now, ids: ProductVariantChannelListing.objects.filter(
            id_in("variant_id", ids), channel_id=channel_id, price_amount__isnull=False
        ).only("variant_id", "price_amount", "currency"),
        id_lists=(variant_ids,),
    )
    return {listing.variant_id: listing.price for listing in listings}


def checkout_shipping_price(*, checkout: Checkout) -> Money:
    """Return the price of the chosen shipping method in the checkout's channel."""
    zero = Money(Decimal(0), checkout.currency)
    if checkout.shipping_method_id is None:
        return zero
    listings = compiled_objects(
        model=ShippingMethodChannelListing,
        key=("shipping-method-price", checkout.channel_id),
        build=lambda _now, ids: (
            ShippingMethodChannelListing.objects.filter(
                id_in("shipping_method_id", ids), channel_id=checkout.channel_id
            )
            .only("price_amount", "currency")
            .order_by("pk")[:1]
        ),
        id_lists=([checkout.shipping_method_id],),
    )
    return listings[0].price if listings else zero


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
