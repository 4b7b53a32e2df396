"""The dashboard's product type screens and its tax class pickers."""

import pytest

from backend.attribute.models import AttributeProduct, AttributeVariant
from backend.product.models import Product, ProductType
from tests import factories
from tests.api.dashboard_documents import dashboard_document

from .conftest import assert_permission_denied, global_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(db):
    strap = factories.ProductTypeFactory(name="Strap", slug="strap")
    cushion = factories.ProductTypeFactory(
        name="Cushion", slug="cushion", is_shipping_required=False
    )
    size = factories.AttributeFactory(name="Size", slug="size")
    factories.AttributeVariantFactory(
        attribute=size, product_type=strap, variant_selection=True
    )
    return {"strap": strap, "cushion": cushion, "size": size}


def _names(result):
    assert "errors" not in result, result.get("errors")
    return [edge["node"]["name"] for edge in result["data"]["productTypes"]["edges"]]


def test_product_type_list_sorts_and_filters(merchandiser_api, types):
    document = dashboard_document("ProductTypeList")

    by_name = merchandiser_api(
        document, {"first": 20, "sort": {"field": "NAME", "direction": "DESC"}}
    )
    shippable = merchandiser_api(
        document, {"first": 20, "filter": {"productType": "SHIPPABLE"}}
    )
    searched = merchandiser_api(document, {"first": 20, "filter": {"search": "cush"}})

    assert _names(by_name) == ["Strap", "Cushion"]
    assert _names(shippable) == ["Strap"]
    assert _names(searched) == ["Cushion"]
    assert by_name["data"]["productTypes"]["edges"][0]["node"]["taxClass"] is None


def test_product_type_details_list_assigned_variant_attributes(merchandiser_api, types):
    result = merchandiser_api(
        dashboard_document("ProductTypeDetails"), {"id": global_id(types["strap"])}
    )

    assert "errors" not in result, result.get("errors")
    product_type = result["data"]["productType"]
    assert [
        (item["attribute"]["slug"], item["variantSelection"])
        for item in product_type["assignedVariantAttributes"]
    ] == [("size", True)]
    assert product_type["taxClass"] is None


def test_tax_classes_are_saleors_empty_connection(merchandiser_api):
    result = merchandiser_api(dashboard_document("TaxClassAssign"), {"first": 20})

    assert result == {
        "data": {
            "taxClasses": {
                "edges": [],
                "pageInfo": {"hasNextPage": False, "endCursor": None},
            }
        }
    }


def test_product_type_create_with_attributes(merchandiser_api, types):
    color = factories.AttributeFactory(name="Color", slug="color")

    result = merchandiser_api(
        dashboard_document("ProductTypeCreate"),
        {
            "input": {
                "name": "Brace",
                "kind": "NORMAL",
                "isShippingRequired": True,
                "weight": 0.4,
                "taxClass": None,
                "productAttributes": [global_id(color)],
                "variantAttributes": [global_id(types["size"])],
            }
        },
    )

    payload = result["data"]["productTypeCreate"]
    assert payload["errors"] == []
    assert payload["productType"]["name"] == "Brace"
    brace = ProductType.objects.get(slug="brace")
    assert brace.weight_grams == 400
    assert list(
        AttributeProduct.objects.filter(product_type=brace).values_list(
            "attribute__slug", flat=True
        )
    ) == ["color"]
    assert AttributeVariant.objects.filter(product_type=brace).count() == 1


def test_product_type_update_renames_and_refuses_a_tax_class(merchandiser_api, types):
    document = dashboard_document("ProductTypeUpdate")
    strap = types["strap"]

    renamed = merchandiser_api(
        document,
        {"id": global_id(strap), "input": {"name": "Back strap", "taxClass": None}},
    )
    refused = merchandiser_api(
        document,
        {
            "id": global_id(strap),
            "input": {"name": "Other", "taxClass": "VGF4Q2xhc3M6MQ=="},
        },
    )

    assert renamed["data"]["productTypeUpdate"]["errors"] == []
    errors = refused["data"]["productTypeUpdate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("taxClass", "NOT_FOUND")]
    assert ProductType.objects.get(pk=strap.pk).name == "Back strap"


def test_product_type_delete_deletes_its_products(merchandiser_api, types):
    factories.ProductFactory(product_type=types["strap"])

    result = merchandiser_api(
        dashboard_document("ProductTypeDelete"), {"id": global_id(types["strap"])}
    )

    assert result["data"]["productTypeDelete"]["errors"] == []
    assert not Product.objects.exists()
    assert list(ProductType.objects.values_list("slug", flat=True)) == ["cushion"]


@pytest.mark.parametrize(
    ("operation", "field"),
    [
        ("ProductTypeCreate", "productTypeCreate"),
        ("ProductTypeUpdate", "productTypeUpdate"),
        ("ProductTypeDelete", "productTypeDelete"),
        ("ProductTypeBulkDelete", "productTypeBulkDelete"),
    ],
)
def test_product_type_mutations_are_refused_to_operations(
    operations_api, types, operation, field
):
    strap = types["strap"]
    variables = {
        "ProductTypeCreate": {"input": {"name": "X"}},
        "ProductTypeUpdate": {"id": global_id(strap), "input": {"name": "X"}},
        "ProductTypeDelete": {"id": global_id(strap)},
        "ProductTypeBulkDelete": {"ids": [global_id(strap)]},
    }[operation]

    result = operations_api(dashboard_document(operation), variables)

    assert_permission_denied(result, field)
    assert sorted(ProductType.objects.values_list("name", flat=True)) == [
        "Cushion",
        "Strap",
    ]
