"""productCreate, productUpdate, productDelete through /graphql/."""

import json

import pytest
from django.db import IntegrityError

from backend.product.models import Product
from tests import factories

from .conftest import assert_permission_denied, global_id

pytestmark = pytest.mark.django_db

PRODUCT_CREATE = """
mutation Create($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product { id name slug }
    errors { field code message }
    productErrors { field code }
  }
}
"""
PRODUCT_UPDATE = """
mutation Update($id: ID!, $input: ProductInput!) {
  productUpdate(id: $id, input: $input) {
    product { id name }
    errors { field code message }
  }
}
"""
PRODUCT_DELETE = """
mutation Delete($id: ID!) {
  productDelete(id: $id) { product { id } errors { field code message } }
}
"""


def test_product_create_returns_the_new_product(staff_api, product_type):
    category = factories.CategoryFactory()

    result = staff_api(
        PRODUCT_CREATE,
        {
            "input": {
                "productType": global_id(product_type),
                "name": "Door Stretch Strap",
                "category": global_id(category),
                "seo": {"title": "Strap"},
                "description": json.dumps(
                    {"blocks": [{"type": "paragraph", "data": {"text": "Long"}}]}
                ),
                "weight": 0.25,
            }
        },
    )

    payload = result["data"]["productCreate"]
    assert payload["errors"] == [] and payload["productErrors"] == []
    assert payload["product"]["name"] == "Door Stretch Strap"
    product = Product.objects.get()
    assert payload["product"]["id"] == global_id(product)
    assert (product.slug, product.seo_title, product.weight_grams) == (
        "door-stretch-strap",
        "Strap",
        250,
    )
    assert product.description_plaintext == "Long"


@pytest.mark.parametrize("who", ["anonymous", "customer", "staff_without_permission"])
def test_product_create_is_refused_without_manage_products(
    who, api, product_type, customer_user, staff_user
):
    if who == "customer":
        api.login(customer_user)
    elif who == "staff_without_permission":
        api.login(staff_user)

    result = api(
        PRODUCT_CREATE,
        {
            "input": {
                "productType": global_id(product_type),
                "name": "Strap",
            }
        },
    )

    assert_permission_denied(result, "productCreate")
    assert "MANAGE_PRODUCTS" in result["errors"][0]["message"]
    assert not Product.objects.exists()


def test_product_create_with_unknown_product_type_is_a_not_found_error(staff_api):
    result = staff_api(
        PRODUCT_CREATE,
        {
            "input": {
                "productType": "UHJvZHVjdFR5cGU6OTk5OTk=",
                "name": "Strap",
            }
        },
    )

    assert result["data"]["productCreate"]["errors"] == [
        {
            "field": "productType",
            "code": "NOT_FOUND",
            "message": "Couldn't resolve to a node: UHJvZHVjdFR5cGU6OTk5OTk=",
        }
    ]
    assert result["data"]["productCreate"]["productErrors"][0]["code"] == "NOT_FOUND"


def test_product_create_with_an_invalid_id_is_a_graphql_error(staff_api):
    result = staff_api(
        PRODUCT_CREATE,
        {
            "input": {
                "productType": "not-an-id",
                "name": "Strap",
            }
        },
    )

    error = result["data"]["productCreate"]["errors"][0]
    assert (error["field"], error["code"]) == ("productType", "GRAPHQL_ERROR")
    assert not Product.objects.exists()


def test_product_create_with_a_product_id_as_type_is_refused(staff_api):
    product = factories.ProductFactory()

    result = staff_api(
        PRODUCT_CREATE,
        {
            "input": {
                "productType": global_id(product),
                "name": "Strap",
            }
        },
    )

    error = result["data"]["productCreate"]["errors"][0]
    assert (error["field"], error["code"]) == ("productType", "GRAPHQL_ERROR")
    assert error["message"] == "Must receive a ProductType id, got Product."


