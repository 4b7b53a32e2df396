"""Catalog reads shared by the storefront, the API and the demo loader.

Every function here takes many ids at once and runs a fixed number of
queries, so a page or a dataloader pays the same for 5 products as for 50.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from prices import Money, MoneyRange

from .models import ProductChannelListing, ProductVariantChannelListing


@dataclass(frozen=True)
class VariantPrice:
    price: Money
    undiscounted: Money


@dataclass(frozen=True)
class ProductPricing:
    price_range: MoneyRange
    price_range_undiscounted: MoneyRange
    on_sale: bool


def variant_prices_by_variant_id(
    *, variant_ids: list[int], channel_slug: str
) -> dict[int, VariantPrice]:
    """Return the channel price of each priced variant.

    The undiscounted price is the prior ("was") price when it is higher.
    """
    listings = ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids, channel__slug=channel_slug, price_amount__isnull=False
    ).only("variant_id", "price_amount", "prior_price_amount", "currency")
    prices = {}
    for listing in listings:
        price = listing.price
        undiscounted = price
        if listing.prior_price_amount and listing.prior_price_amount > listing.price_amount:
            undiscounted = listing.prior_price
        prices[listing.variant_id] = VariantPrice(price=price, undiscounted=undiscounted)
    return prices


def product_pricing_by_product_id(
    *, product_ids: list[int], channel_slug: str
) -> dict[int, ProductPricing]:
    """Return the price range of each product over its priced variants."""
    listings = ProductVariantChannelListing.objects.filter(
        variant__product_id__in=product_ids,
        channel__slug=channel_slug,
        price_amount__isnull=False,
    ).values_list("variant__product_id", "price_amount", "prior_price_amount", "currency")
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for product_id, amount, prior, currency in listings:
        grouped[product_id].append((amount, prior, currency))
    pricing = {}
    for product_id, rows in grouped.items():
        currency = rows[0][2]
        amounts = [amount for amount, _, _ in rows]
        undiscounted = [max(amount, prior or amount) for amount, prior, _ in rows]
        pricing[product_id] = ProductPricing(
            price_range=MoneyRange(
                Money(min(amounts), currency), Money(max(amounts), currency)
            ),
            price_range_undiscounted=MoneyRange(
                Money(min(undiscounted), currency), Money(max(undiscounted), currency)
            ),
            on_sale=any(u > a for a, u in zip(amounts, undiscounted)),
        )
    return pricing


def product_listings_by_product_id(
    *, product_ids: list[int], channel_slug: str
) -> dict[int, ProductChannelListing]:
    """Return each product's listing in the channel."""
    listings = ProductChannelListing.objects.filter(
        product_id__in=product_ids, channel__slug=channel_slug
    )
    return {listing.product_id: listing for listing in listings}


def product_is_available_for_purchase(listing: ProductChannelListing | None) -> bool:
    """Return whether the channel listing lets a shopper buy the product now."""
    if listing is None or listing.available_for_purchase_at is None:
        return False
    return listing.available_for_purchase_at <= timezone.now()
