"""menuCreate, menuItemCreate, menuItemUpdate."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.menu import services
from backend.menu.models import Menu, MenuItem
from backend.page.models import Page
from backend.product.models import Category, Collection

from ...core.errors import MenuError
from ...core.mutations import BaseMutation, get_node
from ..types import Menu as MenuType
from ..types import MenuItem as MenuItemType

LINK_MODELS = {"category": Category, "collection": Collection, "page": Page}
LINK_TYPE_NAMES = {"category": "Category", "collection": "Collection", "page": "Page"}


class MenuItemInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the menu item.")
    url = graphene.String(description="URL of the pointed item.")
    category = graphene.ID(description="Category to which item points.")
    collection = graphene.ID(description="Collection to which item points.")
    page = graphene.ID(description="Page to which item points.")


class MenuItemCreateInput(MenuItemInput):
    name = graphene.String(required=True, description="Name of the menu item.")
    menu = graphene.ID(required=True, description="Menu to which item belongs.")
    parent = graphene.ID(description="ID of the parent menu.")


class MenuCreateInput(graphene.InputObjectType):
    name = graphene.String(required=True, description="Name of the menu.")
    slug = graphene.String(
        description="Slug of the menu. Will be generated if not provided."
    )
    items = graphene.List(
        graphene.NonNull(MenuItemInput), description="List of menu items."
    )


def link_fields(data) -> dict:
    """Return the menu item link fields of an input, objects loaded."""
    fields = {}
    if "url" in data:
        fields["url"] = data["url"]
    for name, model in LINK_MODELS.items():
        if name in data:
            fields[name] = data[name] and get_node(
                data[name],
                type_name=LINK_TYPE_NAMES[name],
                model=model,
                field_name=name,
            )
    return fields


class MenuCreate(BaseMutation):
    menu = graphene.Field(MenuType)

    class Arguments:
        input = MenuCreateInput(
            required=True, description="Fields required to create a menu."
        )

    class Meta:
        description = "Creates a new Menu."
        permissions = (PermissionEnum.MANAGE_MENUS,)
        error_type_class = MenuError
        error_type_field = "menu_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        return {
            "name": data["name"],
            "slug": data.get("slug"),
            "items": [
                {"name": item.get("name"), **link_fields(item)}
                for item in data.get("items") or []
            ],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(menu=services.menu_create(**cleaned))


class MenuItemCreate(BaseMutation):
    menu_item = graphene.Field(MenuItemType)

    class Arguments:
        input = MenuItemCreateInput(required=True)

    class Meta:
        description = "Creates a new menu item."
        permissions = (PermissionEnum.MANAGE_MENUS,)
        error_type_class = MenuError
        error_type_field = "menu_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        parent = None
        if data.get("parent"):
            parent = get_node(
                data["parent"],
                type_name="MenuItem",
                model=MenuItem,
                field_name="parent",
            )
        return {
            "menu": get_node(
                data["menu"], type_name="Menu", model=Menu, field_name="menu"
            ),
            "name": data["name"],
            "parent": parent,
            **link_fields(data),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(menu_item=services.menu_item_create(**cleaned))


class MenuItemUpdate(BaseMutation):
    menu_item = graphene.Field(MenuItemType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a menu item to update.")
        input = MenuItemInput(required=True)

    class Meta:
        description = "Updates a menu item."
        permissions = (PermissionEnum.MANAGE_MENUS,)
        error_type_class = MenuError
        error_type_field = "menu_errors"

    @classmethod
    def clean_input(cls, info, **data):
        fields = link_fields(data["input"])
        if data["input"].get("name") is not None:
            fields["name"] = data["input"]["name"]
        return {
            "menu_item": get_node(data["id"], type_name="MenuItem", model=MenuItem),
            **fields,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(menu_item=services.menu_item_update(**cleaned))