def test_product_update_renames_and_keeps_other_fields(staff_api):
    product = factories.ProductFactory(name="Old", seo_title="Keep me")

    result = staff_api(
        PRODUCT_UPDATE,
        {
            "id": global_id(product),
            "input": {"name": "Foam Roller"},
        },
    )

    assert result["data"]["productUpdate"]["errors"] == []
    product.refresh_from_db()
    assert (product.name, product.seo_title) == ("Foam Roller", "Keep me")


def test_product_update_of_an_unknown_product_changes_nothing(staff_api):
    product = factories.ProductFactory(name="Old")
    missing = "UHJvZHVjdDo5OTk5OTk="  # Product:999999

    result = staff_api(PRODUCT_UPDATE, {"id": missing, "input": {"name": "New"}})

    assert result["data"]["productUpdate"]["errors"][0]["code"] == "NOT_FOUND"
    assert result["data"]["productUpdate"]["product"] is None
    product.refresh_from_db()
    assert product.name == "Old"


def test_product_update_with_a_taken_slug_is_a_unique_error(staff_api):
    factories.ProductFactory(slug="taken")
    product = factories.ProductFactory(slug="mine")

    result = staff_api(
        PRODUCT_UPDATE, {"id": global_id(product), "input": {"slug": "taken"}}
    )

    assert result["data"]["productUpdate"]["errors"] == [
        {
            "field": "slug",
            "code": "UNIQUE",
            "message": "Product with this Slug already exists.",
        }
    ]
    product.refresh_from_db()
    assert product.slug == "mine"


def test_product_delete_removes_the_product(staff_api):
    product = factories.ProductFactory()
    product_id = global_id(product)

    result = staff_api(PRODUCT_DELETE, {"id": product_id})

    assert result["data"]["productDelete"] == {
        "product": {"id": product_id},
        "errors": [],
    }
    assert not Product.objects.exists()


def test_a_unique_clash_at_write_time_is_a_unique_error(
    staff_api, product_type, monkeypatch
):
    # A concurrent writer taking the slug between check and insert is what
    # raises here; the door must answer with Saleor's error shape.
    def clash(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr("backend.product.services.product_create", clash)

    result = staff_api(
        PRODUCT_CREATE,
        {"input": {"productType": global_id(product_type), "name": "Strap"}},
    )

    assert result["data"]["productCreate"]["errors"] == [
        {
            "field": None,
            "code": "UNIQUE",
            "message": "The object changed meanwhile or a unique value is taken; "
            "retry.",
        }
    ]


PRODUCT_UPDATE_BY_REFERENCE = """
mutation ($ref: String!, $input: ProductInput!) {
  productUpdate(externalReference: $ref, input: $input) {
    product { name externalReference }
    errors { field code message }
  }
}
"""


def test_product_update_finds_the_product_by_its_external_reference(staff_api):
    product = factories.ProductFactory(name="Old", external_reference="erp-17")

    result = staff_api(
        PRODUCT_UPDATE_BY_REFERENCE, {"ref": "erp-17", "input": {"name": "New"}}
    )

    assert result["data"]["productUpdate"] == {
        "product": {"name": "New", "externalReference": "erp-17"},
        "errors": [],
    }
    product.refresh_from_db()
    assert product.name == "New"


def test_product_update_with_a_taken_external_reference_is_a_unique_error(
    staff_api,
):
    factories.ProductFactory(external_reference="erp-1")
    product = factories.ProductFactory(external_reference="erp-2")

    result = staff_api(
        PRODUCT_UPDATE,
        {"id": global_id(product), "input": {"externalReference": "erp-1"}},
    )

    assert result["data"]["productUpdate"]["errors"] == [
        {
            "field": "externalReference",
            "code": "UNIQUE",
            "message": "Product with this External reference already exists.",
        }
    ]
    product.refresh_from_db()
    assert product.external_reference == "erp-2"
