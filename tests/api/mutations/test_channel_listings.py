"""productChannelListingUpdate and productVariantChannelListingUpdate."""

from decimal import Decimal

import pytest

from backend.product.models import ProductChannelListing, ProductVariantChannelListing
from tests import factories
from tests.fixtures.catalog import make_published_product

from .conftest import global_id

pytestmark = pytest.mark.django_db

PRODUCT_LISTING_UPDATE = """
mutation Listing($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) {
    product { id }
    errors { field code message }
    productChannelListingErrors { code }
  }
}
"""
VARIANT_LISTING_UPDATE = """
mutation Prices($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) {
    variant { id }
    errors { field code message }
  }
}
"""


def test_product_listing_update_publishes_with_variants(staff_api, channel):
    product = factories.ProductFactory()
    variants = factories.ProductVariantFactory.create_batch(2, product=product)

    result = staff_api(
        PRODUCT_LISTING_UPDATE,
        {
            "id": global_id(product),
            "input": {
                "updateChannels": [
                    {
                        "channelId": global_id(channel),
                        "isPublished": True,
                        "visibleInListings": True,
                        "isAvailableForPurchase": True,
                        "addVariants": [global_id(v) for v in variants],
                    }
                ],
            },
        },
    )

    assert result["data"]["productChannelListingUpdate"]["errors"] == []
    listing = ProductChannelListing.objects.get(product=product)
    assert listing.is_published and listing.is_available_for_purchase()
    assert (
        ProductVariantChannelListing.objects.filter(variant__product=product).count()
        == 2
    )


def test_product_listing_update_with_unknown_channel_changes_nothing(staff_api):
    product = factories.ProductFactory()

    result = staff_api(
        PRODUCT_LISTING_UPDATE,
        {
            "id": global_id(product),
            "input": {
                "updateChannels": [
                    {"channelId": "Q2hhbm5lbDo5OTk5", "isPublished": True}
                ],
            },
        },
    )

    payload = result["data"]["productChannelListingUpdate"]
    assert payload["errors"][0]["field"] == "channelId"
    assert payload["productChannelListingErrors"] == [{"code": "NOT_FOUND"}]
    assert not ProductChannelListing.objects.exists()


@pytest.mark.parametrize("variant_count", [1, 10])
def test_product_listing_update_runs_a_fixed_number_of_queries(
    variant_count, staff_api, channel, django_assert_max_num_queries
):
    product = factories.ProductFactory()
    variants = factories.ProductVariantFactory.create_batch(
        variant_count, product=product
    )
    variables = {
        "id": global_id(product),
        "input": {
            "updateChannels": [
                {
                    "channelId": global_id(channel),
                    "isPublished": True,
                    "addVariants": [global_id(v) for v in variants],
                }
            ]
        },
    }

    with django_assert_max_num_queries(15):
        result = staff_api(PRODUCT_LISTING_UPDATE, variables)

    assert result["data"]["productChannelListingUpdate"]["errors"] == []


def test_variant_listing_update_sets_price_and_cost(
    staff_api, published_product, channel
):
    variant = published_product.variants.get()

    result = staff_api(
        VARIANT_LISTING_UPDATE,
        {
            "id": global_id(variant),
            "input": [
                {
                    "channelId": global_id(channel),
                    "price": "24.50",
                    "costPrice": "9.10",
                }
            ],
        },
    )

    assert result["data"]["productVariantChannelListingUpdate"]["errors"] == []
    listing = variant.channel_listings.get()
    assert (listing.price_amount, listing.cost_price_amount) == (
        Decimal("24.50"),
        Decimal("9.10"),
    )
    assert published_product.channel_listings.get().discounted_price_amount == Decimal(
        "24.50"
    )


def test_variant_listing_update_refuses_a_negative_price(
    staff_api, published_product, channel
):
    variant = published_product.variants.get()

    result = staff_api(
        VARIANT_LISTING_UPDATE,
        {
            "id": global_id(variant),
            "input": [
                {
                    "channelId": global_id(channel),
                    "price": -1,
                }
            ],
        },
    )

    assert result["data"]["productVariantChannelListingUpdate"]["errors"] == [
        {
            "field": "price",
            "code": "INVALID_PRICE",
            "message": "Product price cannot be lower than 0.",
        }
    ]
    assert variant.channel_listings.get().price_amount == Decimal("19.99")


def test_variant_listing_update_refuses_more_decimals_than_the_currency_has(
    staff_api, published_product, channel
):
    variant = published_product.variants.get()

    result = staff_api(
        VARIANT_LISTING_UPDATE,
        {
            "id": global_id(variant),
            "input": [
                {
                    "channelId": global_id(channel),
                    "price": "10.999",
                }
            ],
        },
    )

    assert result["data"]["productVariantChannelListingUpdate"]["errors"] == [
        {
            "field": "price",
            "code": "INVALID",
            "message": "Value cannot have more than 2 decimal places for USD.",
        }
    ]
    assert variant.channel_listings.get().price_amount == Decimal("19.99")


def test_variant_listing_update_in_a_channel_of_another_currency_is_refused(
    staff_api, published_product
):
    euro = factories.ChannelFactory(slug="eu", currency_code="EUR", name="EU")
    variant = published_product.variants.get()

    result = staff_api(
        VARIANT_LISTING_UPDATE,
        {
            "id": global_id(variant),
            "input": [
                {
                    "channelId": global_id(euro),
                    "price": "10",
                }
            ],
        },
    )

    error = result["data"]["productVariantChannelListingUpdate"]["errors"][0]
    assert (error["field"], error["code"]) == (
        "channelId",
        "PRODUCT_NOT_ASSIGNED_TO_CHANNEL",
    )
    assert not variant.channel_listings.filter(channel=euro).exists()


@pytest.mark.parametrize("variant_count", [1, 8])
def test_variant_listing_update_runs_a_fixed_number_of_queries(
    variant_count, staff_api, channel, warehouse, django_assert_max_num_queries
):
    product = make_published_product(
        channel=channel, warehouse=warehouse, variants=variant_count
    )
    variant = product.variants.first()
    variables = {
        "id": global_id(variant),
        "input": [{"channelId": global_id(channel), "price": "5"}],
    }

    with django_assert_max_num_queries(13):
        result = staff_api(VARIANT_LISTING_UPDATE, variables)

    assert result["data"]["productVariantChannelListingUpdate"]["errors"] == []
    assert product.channel_listings.get().discounted_price_amount == Decimal("5")
