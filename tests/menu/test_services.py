"""Menu services."""

import pytest
from django.core.exceptions import ValidationError

from backend.menu.models import Menu, MenuItem
from backend.menu.services import menu_create, menu_item_create, menu_item_update
from tests import factories

pytestmark = pytest.mark.django_db


def test_menu_create_adds_items_in_order():
    category = factories.CategoryFactory()

    menu = menu_create(
        name="Footer",
        items=[
            {"name": "Heat", "category": category},
            {"name": "Help", "url": "https://example.com/help"},
        ],
    )

    assert menu.slug == "footer"
    assert list(menu.items.order_by("sort_order").values_list("name", flat=True)) == [
        "Heat",
        "Help",
    ]


def test_menu_create_refuses_an_item_with_two_links():
    with pytest.raises(ValidationError) as excinfo:
        menu_create(
            name="Footer",
            items=[
                {
                    "name": "Both",
                    "url": "https://example.com",
                    "category": factories.CategoryFactory(),
                }
            ],
        )

    assert excinfo.value.error_dict["items"][0].code == "TOO_MANY_MENU_ITEMS"
    assert not Menu.objects.exists()


def test_menu_item_create_nests_under_a_parent():
    parent = factories.MenuItemFactory()

    child = menu_item_create(menu=parent.menu, name="Straps", parent=parent)

    assert child.parent == parent and child.menu == parent.menu


def test_menu_item_create_refuses_a_parent_in_another_menu():
    parent = factories.MenuItemFactory()

    with pytest.raises(ValidationError) as excinfo:
        menu_item_create(menu=factories.MenuFactory(), name="X", parent=parent)

    assert excinfo.value.error_dict["parent"][0].code == "INVALID_MENU_ITEM"


def test_menu_item_update_switches_the_link():
    item = factories.MenuItemFactory(url="https://example.com")
    collection = factories.CollectionFactory()

    menu_item_update(menu_item=item, name="Kits", collection=collection)

    item = MenuItem.objects.get(pk=item.pk)
    assert (item.name, item.collection, item.url) == ("Kits", collection, None)
