"""Checks shared by the line services and checkout_complete."""

from collections.abc import Iterable

from django.db.models import Sum
from django.utils import timezone

from backend.channel.models import Channel
from backend.core.compiled_sql import compiled_objects, compiled_rows, id_in
from backend.order.models import OrderLine, OrderStatus
from backend.product.models import (
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.warehouse.selectors import stock_sellable_by_warehouse

from .errors import CheckoutErrorCode, checkout_error

# Saleor's default cap on one checkout line (MAX_CHECKOUT_LINE_QUANTITY).
MAX_CHECKOUT_LINE_QUANTITY = 50


def validate_quantities_positive(quantities: Iterable[int]) -> None:
    """Refuse zero or negative quantities, as Saleor does on create and add."""
    if any(quantity <= 0 for quantity in quantities):
        raise checkout_error(
            field="quantity",
            code=CheckoutErrorCode.ZERO_QUANTITY,
            message="The quantity should be higher than zero.",
        )


def variants_by_id(*, variant_ids: Iterable[int]) -> dict[int, ProductVariant]:
    """Return the variants with their products, refusing an id that does not exist.

    The SQL is compiled once per process (every line change asks).
    """
    wanted = set(variant_ids)
    if not wanted:
        return {}
    found = {
        variant.pk: variant
        for variant in compiled_objects(
            model=ProductVariant,
            key=("checkout-variants-with-products",),
            build=lambda _now, ids: (
                ProductVariant.objects.filter(id_in("pk", ids))
                .select_related("product")
                .order_by()
            ),
            id_lists=(sorted(wanted),),
        )
    }
    missing = wanted - set(found)
    if missing:
        raise checkout_error(
            field="variantId",
            code=CheckoutErrorCode.NOT_FOUND,
            message=f"Couldn't resolve to a node: {sorted(missing)[0]}",
        )
    return found


def validate_variants_sellable(
    *,
    channel: Channel,
    variants: Iterable[ProductVariant],
    priced: set[int] | None = None,
) -> None:
    """Refuse variants not priced in the channel or whose product is not on sale.

    ``priced``: the ids of those priced in the channel, when the caller has
    read their prices already.
    """
    variants = list(variants)
    if not variants:
        return
    variant_ids = [variant.pk for variant in variants]
    # Compiled once per process and channel, as the listings below.
    priced = (
        priced
        if priced is not None
        else {
            variant_id
            for (variant_id,) in compiled_rows(
                model=ProductVariantChannelListing,
                key=("checkout-priced-variants", channel.pk),
                build=lambda _now, ids: ProductVariantChannelListing.objects.filter(
                    id_in("variant_id", ids),
                    channel_id=channel.pk,
                    price_amount__isnull=False,
                ).values_list("variant_id"),
                id_lists=(variant_ids,),
            )
        }
    )
    unpriced = [variant for variant in variants if variant.pk not in priced]
    if unpriced:
        raise checkout_error(
            field="variantId",
            code=CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL,
            message=f"Variant {unpriced[0]} is not available in {channel.slug}.",
        )
    now = timezone.now()
    listings = {
        listing.product_id: listing
        for listing in compiled_objects(
            model=ProductChannelListing,
            key=("checkout-product-listings", channel.pk),
            build=lambda _now, ids: ProductChannelListing.objects.filter(
                id_in("product_id", ids), channel_id=channel.pk
            ),
            id_lists=(sorted({v.product_id for v in variants}),),
        )
    }
    for variant in variants:
        listing = listings.get(variant.product_id)
        published = (
            listing is not None
            and listing.is_published
            and (listing.published_at is None or listing.published_at <= now)
        )
        if not published:
            raise checkout_error(
                field="variantId",
                code=CheckoutErrorCode.PRODUCT_NOT_PUBLISHED,
                message=f"Cannot add lines of {variant.product} which is hidden.",
            )
        if not listing.is_available_for_purchase():
            raise checkout_error(
                field="variantId",
                code=CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE,
                message=f"{variant.product} is not available for purchase.",
            )


def validate_quantity_limits(
    *, quantities: dict[int, int], variants: dict[int, ProductVariant], user=None
) -> None:
    """Refuse a line above Saleor's cap or the variant's per-customer limit."""
    for quantity in quantities.values():
        if quantity > MAX_CHECKOUT_LINE_QUANTITY:
            raise checkout_error(
                field="quantity",
                code=CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
                message=(
                    f"You can buy at most {MAX_CHECKOUT_LINE_QUANTITY} of one "
                    "item in an order."
                ),
            )
    limited = {
        variant_id: variants[variant_id].quantity_limit_per_customer
        for variant_id in quantities
        if variants[variant_id].quantity_limit_per_customer is not None
    }
    if not limited:
        return
    bought = quantities_bought(user=user, variant_ids=list(limited))
    for variant_id, limit in limited.items():
        if quantities[variant_id] + bought.get(variant_id, 0) > limit:
            raise checkout_error(
                field="quantity",
                code=CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
                message=f"Cannot buy more than {limit} of {variants[variant_id]}.",
            )


def quantities_bought(*, user, variant_ids: list[int]) -> dict[int, int]:
    """Return how many of each variant the user has ordered (not canceled)."""
    if user is None or not user.is_authenticated:
        return {}
    rows = (
        OrderLine.objects.filter(order__user=user, variant_id__in=variant_ids)
        .exclude(order__status=OrderStatus.CANCELED)
        .values("variant_id")
        .annotate(total=Sum("quantity"))
    )
    return {row["variant_id"]: row["total"] for row in rows}


def quantities_available(
    *,
    channel: Channel,
    variant_ids: Iterable[int],
    checkout_token=None,
    stock: dict[int, dict[int, int]] | None = None,
) -> dict[int, int]:
    """Return what is left to sell of each variant across the channel's warehouses.

    What the checkout ``checkout_token`` holds itself is left to it.
    ``stock`` is ``stock_sellable_by_warehouse``'s answer for these, when
    the caller has read it already.
    """
    by_warehouse = stock
    if by_warehouse is None:
        by_warehouse = stock_sellable_by_warehouse(
            variant_ids=list(variant_ids),
            channel_slug=channel.slug,
            checkout_token=checkout_token,
        )
    return {
        variant_id: sum(quantities.values())
        for variant_id, quantities in by_warehouse.items()
    }


def validate_stock(
    *,
    channel: Channel,
    quantities: dict[int, int],
    variants: dict[int, ProductVariant],
    field: str = "quantity",
    checkout_token=None,
) -> None:
    """Refuse quantities above what the channel's warehouses have left."""
    tracked = [vid for vid in quantities if variants[vid].track_inventory]
    if not tracked:
        return
    available = quantities_available(
        channel=channel, variant_ids=tracked, checkout_token=checkout_token
    )
    for variant_id in tracked:
        if quantities[variant_id] > available.get(variant_id, 0):
            raise checkout_error(
                field=field,
                code=CheckoutErrorCode.INSUFFICIENT_STOCK,
                message=(
                    f"Could not add items {variants[variant_id]}. Only "
                    f"{available.get(variant_id, 0)} remaining in stock."
                ),
            )
