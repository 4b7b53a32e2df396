"""Attribute and menu mutations."""

import pytest

from backend.attribute.models import Attribute
from backend.core.permissions import PermissionEnum
from backend.menu.models import Menu, MenuItem
from tests import factories

from .conftest import assert_permission_denied, global_id, grant

pytestmark = pytest.mark.django_db

ATTRIBUTE_CREATE = """
mutation Create($input: AttributeCreateInput!) {
  attributeCreate(input: $input) {
    attribute { id }
    errors { field code message }
    attributeErrors { code }
  }
}
"""
ATTRIBUTE_UPDATE = """
mutation Update($id: ID!, $input: AttributeUpdateInput!) {
  attributeUpdate(id: $id, input: $input) { attribute { id } errors { field code } }
}
"""
VALUE_CREATE = """
mutation Value($attribute: ID!, $input: AttributeValueCreateInput!) {
  attributeValueCreate(attribute: $attribute, input: $input) {
    attribute { id }
    attributeValue { id }
    errors { field code message }
  }
}
"""
MENU_CREATE = """
mutation Menu($input: MenuCreateInput!) {
  menuCreate(input: $input) { menu { id } errors { field code message } }
}
"""
MENU_ITEM_CREATE = """
mutation Item($input: MenuItemCreateInput!) {
  menuItemCreate(input: $input) { menuItem { id } errors { field code message } }
}
"""
MENU_ITEM_UPDATE = """
mutation Item($id: ID!, $input: MenuItemInput!) {
  menuItemUpdate(id: $id, input: $input) { menuItem { id } errors { field code } }
}
"""


def test_attribute_create_with_values(staff_api):
    result = staff_api(
        ATTRIBUTE_CREATE,
        {
            "input": {
                "name": "Density",
                "type": "PRODUCT_TYPE",
                "inputType": "DROPDOWN",
                "values": [{"name": "Soft"}, {"name": "Firm"}],
            }
        },
    )

    assert result["data"]["attributeCreate"]["errors"] == []
    attribute = Attribute.objects.get(slug="density")
    assert list(attribute.values.values_list("name", flat=True)) == ["Soft", "Firm"]


def test_attribute_create_needs_the_attributes_permission(api, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCTS))

    result = api(
        ATTRIBUTE_CREATE, {"input": {"name": "Density", "type": "PRODUCT_TYPE"}}
    )

    assert_permission_denied(result, "attributeCreate")
    assert not Attribute.objects.exists()


def test_attribute_create_with_a_taken_slug_is_unique_error(staff_api):
    factories.AttributeFactory(slug="density")

    result = staff_api(
        ATTRIBUTE_CREATE, {"input": {"name": "Density", "type": "PRODUCT_TYPE"}}
    )

    assert result["data"]["attributeCreate"]["attributeErrors"] == [{"code": "UNIQUE"}]


def test_attribute_update_and_value_create(staff_api):
    attribute = factories.AttributeFactory(name="Size")

    staff_api(ATTRIBUTE_UPDATE, {"id": global_id(attribute), "input": {"name": "Fit"}})
    result = staff_api(
        VALUE_CREATE,
        {
            "attribute": global_id(attribute),
            "input": {"name": "Large"},
        },
    )

    assert result["data"]["attributeValueCreate"]["errors"] == []
    attribute.refresh_from_db()
    assert attribute.name == "Fit"
    assert list(attribute.values.values_list("name", flat=True)) == ["Large"]


def test_menu_create_with_items(staff_api):
    category = factories.CategoryFactory()

    result = staff_api(
        MENU_CREATE,
        {
            "input": {
                "name": "Footer",
                "items": [
                    {"name": "Heat", "category": global_id(category)},
                    {"name": "Help", "url": "https://example.com/help"},
                ],
            }
        },
    )

    assert result["data"]["menuCreate"]["errors"] == []
    menu = Menu.objects.get(slug="footer")
    assert menu.items.count() == 2


def test_menu_create_is_refused_without_manage_menus(api, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCTS))

    result = api(MENU_CREATE, {"input": {"name": "Footer"}})

    assert_permission_denied(result, "menuCreate")
    assert not Menu.objects.exists()


def test_menu_item_create_and_update(staff_api):
    menu = factories.MenuFactory()
    collection = factories.CollectionFactory()

    created = staff_api(
        MENU_ITEM_CREATE,
        {
            "input": {
                "menu": global_id(menu),
                "name": "Kits",
                "url": "https://example.com/kits",
            }
        },
    )
    item = MenuItem.objects.get(menu=menu)
    updated = staff_api(
        MENU_ITEM_UPDATE,
        {
            "id": global_id(item),
            "input": {"collection": global_id(collection)},
        },
    )

    assert created["data"]["menuItemCreate"]["errors"] == []
    assert updated["data"]["menuItemUpdate"]["errors"] == []
    item.refresh_from_db()
    assert (item.collection, item.url) == (collection, None)


def test_menu_item_with_two_links_is_refused(staff_api):
    menu = factories.MenuFactory()

    result = staff_api(
        MENU_ITEM_CREATE,
        {
            "input": {
                "menu": global_id(menu),
                "name": "Both",
                "url": "https://example.com",
                "category": global_id(factories.CategoryFactory()),
            }
        },
    )

    assert (
        result["data"]["menuItemCreate"]["errors"][0]["code"] == "TOO_MANY_MENU_ITEMS"
    )
    assert not MenuItem.objects.exists()
