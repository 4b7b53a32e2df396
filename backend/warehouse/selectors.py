"""Stock reads: how many of a variant a shopper of a channel can buy."""

from collections import defaultdict

from django.db.models import F, Sum
from django.db.models.functions import Greatest

from backend.product.models import ProductVariant

from .models import Stock

# Saleor caps quantityAvailable for a shopper at this many.
MAX_CHECKOUT_LINE_QUANTITY = 50


def variant_quantities_available(
    *, variant_ids: list[int], channel_slug: str, country_code: str | None = None
) -> dict[int, int]:
    """Return the quantity a shopper can buy of each variant in the channel.

    Counts stock in the channel's warehouses, less what is allocated. A
    variant that does not track inventory is always available, up to the
    checkout cap. ``country_code`` narrows to warehouses serving it once
    shipping zones exist; until then every channel warehouse serves.
    """
    rows = (
        Stock.objects.filter(
            product_variant_id__in=variant_ids, warehouse__channels__slug=channel_slug
        )
        .values("product_variant_id")
        .annotate(
            available=Sum(Greatest(F("quantity") - F("quantity_allocated"), 0))
        )
    )
    quantities: dict[int, int] = defaultdict(int)
    for row in rows:
        quantities[row["product_variant_id"]] = row["available"] or 0
    untracked = ProductVariant.objects.filter(
        pk__in=variant_ids, track_inventory=False
    ).values_list("pk", flat=True)
    for variant_id in untracked:
        quantities[variant_id] = MAX_CHECKOUT_LINE_QUANTITY
    return {variant_id: quantities.get(variant_id, 0) for variant_id in variant_ids}


def products_in_stock(*, product_ids: list[int], channel_slug: str) -> set[int]:
    """Return the ids of products with at least one variant a shopper can buy."""
    variants = ProductVariant.objects.filter(product_id__in=product_ids).values_list(
        "pk", "product_id"
    )
    product_of = dict(variants)
    available = variant_quantities_available(
        variant_ids=list(product_of), channel_slug=channel_slug
    )
    return {product_of[variant_id] for variant_id, qty in available.items() if qty > 0}
