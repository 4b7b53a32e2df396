"""Collection and variant visibility: every door asks the same QuerySet.

The API's collection query, a product's collections, a menu's link and the
store's collection page all call Collection.objects.published; the API's
variant query, a product's variants and the product page call
ProductVariant.objects.visible_to_user.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.product.models import ProductVariantChannelListing
from tests import factories
from tests.api.client import GraphQLClient
from tests.fixtures.catalog import make_published_product

QUERY = """
query($product: ID!) {
  collection(slug: "featured", channel: "default-channel") { slug }
  product(id: $product, channel: "default-channel") {
    collections { slug }
    variants { sku }
  }
  menu(slug: "footer", channel: "default-channel") {
    items { collection { slug } }
  }
}
"""


@pytest.fixture
def featured(channel, published_product):
    collection = factories.CollectionFactory(slug="featured")
    listing = factories.CollectionChannelListingFactory(
        collection=collection, channel=channel, is_published=True
    )
    factories.CollectionProductFactory(collection=collection, product=published_product)
    menu = factories.MenuFactory(slug="footer")
    factories.MenuItemFactory(menu=menu, name="Featured", collection=collection)
    return listing


def _each_door(client, product) -> dict[str, object]:
    data = GraphQLClient(client)(
        QUERY, {"product": to_global_id("Product", product.pk)}
    )["data"]
    page = client.get("/collections/featured/")
    return {
        "collection query": data["collection"],
        "product.collections": data["product"]["collections"],
        "menu link": data["menu"]["items"][0]["collection"],
        "store page": page.status_code,
    }


def test_a_published_collection_shows_at_every_door(
    client, featured, published_product
):
    assert _each_door(client, published_product) == {
        "collection query": {"slug": "featured"},
        "product.collections": [{"slug": "featured"}],
        "menu link": {"slug": "featured"},
        "store page": 200,
    }


def test_a_collection_scheduled_for_later_is_hidden_at_every_door(
    client, featured, published_product
):
    featured.published_at = timezone.now() + timedelta(days=1)
    featured.save(update_fields=["published_at"])

    assert _each_door(client, published_product) == {
        "collection query": None,
        "product.collections": [],
        "menu link": None,
        "store page": 404,
    }


def test_an_unpriced_variant_is_hidden_from_the_api_and_the_product_page(
    client, channel, warehouse
):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller", variants=2
    )
    priced, unpriced = product.variants.order_by("pk")
    ProductVariantChannelListing.objects.filter(variant=unpriced).update(
        price_amount=None
    )

    data = GraphQLClient(client)(
        QUERY, {"product": to_global_id("Product", product.pk)}
    )["data"]
    # Asked for the hidden one, the page falls back to the one it shows.
    page = client.get(
        f"/products/{product.slug}/", {"variant": unpriced.pk}
    ).content.decode()

    assert data["product"]["variants"] == [{"sku": priced.sku}]
    assert f"SKU: {priced.sku}" in page
    assert f"?variant={unpriced.pk}" not in page
