"""The dashboard's variant page: stock per warehouse, order, default, delete."""

import pytest
from django.test import Client

from backend.product.models import Product, ProductVariant
from backend.warehouse.models import Stock
from tests import factories
from tests.api.client import GraphQLClient
from tests.api.dashboard_documents import dashboard_document

from .conftest import global_id

pytestmark = pytest.mark.django_db

STOREFRONT_STOCK = """
query Stock($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    variants { sku quantityAvailable }
  }
}
"""


@pytest.fixture
def second_warehouse(channel):
    return factories.WarehouseFactory(name="Annex", channels=[channel])


def _variant_update(variant, *, stocks=(), add=(), remove=()):
    return {
        "id": global_id(variant),
        "name": variant.name,
        "sku": variant.sku,
        "trackInventory": True,
        "attributes": [],
        "stocks": list(stocks),
        "addStocks": list(add),
        "removeStocks": list(remove),
        "firstValues": 10,
    }


def _available(product) -> int:
    shopper = GraphQLClient(Client())
    result = shopper(STOREFRONT_STOCK, {"slug": product.slug})
    return result["data"]["product"]["variants"][0]["quantityAvailable"]


def test_stock_changes_per_warehouse_reach_the_next_shopper(
    merchandiser_api, published_product, warehouse, second_warehouse
):
    variant = published_product.variants.get()
    assert _available(published_product) == 10  # now cached

    result = merchandiser_api(
        dashboard_document("VariantUpdate"),
        _variant_update(
            variant,
            stocks=[{"warehouse": global_id(warehouse), "quantity": 4}],
            add=[{"warehouse": global_id(second_warehouse), "quantity": 6}],
        ),
    )

    data = result["data"]
    assert data["productVariantStocksCreate"]["errors"] == []
    assert data["productVariantStocksUpdate"]["errors"] == []
    assert data["productVariantUpdate"]["errors"] == []
    quantities = {
        s.warehouse_id: s.quantity
        for s in Stock.objects.filter(product_variant=variant)
    }
    assert quantities == {warehouse.pk: 4, second_warehouse.pk: 6}
    assert _available(published_product) == 10


def test_deleting_a_stock_removes_that_warehouse_for_the_next_shopper(
    merchandiser_api, published_product, warehouse, second_warehouse
):
    variant = published_product.variants.get()
    factories.StockFactory(
        product_variant=variant, warehouse=second_warehouse, quantity=5
    )
    assert _available(published_product) == 15

    result = merchandiser_api(
        dashboard_document("VariantUpdate"),
        _variant_update(variant, remove=[global_id(second_warehouse)]),
    )

    assert result["data"]["productVariantStocksDelete"]["errors"] == []
    assert list(
        Stock.objects.filter(product_variant=variant).values_list(
            "warehouse", flat=True
        )
    ) == [warehouse.pk]
    assert _available(published_product) == 10


