"""Every catalog mutation of the dashboard is refused to operations staff.

Operations hold MANAGE_ORDERS and MANAGE_SHIPPING, not MANAGE_PRODUCTS: each
document comes back with Saleor's PermissionDenied and the catalog is as it
was.
"""

import pytest

from backend.product.models import Product, ProductMedia, ProductVariant
from backend.warehouse.models import Stock
from tests import factories
from tests.api.dashboard_documents import dashboard_document

from .conftest import assert_permission_denied, global_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(published_product, channel, warehouse):
    media = ProductMedia.objects.create(product=published_product, alt="front")
    variant = published_product.variants.get()
    return {
        "product": published_product,
        "variant": variant,
        "media": media,
        "channel": channel,
        "warehouse": warehouse,
        "annex": factories.WarehouseFactory(name="Annex", channels=[channel]),
    }


def _state():
    return {
        "products": list(
            Product.objects.values_list("name", "seo_title", "updated_at")
        ),
        "variants": list(
            ProductVariant.objects.values_list("sku", "sort_order", "name")
        ),
        "prices": list(
            ProductVariant.objects.values_list("channel_listings__price_amount")
        ),
        "listings": list(
            Product.objects.values_list(
                "channel_listings__is_published",
                "channel_listings__visible_in_listings",
                "channel_listings__available_for_purchase_at",
            )
        ),
        "stocks": sorted(Stock.objects.values_list("warehouse_id", "quantity")),
        "media": list(ProductMedia.objects.values_list("alt", "sort_order")),
    }


def _product(c):
    return global_id(c["product"])


def _variant(c):
    return global_id(c["variant"])


CALLS = {
    "ProductUpdate": (
        "productUpdate",
        lambda c: {"id": _product(c), "input": {"name": "X", "seo": {"title": "X"}}},
    ),
    "ProductChannelListingUpdate": (
        "productChannelListingUpdate",
        lambda c: {
            "id": _product(c),
            "input": {
                "updateChannels": [
                    {"channelId": global_id(c["channel"]), "isPublished": False}
                ]
            },
        },
    ),
    "ProductVariantChannelListingUpdate": (
        "productVariantChannelListingUpdate",
        lambda c: {
            "id": _variant(c),
            "input": [{"channelId": global_id(c["channel"]), "price": "1"}],
        },
    ),
    "VariantUpdate": (
        "productVariantStocksDelete",
        lambda c: {
            "id": _variant(c),
            "name": "X",
            "trackInventory": True,
            "stocks": [{"warehouse": global_id(c["warehouse"]), "quantity": 1}],
            "addStocks": [{"warehouse": global_id(c["annex"]), "quantity": 1}],
            "removeStocks": [global_id(c["warehouse"])],
        },
    ),
    "ProductMediaUpdate": (
        "productMediaUpdate",
        lambda c: {"id": global_id(c["media"]), "alt": "X"},
    ),
    "ProductMediaDelete": (
        "productMediaDelete",
        lambda c: {"id": global_id(c["media"])},
    ),
    "ProductMediaBulkDelete": (
        "productMediaBulkDelete",
        lambda c: {"ids": [global_id(c["media"])]},
    ),
    "ProductMediaReorder": (
        "productMediaReorder",
        lambda c: {"productId": _product(c), "mediaIds": [global_id(c["media"])]},
    ),
    "ProductDelete": ("productDelete", lambda c: {"id": _product(c)}),
    "productBulkDelete": ("productBulkDelete", lambda c: {"ids": [_product(c)]}),
    "VariantDelete": ("productVariantDelete", lambda c: {"id": _variant(c)}),
    "ProductVariantBulkDelete": (
        "productVariantBulkDelete",
        lambda c: {"ids": [_variant(c)]},
    ),
    "ProductVariantReorder": (
        "productVariantReorder",
        lambda c: {
            "productId": _product(c),
            "move": {"id": _variant(c), "sortOrder": 1},
        },
    ),
    "ProductVariantSetDefault": (
        "productVariantSetDefault",
        lambda c: {"productId": _product(c), "variantId": _variant(c)},
    ),
}


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_catalog_mutation_is_refused_to_operations_and_changes_nothing(
    operations_api, catalog, operation
):
    field, variables = CALLS[operation]
    before = _state()

    result = operations_api(dashboard_document(operation), variables(catalog))

    assert_permission_denied(result, field)
    assert _state() == before
