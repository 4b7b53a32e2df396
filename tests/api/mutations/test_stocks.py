"""productVariantStocksUpdate."""

import pytest

from backend.warehouse.models import Stock
from tests import factories

from .conftest import assert_permission_denied, global_id

pytestmark = pytest.mark.django_db

STOCKS_UPDATE = """
mutation Stocks($variantId: ID, $sku: String, $stocks: [StockInput!]!) {
  productVariantStocksUpdate(variantId: $variantId, sku: $sku, stocks: $stocks) {
    productVariant { id }
    errors { field code message index }
    bulkStockErrors { code index }
  }
}
"""


def test_stocks_update_sets_quantities(staff_api, published_product, warehouse):
    variant = published_product.variants.get()

    result = staff_api(
        STOCKS_UPDATE,
        {
            "variantId": global_id(variant),
            "stocks": [
                {"warehouse": global_id(warehouse), "quantity": 3},
            ],
        },
    )

    payload = result["data"]["productVariantStocksUpdate"]
    assert payload["errors"] == [] and payload["bulkStockErrors"] == []
    assert payload["productVariant"]["id"] == global_id(variant)
    assert Stock.objects.get(product_variant=variant).quantity == 3


def test_stocks_update_by_sku(staff_api, published_product, warehouse):
    variant = published_product.variants.get()

    staff_api(
        STOCKS_UPDATE,
        {
            "sku": variant.sku,
            "stocks": [
                {"warehouse": global_id(warehouse), "quantity": 0},
            ],
        },
    )

    assert Stock.objects.get(product_variant=variant).quantity == 0


def test_stocks_update_refuses_a_negative_quantity(
    staff_api, published_product, warehouse
):
    variant = published_product.variants.get()

    result = staff_api(
        STOCKS_UPDATE,
        {
            "variantId": global_id(variant),
            "stocks": [
                {"warehouse": global_id(warehouse), "quantity": -5},
            ],
        },
    )

    assert result["data"]["productVariantStocksUpdate"]["errors"] == [
        {
            "field": "quantity",
            "code": "INVALID",
            "message": "Quantity cannot be negative.",
            "index": 0,
        }
    ]
    assert Stock.objects.get(product_variant=variant).quantity == 10


def test_stocks_update_with_an_unknown_warehouse_changes_nothing(
    staff_api, published_product, warehouse
):
    variant = published_product.variants.get()

    result = staff_api(
        STOCKS_UPDATE,
        {
            "variantId": global_id(variant),
            "stocks": [
                {"warehouse": global_id(warehouse), "quantity": 1},
                {"warehouse": "V2FyZWhvdXNlOjk5OTk5", "quantity": 1},
            ],
        },
    )

    payload = result["data"]["productVariantStocksUpdate"]
    assert payload["bulkStockErrors"] == [{"code": "NOT_FOUND", "index": 1}]
    assert Stock.objects.get(product_variant=variant).quantity == 10


def test_stocks_update_is_refused_to_a_customer(
    api, customer_user, published_product, warehouse
):
    variant = published_product.variants.get()
    api.login(customer_user)

    result = api(
        STOCKS_UPDATE,
        {
            "variantId": global_id(variant),
            "stocks": [
                {"warehouse": global_id(warehouse), "quantity": 0},
            ],
        },
    )

    assert_permission_denied(result, "productVariantStocksUpdate")
    assert Stock.objects.get(product_variant=variant).quantity == 10


@pytest.mark.parametrize("warehouse_count", [1, 8])
def test_stocks_update_runs_a_fixed_number_of_queries(
    warehouse_count, staff_api, published_product, django_assert_max_num_queries
):
    variant = published_product.variants.get()
    warehouses = factories.WarehouseFactory.create_batch(warehouse_count)
    stocks = [{"warehouse": global_id(w), "quantity": 4} for w in warehouses]

    with django_assert_max_num_queries(11):
        result = staff_api(
            STOCKS_UPDATE, {"variantId": global_id(variant), "stocks": stocks}
        )

    assert result["data"]["productVariantStocksUpdate"]["errors"] == []
    assert Stock.objects.filter(product_variant=variant, quantity=4).count() == (
        warehouse_count
    )