def test_stock_below_what_orders_hold_is_refused(
    merchandiser_api, published_product, warehouse
):
    variant = published_product.variants.get()
    Stock.objects.filter(product_variant=variant).update(quantity_allocated=3)

    result = merchandiser_api(
        dashboard_document("VariantUpdate"),
        _variant_update(
            variant, stocks=[{"warehouse": global_id(warehouse), "quantity": 2}]
        ),
    )

    errors = result["data"]["productVariantStocksUpdate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("quantity", "INVALID")]
    assert "3 units are held for orders" in errors[0]["message"]
    assert Stock.objects.get(product_variant=variant).quantity == 10


def test_a_stock_orders_hold_units_of_cannot_be_deleted(
    merchandiser_api, published_product, warehouse
):
    variant = published_product.variants.get()
    Stock.objects.filter(product_variant=variant).update(quantity_allocated=1)

    result = merchandiser_api(
        dashboard_document("VariantUpdate"),
        _variant_update(variant, remove=[global_id(warehouse)]),
    )

    errors = result["data"]["productVariantStocksDelete"]["errors"]
    assert [e["field"] for e in errors] == ["warehouseIds"]
    assert Stock.objects.filter(product_variant=variant).count() == 1


def test_negative_stock_is_a_saleor_error(
    merchandiser_api, published_product, warehouse
):
    variant = published_product.variants.get()

    result = merchandiser_api(
        dashboard_document("VariantUpdate"),
        _variant_update(
            variant, stocks=[{"warehouse": global_id(warehouse), "quantity": -1}]
        ),
    )

    errors = result["data"]["productVariantStocksUpdate"]["errors"]
    assert [(e["field"], e["code"], e["index"]) for e in errors] == [
        ("quantity", "INVALID", 0)
    ]
    assert Stock.objects.get(product_variant=variant).quantity == 10


def test_creating_a_stock_where_one_exists_is_refused(
    merchandiser_api, published_product, warehouse
):
    variant = published_product.variants.get()

    result = merchandiser_api(
        dashboard_document("VariantUpdate"),
        _variant_update(
            variant, add=[{"warehouse": global_id(warehouse), "quantity": 1}]
        ),
    )

    errors = result["data"]["productVariantStocksCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("warehouse", "UNIQUE")]
    assert Stock.objects.get(product_variant=variant).quantity == 10


@pytest.fixture
def three_variants(channel, warehouse):
    from tests.fixtures.catalog import make_published_product

    return make_published_product(
        channel=channel, warehouse=warehouse, name="Belt", variants=3
    )


def _skus(product):
    return list(
        ProductVariant.objects.filter(product=product)
        .order_by("sort_order", "pk")
        .values_list("sku", flat=True)
    )


def test_variant_reorder_moves_a_variant_by_its_offset(
    merchandiser_api, three_variants
):
    first, second, third = _skus(three_variants)
    variant = ProductVariant.objects.get(sku=first)

    result = merchandiser_api(
        dashboard_document("ProductVariantReorder"),
        {
            "productId": global_id(three_variants),
            "move": {"id": global_id(variant), "sortOrder": 2},
        },
    )

    assert result["data"]["productVariantReorder"]["errors"] == []
    assert _skus(three_variants) == [second, third, first]


def test_set_default_variant(merchandiser_api, three_variants):
    last = ProductVariant.objects.filter(product=three_variants).order_by("pk").last()

    result = merchandiser_api(
        dashboard_document("ProductVariantSetDefault"),
        {"productId": global_id(three_variants), "variantId": global_id(last)},
    )

    assert result["data"]["productVariantSetDefault"]["errors"] == []
    assert Product.objects.get(pk=three_variants.pk).default_variant_id == last.pk


def test_set_default_to_another_products_variant_is_refused(
    merchandiser_api, three_variants, published_product
):
    foreign = published_product.variants.get()

    result = merchandiser_api(
        dashboard_document("ProductVariantSetDefault"),
        {"productId": global_id(three_variants), "variantId": global_id(foreign)},
    )

    errors = result["data"]["productVariantSetDefault"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("variantId", "NOT_PRODUCTS_VARIANT")
    ]


def test_variant_bulk_delete_picks_a_new_default(merchandiser_api, three_variants):
    default = three_variants.default_variant

    result = merchandiser_api(
        dashboard_document("ProductVariantBulkDelete"), {"ids": [global_id(default)]}
    )

    assert result["data"]["productVariantBulkDelete"]["errors"] == []
    product = Product.objects.get(pk=three_variants.pk)
    assert product.variants.count() == 2
    assert product.default_variant_id in set(
        product.variants.values_list("pk", flat=True)
    )


def test_product_bulk_delete(merchandiser_api, three_variants, published_product):
    result = merchandiser_api(
        dashboard_document("productBulkDelete"),
        {"ids": [global_id(three_variants), global_id(published_product)]},
    )

    assert result["data"]["productBulkDelete"] == {"errors": []}
    assert not Product.objects.exists()
