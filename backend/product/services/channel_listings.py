"""Product and variant availability and prices per channel."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from babel.numbers import get_currency_precision
from django.db import transaction
from django.db.models import Min, OuterRef, Subquery
from django.utils import timezone

from backend.channel.models import Channel
from backend.core.cache_versions import CATALOG, bump

from ..models import (
    PRICE_DECIMAL_PLACES,
    PRICE_MAX_DIGITS,
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from .common import error


@dataclass(frozen=True)
class ProductListingInput:
    """How a product should be listed in one channel; None keeps a field."""

    channel: Channel
    is_published: bool | None = None
    published_at: datetime | None = None
    visible_in_listings: bool | None = None
    is_available_for_purchase: bool | None = None
    available_for_purchase_at: datetime | None = None
    add_variant_ids: tuple[int, ...] = ()
    remove_variant_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class VariantListingInput:
    """A variant's price, cost and prior price in one channel."""

    channel: Channel
    price: Decimal
    cost_price: Decimal | None = None
    prior_price: Decimal | None = None
    currency: str | None = None


def product_discounted_prices_update(*, product_ids: list[int]) -> None:
    """Store each product's cheapest variant price in every channel listing."""
    cheapest = (
        ProductVariantChannelListing.objects.filter(
            variant__product_id=OuterRef("product_id"),
            channel_id=OuterRef("channel_id"),
            price_amount__isnull=False,
        )
        .values("variant__product_id")
        .annotate(cheapest=Min("price_amount"))
        .values("cheapest")
    )
    ProductChannelListing.objects.filter(product_id__in=product_ids).update(
        discounted_price_amount=Subquery(cheapest)
    )
    bump(CATALOG)


def _check_amount(value: Decimal | None, field_name: str, currency: str) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        raise error(field_name, "The price is not a number.", "INVALID")
    if value < 0:
        raise error(
            field_name, "Product price cannot be lower than 0.", "INVALID_PRICE"
        )
    places = min(get_currency_precision(currency), PRICE_DECIMAL_PLACES)
    if -value.as_tuple().exponent > places and value != value.quantize(
        Decimal(1).scaleb(-places)
    ):
        raise error(
            field_name,
            f"Value cannot have more than {places} decimal places for {currency}.",
            "INVALID",
        )
    if value.adjusted() >= PRICE_MAX_DIGITS - PRICE_DECIMAL_PLACES:
        raise error(field_name, "The price is too large.", "INVALID")


@transaction.atomic
def product_channel_listing_update(
    *,
    product: Product,
    update_channels: list[ProductListingInput] = (),
    remove_channels: list[Channel] = (),
) -> Product:
    """List, change or unlist a product in channels."""
    bump(CATALOG)
    product = Product.objects.select_for_update().get(pk=product.pk)
    channel_ids = [item.channel.pk for item in update_channels]
    removed_ids = [channel.pk for channel in remove_channels]
    if len(set(channel_ids)) != len(channel_ids) or set(channel_ids) & set(removed_ids):
        raise error(
            "updateChannels",
            "A channel is given more than once.",
            "DUPLICATED_INPUT_ITEM",
        )
    variant_ids = set(product.variants.values_list("pk", flat=True))
    listings = {
        listing.channel_id: listing
        for listing in ProductChannelListing.objects.select_for_update().filter(
            product=product, channel_id__in=channel_ids
        )
    }
    now = timezone.now()
    for item in update_channels:
        for ids in (item.add_variant_ids, item.remove_variant_ids):
            if set(ids) - variant_ids:
                raise error(
                    "addVariants",
                    "The variant is not this product's.",
                    "NOT_PRODUCTS_VARIANT",
                )
        listing = listings.get(item.channel.pk) or ProductChannelListing(
            product=product, channel=item.channel, currency=item.channel.currency_code
        )
        if item.is_published is not None:
            listing.is_published = item.is_published
            if item.is_published and not listing.published_at and not item.published_at:
                listing.published_at = now
        if item.published_at is not None:
            listing.published_at = item.published_at
        if item.visible_in_listings is not None:
            listing.visible_in_listings = item.visible_in_listings
        if item.available_for_purchase_at is not None:
            listing.available_for_purchase_at = item.available_for_purchase_at
        elif item.is_available_for_purchase is True:
            listing.available_for_purchase_at = listing.available_for_purchase_at or now
        elif item.is_available_for_purchase is False:
            listing.available_for_purchase_at = None
        listing.save()
        if item.remove_variant_ids:
            ProductVariantChannelListing.objects.filter(
                variant_id__in=item.remove_variant_ids, channel=item.channel
            ).delete()
        if item.add_variant_ids:
            existing = set(
                ProductVariantChannelListing.objects.filter(
                    variant_id__in=item.add_variant_ids, channel=item.channel
                ).values_list("variant_id", flat=True)
            )
            ProductVariantChannelListing.objects.bulk_create(
                [
                    ProductVariantChannelListing(
                        variant_id=variant_id,
                        channel=item.channel,
                        currency=item.channel.currency_code,
                    )
                    for variant_id in item.add_variant_ids
                    if variant_id not in existing
                ]
            )
    if removed_ids:
        ProductChannelListing.objects.filter(
            product=product, channel_id__in=removed_ids
        ).delete()
        ProductVariantChannelListing.objects.filter(
            variant__product=product, channel_id__in=removed_ids
        ).delete()
    product_discounted_prices_update(product_ids=[product.pk])
    return product


