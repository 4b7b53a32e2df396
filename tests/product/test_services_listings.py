"""Channel listing services: prices, publication and the cheapest price."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from backend.product.models import ProductChannelListing, ProductVariantChannelListing
from backend.product.services import (
    product_channel_listing_update,
    product_variant_channel_listing_update,
)
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_product_channel_listing_update_publishes_in_a_channel(channel):
    product = factories.ProductFactory()

    product_channel_listing_update(
        product=product,
        update_channels=[
            ProductListingInput(
                channel=channel,
                is_published=True,
                visible_in_listings=True,
                is_available_for_purchase=True,
            )
        ],
    )

    listing = ProductChannelListing.objects.get(product=product, channel=channel)
    assert listing.is_published and listing.visible_in_listings
    assert listing.published_at is not None
    assert listing.is_available_for_purchase()
    assert listing.currency == "USD"


def test_product_channel_listing_update_removes_a_channel_and_its_prices(
    published_product, channel
):
    product_channel_listing_update(product=published_product, remove_channels=[channel])

    assert not ProductChannelListing.objects.filter(product=published_product).exists()
    assert not ProductVariantChannelListing.objects.filter(
        variant__product=published_product
    ).exists()


def test_product_channel_listing_update_refuses_another_products_variant(channel):
    product = factories.ProductFactory()
    stranger = factories.ProductVariantFactory()

    with pytest.raises(ValidationError) as excinfo:
        product_channel_listing_update(
            product=product,
            update_channels=[
                ProductListingInput(channel=channel, add_variant_ids=(stranger.pk,))
            ],
        )

    assert excinfo.value.error_dict["addVariants"][0].code == "NOT_PRODUCTS_VARIANT"
    assert not ProductChannelListing.objects.exists()


def test_variant_listing_update_sets_price_and_cheapest_product_price(
    published_product, channel
):
    variant = published_product.variants.get()

    product_variant_channel_listing_update(
        variant=variant,
        listings=[
            VariantListingInput(
                channel=channel, price=Decimal("12.50"), cost_price=Decimal("4")
            )
        ],
    )

    listing = variant.channel_listings.get()
    assert (listing.price_amount, listing.cost_price_amount) == (
        Decimal("12.50"),
        Decimal("4"),
    )
    product_listing = published_product.channel_listings.get()
    assert product_listing.discounted_price_amount == Decimal("12.50")


def test_variant_listing_update_refuses_a_negative_price(published_product, channel):
    variant = published_product.variants.get()

    with pytest.raises(ValidationError) as excinfo:
        product_variant_channel_listing_update(
            variant=variant,
            listings=[VariantListingInput(channel=channel, price=Decimal("-1"))],
        )

    assert excinfo.value.error_dict["price"][0].code == "INVALID_PRICE"
    assert variant.channel_listings.get().price_amount == Decimal("19.99")


def test_variant_listing_update_refuses_another_currency(published_product, channel):
    variant = published_product.variants.get()

    with pytest.raises(ValidationError) as excinfo:
        product_variant_channel_listing_update(
            variant=variant,
            listings=[
                VariantListingInput(channel=channel, price=Decimal("5"), currency="EUR")
            ],
        )

    assert excinfo.value.error_dict["price"][0].code == "INVALID"
    assert variant.channel_listings.get().price_amount == Decimal("19.99")


def test_variant_listing_update_refuses_a_channel_the_product_is_not_in():
    variant = factories.ProductVariantFactory()
    other = factories.ChannelFactory(slug="eu", currency_code="EUR")

    with pytest.raises(ValidationError) as excinfo:
        product_variant_channel_listing_update(
            variant=variant,
            listings=[VariantListingInput(channel=other, price=Decimal(1))],
        )

    assert excinfo.value.error_dict["channelId"][0].code == (
        "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"
    )


def test_variant_listing_update_refuses_more_decimals_than_the_currency(
    published_product, channel
):
    variant = published_product.variants.get()

    with pytest.raises(ValidationError) as excinfo:
        product_variant_channel_listing_update(
            variant=variant,
            listings=[VariantListingInput(channel=channel, price=Decimal("1.005"))],
        )

    assert excinfo.value.error_dict["price"][0].message == (
        "Value cannot have more than 2 decimal places for USD."
    )


def test_variant_listing_update_accepts_trailing_zeros(published_product, channel):
    variant = published_product.variants.get()

    product_variant_channel_listing_update(
        variant=variant,
        listings=[VariantListingInput(channel=channel, price=Decimal("7.500"))],
    )

    assert variant.channel_listings.get().price_amount == Decimal("7.5")


def test_product_channel_listing_update_keeps_the_cheapest_price(
    published_product, channel
):
    variant = published_product.variants.get()
    cheaper = factories.ProductVariantFactory(product=published_product)
    factories.ProductVariantChannelListingFactory(
        variant=cheaper, channel=channel, price_amount=Decimal("3")
    )

    product_channel_listing_update(
        product=published_product,
        update_channels=[
            ProductListingInput(channel=channel, remove_variant_ids=(variant.pk,))
        ],
    )

    listing = published_product.channel_listings.get()
    assert listing.discounted_price_amount == Decimal("3")
