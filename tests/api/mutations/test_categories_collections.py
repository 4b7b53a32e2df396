"""Category and collection mutations."""

import pytest

from backend.product.models import Category, Collection, CollectionChannelListing
from tests import factories

from .conftest import global_id

pytestmark = pytest.mark.django_db

CATEGORY_CREATE = """
mutation Create($parent: ID, $input: CategoryInput!) {
  categoryCreate(parent: $parent, input: $input) {
    category { id }
    errors { field code message }
  }
}
"""
CATEGORY_UPDATE = """
mutation Update($id: ID!, $input: CategoryInput!) {
  categoryUpdate(id: $id, input: $input) { category { id } errors { field code } }
}
"""
CATEGORY_DELETE = """
mutation Delete($id: ID!) {
  categoryDelete(id: $id) { category { id } errors { field code } }
}
"""
COLLECTION_CREATE = """
mutation Create($input: CollectionCreateInput!) {
  collectionCreate(input: $input) {
    collection { id }
    errors { field code message }
    collectionErrors { code }
  }
}
"""
COLLECTION_UPDATE = """
mutation Update($id: ID!, $input: CollectionInput!) {
  collectionUpdate(id: $id, input: $input) { collection { id } errors { field code } }
}
"""
ADD_PRODUCTS = """
mutation Add($collectionId: ID!, $products: [ID!]!) {
  collectionAddProducts(collectionId: $collectionId, products: $products) {
    collection { id }
    errors { field code message }
  }
}
"""
REMOVE_PRODUCTS = """
mutation Remove($collectionId: ID!, $products: [ID!]!) {
  collectionRemoveProducts(collectionId: $collectionId, products: $products) {
    collection { id }
    errors { field code }
  }
}
"""
COLLECTION_LISTING = """
mutation Listing($id: ID!, $input: CollectionChannelListingUpdateInput!) {
  collectionChannelListingUpdate(id: $id, input: $input) {
    collection { id }
    errors { field code }
    collectionChannelListingErrors { code }
  }
}
"""


def test_category_create_under_a_parent(staff_api):
    parent = factories.CategoryFactory(name="Heat")

    result = staff_api(
        CATEGORY_CREATE,
        {
            "parent": global_id(parent),
            "input": {"name": "Gel packs"},
        },
    )

    assert result["data"]["categoryCreate"]["errors"] == []
    child = Category.objects.get(slug="gel-packs")
    assert child.parent == parent


def test_category_create_without_a_name_is_required_error(staff_api):
    result = staff_api(CATEGORY_CREATE, {"input": {"slug": "nameless"}})

    assert result["data"]["categoryCreate"]["errors"] == [
        {
            "field": "name",
            "code": "REQUIRED",
            "message": "This field cannot be blank.",
        }
    ]
    assert not Category.objects.exists()


def test_category_update_and_delete(staff_api):
    category = factories.CategoryFactory(name="Cold")

    staff_api(CATEGORY_UPDATE, {"id": global_id(category), "input": {"name": "Ice"}})
    category.refresh_from_db()
    assert category.name == "Ice"

    result = staff_api(CATEGORY_DELETE, {"id": global_id(category)})

    assert result["data"]["categoryDelete"]["errors"] == []
    assert not Category.objects.exists()


def test_collection_create_with_products(staff_api):
    products = factories.ProductFactory.create_batch(2)

    result = staff_api(
        COLLECTION_CREATE,
        {
            "input": {
                "name": "Sciatica kit",
                "products": [global_id(p) for p in products],
            }
        },
    )

    assert result["data"]["collectionCreate"]["errors"] == []
    collection = Collection.objects.get()
    assert set(collection.products.all()) == set(products)


def test_collection_update_renames(staff_api):
    collection = factories.CollectionFactory()

    staff_api(
        COLLECTION_UPDATE, {"id": global_id(collection), "input": {"name": "Kit"}}
    )

    collection.refresh_from_db()
    assert collection.name == "Kit"


def test_collection_add_products_twice_is_refused(staff_api):
    collection = factories.CollectionFactory()
    product = factories.ProductFactory()
    variables = {
        "collectionId": global_id(collection),
        "products": [global_id(product)],
    }
    staff_api(ADD_PRODUCTS, variables)

    result = staff_api(ADD_PRODUCTS, variables)

    assert result["data"]["collectionAddProducts"]["errors"][0]["code"] == "UNIQUE"
    assert collection.products.count() == 1


def test_collection_remove_products(staff_api):
    product = factories.ProductFactory()
    collection = factories.CollectionProductFactory(product=product).collection

    result = staff_api(
        REMOVE_PRODUCTS,
        {
            "collectionId": global_id(collection),
            "products": [global_id(product)],
        },
    )

    assert result["data"]["collectionRemoveProducts"]["errors"] == []
    assert not collection.products.exists()


def test_collection_channel_listing_update_publishes(staff_api, channel):
    collection = factories.CollectionFactory()

    result = staff_api(
        COLLECTION_LISTING,
        {
            "id": global_id(collection),
            "input": {
                "addChannels": [{"channelId": global_id(channel), "isPublished": True}],
            },
        },
    )

    assert result["data"]["collectionChannelListingUpdate"]["errors"] == []
    assert CollectionChannelListing.objects.get(collection=collection).is_published