@transaction.atomic
def product_variant_channel_listing_update(
    *, variant: ProductVariant, listings: list[VariantListingInput]
) -> ProductVariant:
    """Set a variant's price, cost and prior price in channels."""
    bump(CATALOG)
    variant = ProductVariant.objects.select_for_update().get(pk=variant.pk)
    channel_ids = [item.channel.pk for item in listings]
    if len(set(channel_ids)) != len(channel_ids):
        raise error(
            "channelId", "A channel is given more than once.", "DUPLICATED_INPUT_ITEM"
        )
    listed = set(
        ProductChannelListing.objects.filter(
            product_id=variant.product_id, channel_id__in=channel_ids
        ).values_list("channel_id", flat=True)
    )
    for item in listings:
        if item.channel.pk not in listed:
            raise error(
                "channelId",
                f"Product is not available in channel {item.channel.slug}.",
                "PRODUCT_NOT_ASSIGNED_TO_CHANNEL",
            )
        if item.price is None:
            raise error("price", "This field is required.", "REQUIRED")
        currency = item.channel.currency_code
        _check_amount(item.price, "price", currency)
        _check_amount(item.cost_price, "costPrice", currency)
        _check_amount(item.prior_price, "priorPrice", currency)
        if item.currency and item.currency != item.channel.currency_code:
            raise error(
                "price",
                f"Price currency {item.currency} differs from the channel's "
                f"{item.channel.currency_code}.",
                "INVALID",
            )
    existing = {
        listing.channel_id: listing
        for listing in ProductVariantChannelListing.objects.select_for_update().filter(
            variant=variant, channel_id__in=channel_ids
        )
    }
    to_create, to_update = [], []
    for item in listings:
        listing = existing.get(item.channel.pk)
        values = {
            "price_amount": item.price,
            "cost_price_amount": item.cost_price,
            "prior_price_amount": item.prior_price,
            "currency": item.channel.currency_code,
        }
        if listing is None:
            to_create.append(
                ProductVariantChannelListing(
                    variant=variant, channel=item.channel, **values
                )
            )
        else:
            for name, value in values.items():
                setattr(listing, name, value)
            to_update.append(listing)
    ProductVariantChannelListing.objects.bulk_create(to_create)
    ProductVariantChannelListing.objects.bulk_update(
        to_update,
        ["price_amount", "cost_price_amount", "prior_price_amount", "currency"],
    )
    product_discounted_prices_update(product_ids=[variant.product_id])
    return variant


def price_amount_check(
    *, amount: Decimal | None, currency: str, field_name: str = "price"
) -> None:
    """Refuse a negative, non-numeric or over-precise price in the currency."""
    _check_amount(amount, field_name, currency)
