"""The dashboard's product page: its own documents, as a merchandiser.

Each edit is read back at the next request by an anonymous shopper through
the API, whose answers are cached under versions every write moves.
"""

from decimal import Decimal

import pytest
from django.test import Client

from backend.attribute.models import Attribute
from backend.product.models import Product, ProductChannelListing
from tests import factories
from tests.api.client import GraphQLClient
from tests.api.dashboard_documents import dashboard_document

from .conftest import global_id

pytestmark = pytest.mark.django_db

STOREFRONT_PRODUCT = """
query Storefront($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    name
    seoTitle
    seoDescription
    isAvailableForPurchase
    attributes { attribute { slug } values { slug } }
    pricing { priceRange { start { gross { amount } } } }
  }
}
"""


@pytest.fixture
def strap(published_product):
    color = factories.AttributeFactory(name="Color", slug="color")
    factories.AttributeValueFactory(attribute=color, name="Red", slug="red")
    factories.AttributeProductFactory(
        attribute=color, product_type=published_product.product_type
    )
    return published_product


@pytest.fixture
def shopper():
    """An anonymous caller on its own client, beside the merchandiser's."""
    return GraphQLClient(Client())


def _shopper_sees(shopper, product) -> dict:
    result = shopper(STOREFRONT_PRODUCT, {"slug": product.slug})
    assert "errors" not in result, result.get("errors")
    return result["data"]["product"]


def test_product_details_answers_the_dashboards_own_query(merchandiser_api, strap):
    result = merchandiser_api(
        dashboard_document("ProductDetails"),
        {"id": global_id(strap), "channel": "default-channel", "firstValues": 10},
    )

    assert "errors" not in result, result.get("errors")
    product = result["data"]["product"]
    assert product["name"] == "Stretch Strap"
    assert product["taxClass"] is None
    assert [a["attribute"]["slug"] for a in product["attributes"]] == ["color"]
    assert product["attributes"][0]["attribute"]["referenceTypes"] == []
    assert product["channelListings"][0]["channel"]["slug"] == "default-channel"
    assert product["defaultVariant"]["sku"] == strap.variants.get().sku


def test_product_update_changes_name_seo_and_attribute_for_the_next_shopper(
    shopper, merchandiser_api, strap
):
    assert _shopper_sees(shopper, strap)["name"] == "Stretch Strap"  # now cached
    color = Attribute.objects.get(slug="color")

    result = merchandiser_api(
        dashboard_document("ProductUpdate"),
        {
            "id": global_id(strap),
            "input": {
                "name": "Firm Strap",
                "seo": {
                    "title": "Firm strap for the lower back",
                    "description": "Firm.",
                },
                "attributes": [{"id": global_id(color), "dropdown": {"value": "Red"}}],
            },
        },
    )

    assert result["data"]["productUpdate"]["errors"] == []
    seen = _shopper_sees(shopper, strap)
    assert seen["name"] == "Firm Strap"
    assert seen["seoTitle"] == "Firm strap for the lower back"
    assert seen["seoDescription"] == "Firm."
    assert seen["attributes"] == [
        {"attribute": {"slug": "color"}, "values": [{"slug": "red"}]}
    ]


def test_channel_availability_change_reaches_the_next_shopper(
    shopper, merchandiser_api, strap, channel
):
    assert _shopper_sees(shopper, strap)["isAvailableForPurchase"] is True

    result = merchandiser_api(
        dashboard_document("ProductChannelListingUpdate"),
        {
            "id": global_id(strap),
            "input": {
                "updateChannels": [
                    {
                        "channelId": global_id(channel),
                        "isPublished": True,
                        "visibleInListings": False,
                        "isAvailableForPurchase": False,
                    }
                ]
            },
        },
    )

    payload = result["data"]["productChannelListingUpdate"]
    assert payload["errors"] == []
    listing = payload["product"]["channelListings"][0]
    assert listing["visibleInListings"] is False
    assert listing["isAvailableForPurchase"] is False
    assert _shopper_sees(shopper, strap)["isAvailableForPurchase"] is False


def test_unpublishing_hides_the_product_from_the_next_shopper(
    shopper, merchandiser_api, strap, channel
):
    assert _shopper_sees(shopper, strap) is not None

    merchandiser_api(
        dashboard_document("ProductChannelListingUpdate"),
        {
            "id": global_id(strap),
            "input": {
                "updateChannels": [
                    {"channelId": global_id(channel), "isPublished": False}
                ]
            },
        },
    )

    assert _shopper_sees(shopper, strap) is None


def test_variant_price_change_reaches_the_next_shopper(
    shopper, merchandiser_api, strap, channel
):
    assert _shopper_sees(shopper, strap)["pricing"]["priceRange"]["start"]["gross"] == {
        "amount": 19.99
    }
    variant = strap.variants.get()

    result = merchandiser_api(
        dashboard_document("ProductVariantChannelListingUpdate"),
        {
            "id": global_id(variant),
            "input": [
                {"channelId": global_id(channel), "price": "24.50", "costPrice": "9"}
            ],
        },
    )

    payload = result["data"]["productVariantChannelListingUpdate"]
    assert payload["errors"] == []
    assert payload["variant"]["channelListings"][0]["price"]["amount"] == 24.5
    seen = _shopper_sees(shopper, strap)
    assert seen["pricing"]["priceRange"]["start"]["gross"] == {"amount": 24.5}
    assert variant.channel_listings.get().price_amount == Decimal("24.50")


def test_product_update_with_a_category_of_another_type_is_a_saleor_error(
    merchandiser_api, strap, channel
):
    result = merchandiser_api(
        dashboard_document("ProductUpdate"),
        {
            "id": global_id(strap),
            "input": {"name": "Renamed", "category": global_id(channel)},
        },
    )

    errors = result["data"]["productUpdate"]["errors"]
    assert [e["field"] for e in errors] == ["category"]
    assert errors[0]["code"] == "GRAPHQL_ERROR"
    assert Product.objects.get(pk=strap.pk).name == "Stretch Strap"


def test_negative_price_is_a_saleor_error_and_changes_nothing(
    merchandiser_api, strap, channel
):
    variant = strap.variants.get()

    result = merchandiser_api(
        dashboard_document("ProductVariantChannelListingUpdate"),
        {
            "id": global_id(variant),
            "input": [{"channelId": global_id(channel), "price": "-1"}],
        },
    )

    errors = result["data"]["productVariantChannelListingUpdate"]["errors"]
    assert errors and errors[0]["field"] == "price"
    assert variant.channel_listings.get().price_amount == Decimal("19.99")
    assert ProductChannelListing.objects.get(product=strap).is_published
