"""productVariantCreate, productVariantUpdate, productVariantDelete."""

import pytest

from backend.attribute.models import AttributeValue
from backend.product.models import ProductVariant
from backend.warehouse.models import Stock
from tests import factories

from .conftest import global_id

pytestmark = pytest.mark.django_db

VARIANT_CREATE = """
mutation Create($input: ProductVariantCreateInput!) {
  productVariantCreate(input: $input) {
    productVariant { id }
    errors { field code message }
    productErrors { code }
  }
}
"""
VARIANT_UPDATE = """
mutation Update($sku: String, $input: ProductVariantInput!) {
  productVariantUpdate(sku: $sku, input: $input) {
    productVariant { id }
    errors { field code message }
  }
}
"""
VARIANT_DELETE = """
mutation Delete($id: ID) {
  productVariantDelete(id: $id) { productVariant { id } errors { field code } }
}
"""


def test_variant_create_with_attribute_and_stock(staff_api, warehouse):
    product = factories.ProductFactory()
    length = factories.AttributeVariantFactory(
        product_type=product.product_type
    ).attribute

    result = staff_api(
        VARIANT_CREATE,
        {
            "input": {
                "product": global_id(product),
                "sku": "STRAP-180",
                "name": "180 cm",
                "attributes": [
                    {"id": global_id(length), "dropdown": {"value": "180 cm"}}
                ],
                "stocks": [{"warehouse": global_id(warehouse), "quantity": 12}],
            }
        },
    )

    payload = result["data"]["productVariantCreate"]
    assert payload["errors"] == []
    variant = ProductVariant.objects.get(sku="STRAP-180")
    assert payload["productVariant"]["id"] == global_id(variant)
    assert Stock.objects.get(product_variant=variant).quantity == 12
    assert AttributeValue.objects.get(variantvalueassignment__variant=variant).name == (
        "180 cm"
    )


def test_variant_create_with_a_duplicate_sku_is_refused(staff_api):
    factories.ProductVariantFactory(sku="STRAP-180")
    product = factories.ProductFactory()

    result = staff_api(
        VARIANT_CREATE,
        {
            "input": {
                "product": global_id(product),
                "sku": "STRAP-180",
                "attributes": [],
            }
        },
    )

    payload = result["data"]["productVariantCreate"]
    assert payload["errors"] == [
        {
            "field": "sku",
            "code": "UNIQUE",
            "message": "Product variant with this SKU already exists.",
        }
    ]
    assert payload["productErrors"] == [{"code": "UNIQUE"}]
    assert not product.variants.exists()


def test_variant_create_with_a_negative_stock_creates_no_variant(staff_api, warehouse):
    product = factories.ProductFactory()

    result = staff_api(
        VARIANT_CREATE,
        {
            "input": {
                "product": global_id(product),
                "sku": "NEG",
                "attributes": [],
                "stocks": [{"warehouse": global_id(warehouse), "quantity": -3}],
            }
        },
    )

    assert result["data"]["productVariantCreate"]["errors"][0]["code"] == "INVALID"
    assert not ProductVariant.objects.filter(sku="NEG").exists()


def test_variant_create_with_a_product_attribute_is_refused(staff_api):
    product = factories.ProductFactory()
    attribute = factories.AttributeProductFactory(
        product_type=product.product_type
    ).attribute

    result = staff_api(
        VARIANT_CREATE,
        {
            "input": {
                "product": global_id(product),
                "sku": "X",
                "attributes": [
                    {"id": global_id(attribute), "dropdown": {"value": "Big"}}
                ],
            }
        },
    )

    error = result["data"]["productVariantCreate"]["errors"][0]
    assert (error["field"], error["code"]) == (
        "attributes",
        "ATTRIBUTE_CANNOT_BE_ASSIGNED",
    )


def test_variant_update_by_sku_renames(staff_api):
    variant = factories.ProductVariantFactory(sku="ROLL-45", name="Short")

    result = staff_api(VARIANT_UPDATE, {"sku": "ROLL-45", "input": {"name": "45 cm"}})

    assert result["data"]["productVariantUpdate"]["errors"] == []
    variant.refresh_from_db()
    assert variant.name == "45 cm"


def test_variant_update_of_an_unknown_sku_is_not_found(staff_api):
    result = staff_api(VARIANT_UPDATE, {"sku": "NOPE", "input": {"name": "x"}})

    assert result["data"]["productVariantUpdate"]["errors"] == [
        {
            "field": "sku",
            "code": "NOT_FOUND",
            "message": "Couldn't resolve to a node: NOPE",
        }
    ]


def test_variant_delete_removes_the_variant(staff_api):
    variant = factories.ProductVariantFactory()

    result = staff_api(VARIANT_DELETE, {"id": global_id(variant)})

    assert result["data"]["productVariantDelete"]["errors"] == []
    assert not ProductVariant.objects.exists()
