"""The product page's variant grid, saved with the dashboard's bulk update."""

from decimal import Decimal

import pytest
from django.test import Client

from backend.warehouse.models import Stock
from tests.api.client import GraphQLClient
from tests.api.dashboard_documents import dashboard_document
from tests.fixtures.catalog import make_published_product

from .conftest import assert_permission_denied, global_id

pytestmark = pytest.mark.django_db

STOREFRONT = """
query Grid($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    variants { sku quantityAvailable pricing { price { gross { amount } } } }
  }
}
"""


@pytest.fixture
def belt(channel, warehouse):
    return make_published_product(
        channel=channel, warehouse=warehouse, name="Belt", variants=2
    )


def _rows(product):
    variants = list(product.variants.order_by("pk"))
    return variants, [
        {
            "id": global_id(variant),
            "stocks": {
                "update": [
                    {"stock": global_id(variant.stocks.get()), "quantity": quantity}
                ]
            },
            "channelListings": {
                "update": [
                    {
                        "channelListing": global_id(variant.channel_listings.get()),
                        "price": price,
                    }
                ]
            },
        }
        for variant, quantity, price in zip(
            variants, (3, 7), ("12.00", "14.00"), strict=True
        )
    ]


def test_grid_save_changes_stock_and_price_for_the_next_shopper(merchandiser_api, belt):
    shopper = GraphQLClient(Client())
    shopper(STOREFRONT, {"slug": belt.slug})  # cached now
    variants, rows = _rows(belt)

    result = merchandiser_api(
        dashboard_document("ProductVariantBulkUpdate"),
        {
            "product": global_id(belt),
            "input": rows,
            "errorPolicy": "REJECT_FAILED_ROWS",
        },
    )

    payload = result["data"]["productVariantBulkUpdate"]
    assert payload["errors"] == []
    assert payload["results"] == [{"errors": []}, {"errors": []}]
    seen = shopper(STOREFRONT, {"slug": belt.slug})["data"]["product"]["variants"]
    assert [
        (v["quantityAvailable"], v["pricing"]["price"]["gross"]["amount"]) for v in seen
    ] == [(3, 12.0), (7, 14.0)]


def test_grid_row_below_what_orders_hold_rolls_back_only_that_row(
    merchandiser_api, belt
):
    variants, rows = _rows(belt)
    Stock.objects.filter(product_variant=variants[0]).update(quantity_allocated=5)

    result = merchandiser_api(
        dashboard_document("ProductVariantBulkUpdate"),
        {
            "product": global_id(belt),
            "input": rows,
            "errorPolicy": "REJECT_FAILED_ROWS",
        },
    )

    first, second = result["data"]["productVariantBulkUpdate"]["results"]
    assert [(e["field"], e["code"]) for e in first["errors"]] == [
        ("quantity", "INVALID")
    ]
    assert second["errors"] == []
    assert variants[0].stocks.get().quantity == 10
    assert variants[0].channel_listings.get().price_amount == Decimal("19.99")
    assert variants[1].stocks.get().quantity == 7


def test_grid_with_reject_everything_keeps_every_row_as_it_was(merchandiser_api, belt):
    variants, rows = _rows(belt)
    Stock.objects.filter(product_variant=variants[0]).update(quantity_allocated=5)

    result = merchandiser_api(
        dashboard_document("ProductVariantBulkUpdate"),
        {"product": global_id(belt), "input": rows},
    )

    assert result["data"]["productVariantBulkUpdate"]["results"][0]["errors"]
    assert [v.stocks.get().quantity for v in variants] == [10, 10]


def test_grid_row_of_another_product_is_refused(
    merchandiser_api, belt, published_product
):
    foreign = published_product.variants.get()

    result = merchandiser_api(
        dashboard_document("ProductVariantBulkUpdate"),
        {
            "product": global_id(belt),
            "input": [{"id": global_id(foreign), "name": "Taken"}],
        },
    )

    (row,) = result["data"]["productVariantBulkUpdate"]["results"]
    assert [(e["field"], e["code"]) for e in row["errors"]] == [
        ("id", "NOT_PRODUCTS_VARIANT")
    ]
    assert foreign.name == type(foreign).objects.get(pk=foreign.pk).name


def test_grid_save_is_refused_to_operations(operations_api, belt):
    variants, rows = _rows(belt)

    result = operations_api(
        dashboard_document("ProductVariantBulkUpdate"),
        {"product": global_id(belt), "input": rows},
    )

    assert_permission_denied(result, "productVariantBulkUpdate")
    assert [v.stocks.get().quantity for v in variants] == [10, 10]


def test_grid_added_rows_are_created_with_stock_and_price(
    merchandiser_api, belt, channel, warehouse
):
    result = merchandiser_api(
        dashboard_document("ProductVariantBulkCreate"),
        {
            "id": global_id(belt),
            "inputs": [
                {
                    "name": "XL",
                    "sku": "BELT-XL",
                    "attributes": [],
                    "stocks": [{"warehouse": global_id(warehouse), "quantity": 4}],
                    "channelListings": [
                        {"channelId": global_id(channel), "price": "21.00"}
                    ],
                }
            ],
        },
    )

    payload = result["data"]["productVariantBulkCreate"]
    assert payload["errors"] == []
    assert [v["name"] for v in payload["productVariants"]] == ["XL"]
    variant = belt.variants.get(sku="BELT-XL")
    assert variant.stocks.get().quantity == 4
    assert variant.channel_listings.get().price_amount == Decimal("21.00")


def test_grid_added_row_with_a_taken_sku_creates_nothing(merchandiser_api, belt):
    taken = belt.variants.first().sku

    result = merchandiser_api(
        dashboard_document("ProductVariantBulkCreate"),
        {"id": global_id(belt), "inputs": [{"sku": taken, "attributes": []}]},
    )

    (row,) = result["data"]["productVariantBulkCreate"]["results"]
    assert [(e["field"], e["code"]) for e in row["errors"]] == [("sku", "UNIQUE")]
    assert belt.variants.count() == 2


CREATE_WITH_POLICY = """
mutation Create($id: ID!, $inputs: [ProductVariantBulkCreateInput!]!,
                $policy: ErrorPolicyEnum) {
  productVariantBulkCreate(product: $id, variants: $inputs, errorPolicy: $policy) {
    count
    results { productVariant { sku } errors { field code } }
  }
}
"""


def test_grid_added_rows_with_ignore_failed_keep_the_rows_that_saved(
    merchandiser_api, belt
):
    taken = belt.variants.first().sku

    result = merchandiser_api(
        CREATE_WITH_POLICY,
        {
            "id": global_id(belt),
            "inputs": [
                {"sku": taken, "attributes": []},
                {"sku": "BELT-XXL", "attributes": []},
            ],
            "policy": "IGNORE_FAILED",
        },
    )

    payload = result["data"]["productVariantBulkCreate"]
    assert payload["count"] == 1
    assert payload["results"] == [
        {"productVariant": None, "errors": [{"field": "sku", "code": "UNIQUE"}]},
        {"productVariant": {"sku": "BELT-XXL"}, "errors": []},
    ]
    assert belt.variants.filter(sku="BELT-XXL").exists()
