"""Translation and metadata mutations."""

import pytest

from backend.core.permissions import PermissionEnum
from tests import factories

from .conftest import assert_permission_denied, global_id, grant

pytestmark = pytest.mark.django_db

PRODUCT_TRANSLATE = """
mutation T($id: ID!, $input: TranslationInput!) {
  productTranslate(id: $id, languageCode: DE, input: $input) {
    product { id }
    errors { field code message }
    translationErrors { code }
  }
}
"""
VARIANT_TRANSLATE = """
mutation T($id: ID!) {
  productVariantTranslate(id: $id, languageCode: PL, input: {name: "Długi"}) {
    productVariant { id } errors { field code }
  }
}
"""
CATEGORY_TRANSLATE = """
mutation T($id: ID!) {
  categoryTranslate(id: $id, languageCode: FR, input: {name: "Chaleur"}) {
    category { id } errors { field code }
  }
}
"""
COLLECTION_TRANSLATE = """
mutation T($id: ID!) {
  collectionTranslate(id: $id, languageCode: ES, input: {name: "Kit"}) {
    collection { id } errors { field code }
  }
}
"""
ATTRIBUTE_TRANSLATE = """
mutation T($id: ID!, $valueId: ID!) {
  attributeTranslate(id: $id, languageCode: DE, input: {name: "Härte"}) {
    attribute { id } errors { field code }
  }
  attributeValueTranslate(id: $valueId, languageCode: DE, input: {name: "Fest"}) {
    attributeValue { id } errors { field code }
  }
}
"""
UPDATE_METADATA = """
mutation M($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    item { metadata { key value } }
    errors { field code message }
  }
  updatePrivateMetadata(id: $id, input: $input) { errors { field code } }
}
"""


def test_product_translate_stores_the_translation(staff_api):
    product = factories.ProductFactory()

    result = staff_api(
        PRODUCT_TRANSLATE,
        {
            "id": global_id(product),
            "input": {
                "name": "Dehngurt",
                "slug": "dehngurt",
                "seoTitle": "Gurt",
            },
        },
    )

    assert result["data"]["productTranslate"]["errors"] == []
    translation = product.translations.get()
    assert (translation.language_code, translation.name, translation.slug) == (
        "de",
        "Dehngurt",
        "dehngurt",
    )


def test_product_translate_needs_manage_translations(api, staff_user):
    product = factories.ProductFactory()
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCTS))

    result = api(PRODUCT_TRANSLATE, {"id": global_id(product), "input": {"name": "X"}})

    assert_permission_denied(result, "productTranslate")
    assert not product.translations.exists()


def test_product_translate_of_an_unknown_product_is_not_found(staff_api):
    result = staff_api(PRODUCT_TRANSLATE, {"id": "UHJvZHVjdDo5OTk5OQ==", "input": {}})

    assert result["data"]["productTranslate"]["translationErrors"] == [
        {"code": "NOT_FOUND"}
    ]


def test_variant_category_and_collection_translate(staff_api):
    variant = factories.ProductVariantFactory()
    category = factories.CategoryFactory()
    collection = factories.CollectionFactory()

    staff_api(VARIANT_TRANSLATE, {"id": global_id(variant)})
    staff_api(CATEGORY_TRANSLATE, {"id": global_id(category)})
    staff_api(COLLECTION_TRANSLATE, {"id": global_id(collection)})

    assert variant.translations.get().name == "Długi"
    assert category.translations.get().language_code == "fr"
    assert collection.translations.get().language_code == "es"


def test_attribute_and_value_translate(staff_api):
    value = factories.AttributeValueFactory()

    result = staff_api(
        ATTRIBUTE_TRANSLATE,
        {
            "id": global_id(value.attribute),
            "valueId": global_id(value),
        },
    )

    assert result["data"]["attributeTranslate"]["errors"] == []
    assert value.attribute.translations.get().name == "Härte"
    assert value.translations.get().name == "Fest"


def test_update_metadata_of_a_product(staff_api):
    product = factories.ProductFactory()

    result = staff_api(
        UPDATE_METADATA,
        {
            "id": global_id(product),
            "input": [
                {"key": "supplier", "value": "acme"},
            ],
        },
    )

    assert result["data"]["updateMetadata"] == {
        "item": {"metadata": [{"key": "supplier", "value": "acme"}]},
        "errors": [],
    }
    product.refresh_from_db()
    assert product.metadata == {"supplier": "acme"}
    assert product.private_metadata == {"supplier": "acme"}


def test_update_metadata_of_a_menu_needs_manage_menus(api, staff_user):
    menu = factories.MenuFactory()
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCTS))

    result = api(
        UPDATE_METADATA,
        {
            "id": global_id(menu),
            "input": [
                {"key": "k", "value": "v"},
            ],
        },
    )

    assert result["data"]["updateMetadata"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    menu.refresh_from_db()
    assert menu.metadata == {}
