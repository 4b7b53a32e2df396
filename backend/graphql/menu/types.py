"""Menu and MenuItem: navigation trees linking categories, collections, pages."""

import graphene
from graphene import relay

from backend.menu import models

from ..core.channel import ChannelContext
from ..core.enums import LanguageCodeEnum
from ..core.shared_enums import stored_language_code
from ..core.types import LanguageDisplay, language_display
from ..meta.types import ObjectWithMetadata
from ..page.dataloaders import VisiblePageByIdLoader
from ..page.types import Page
from ..product.types import Category, Collection
from .dataloaders import (
    CategoryByIdLoader,
    MenuByIdLoader,
    MenuItemByIdLoader,
    MenuItemsByMenuIdLoader,
    MenuItemTranslationLoader,
    VisibleCollectionByIdLoader,
)


def _channel_slug(root):
    return getattr(root, "channel_slug", None)


class MenuItemTranslation(graphene.ObjectType):
    language = graphene.Field(
        LanguageDisplay, required=True, description="Translation language."
    )
    name = graphene.String(required=True, description="Translated menu item name.")

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents menu item's original translatable fields."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.MenuItemTranslation)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)


class MenuItem(graphene.ObjectType):
    name = graphene.String(required=True, description="The name of the menu item.")
    menu = graphene.Field(
        lambda: Menu,
        required=True,
        description="Represents the menu to which the menu item belongs.",
    )
    parent = graphene.Field(
        lambda: MenuItem,
        description="ID of parent menu item. If empty, menu will be top level menu.",
    )
    category = graphene.Field(
        Category,
        description="Category associated with the menu item.",
    )
    collection = graphene.Field(
        Collection,
        description="A collection associated with this menu item.",
    )
    page = graphene.Field(
        Page,
        description="A page associated with this menu item.",
    )
    level = graphene.Int(
        required=True,
        description=(
            "Indicates the position of the menu item within the menu structure."
        ),
    )
    children = graphene.List(
        graphene.NonNull(lambda: MenuItem),
        description="Represents the child items of the current menu item.",
    )
    url = graphene.String(description="URL to the menu item.")
    translation = graphene.Field(
        MenuItemTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for menu item.",
        ),
        description="Returns translated menu item fields for the given language code.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Represents a single item of the related menu. Can store categories, "
            "collection or pages."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.MenuItem)

    @staticmethod
    def resolve_menu(root, info):
        return MenuByIdLoader(info).load_for(root, lambda item: item.menu_id)

    @staticmethod
    def resolve_parent(root, info):
        if root.parent_id is None:
            return None
        return MenuItemByIdLoader(info).load_for(root, lambda item: item.parent_id)

    @staticmethod
    def resolve_category(root, info):
        if root.category_id is None:
            return None
        return CategoryByIdLoader(info).load_for(root, lambda item: item.category_id)

    @staticmethod
    def resolve_collection(root, info):
        if root.collection_id is None:
            return None
        channel_slug = _channel_slug(root)
        collection = VisibleCollectionByIdLoader(info, channel_slug).load_for(
            root, lambda item: item.collection_id
        )
        if collection is None:
            return None
        return ChannelContext(node=collection, channel_slug=channel_slug)

    @staticmethod
    def resolve_page(root, info):
        if root.page_id is None:
            return None
        return VisiblePageByIdLoader(info).load_for(root, lambda item: item.page_id)

    @staticmethod
    def resolve_children(root, info):
        children = getattr(root, "loaded_children", None)
        if children is None:
            children = list(root.get_children().order_by("sort_order", "pk"))
        return children

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = MenuItemTranslationLoader(info, stored_language_code(language_code))
        return loader.load_for(root, lambda item: item.pk)


class Menu(graphene.ObjectType):
    name = graphene.String(required=True, description="The name of the menu.")
    slug = graphene.String(required=True, description="Slug of the menu.")
    items = graphene.List(
        graphene.NonNull(MenuItem), description="Menu items associated with this menu."
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Represents a single menu - an object that is used to help navigate "
            "through the store."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Menu)

    @staticmethod
    def resolve_items(root, info):
        loader = MenuItemsByMenuIdLoader(info, _channel_slug(root))
        return loader.load_for(root, lambda menu: menu.pk)
