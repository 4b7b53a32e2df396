"""Per-request loaders of menu trees and the objects their items link to."""

from collections import defaultdict

from backend.menu import models
from backend.product.models import Category, Collection

from ..core.channel import is_staff_reader
from ..core.dataloaders import DataLoader, register_siblings


class MenuItemsByMenuIdLoader(DataLoader):
    """Key: menu id; value: the menu's top-level items, children attached.

    One query loads every item of every menu in the batch; each item's
    ``loaded_children`` holds its children in order, and all the items are
    siblings, so their links and translations load once for the tree.
    """

    context_key = "menu_items_by_menu_id"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        items = list(
            models.MenuItem.objects.filter(menu_id__in=keys).order_by(
                "menu_id", "level", "sort_order", "pk"
            )
        )
        by_pk = {item.pk: item for item in items}
        roots = defaultdict(list)
        for item in items:
            item.loaded_children = []
            item.channel_slug = self.channel_slug
        for item in items:
            parent = by_pk.get(item.parent_id)
            if parent is not None:
                parent.loaded_children.append(item)
            elif item.parent_id is None:
                roots[item.menu_id].append(item)
        register_siblings(self.info, items)
        return [roots[key] for key in keys]


class MenuItemTranslationLoader(DataLoader):
    """Key: menu item id; extra argument: the stored language code."""

    context_key = "menu_item_translation"

    def setup(self, language_code):
        self.language_code = language_code

    def batch_load(self, keys):
        found = {
            translation.menu_item_id: translation
            for translation in models.MenuItemTranslation.objects.filter(
                menu_item_id__in=keys, language_code=self.language_code
            )
        }
        return [found.get(key) for key in keys]


class CategoryByIdLoader(DataLoader):
    context_key = "menu_category_by_id"

    def batch_load(self, keys):
        found = Category.objects.in_bulk(keys)
        return [found.get(key) for key in keys]


class VisibleCollectionByIdLoader(DataLoader):
    """Key: collection id; None when not published in the channel for a shopper."""

    context_key = "menu_collection_by_id"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        collections = Collection.objects.all()
        if not is_staff_reader(self.info):
            collections = collections.visible_to_user(
                channel_slug=self.channel_slug, can_manage=False
            )
        found = collections.in_bulk(keys)
        return [found.get(key) for key in keys]


class MenuByIdLoader(DataLoader):
    context_key = "menu_by_id"

    def batch_load(self, keys):
        found = models.Menu.objects.in_bulk(keys)
        return [found.get(key) for key in keys]


class MenuItemByIdLoader(DataLoader):
    context_key = "menu_item_by_id"

    def batch_load(self, keys):
        found = models.MenuItem.objects.in_bulk(keys)
        return [found.get(key) for key in keys]
