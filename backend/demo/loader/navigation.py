"""Load the navigation menus and their items."""

from backend.menu.models import Menu, MenuItem
from backend.menu.services import (
    menu_create,
    menu_item_create,
    menu_item_translate,
    menu_item_update,
)

from .common import LoadContext, service_call, translations_sync
from .validate import Catalog


def _links(entry: dict, context: LoadContext) -> dict:
    return {
        "category": context.categories.get(entry.get("category")),
        "collection": context.collections.get(entry.get("collection")),
        "url": entry.get("url"),
    }


def _items_load(menu, parent, entries: list[dict], where: str, context) -> None:
    for entry in entries:
        at_item = f'{where}: item "{entry["name"]}"'
        links = _links(entry, context)
        item = MenuItem.objects.filter(
            menu=menu, parent=parent, name=entry["name"]
        ).first()
        if item is None:
            item = service_call(
                at_item,
                menu_item_create,
                menu=menu,
                parent=parent,
                name=entry["name"],
                **{key: value for key, value in links.items() if value},
            )
            context.report.record("menu items", created=True)
        elif (item.category_id, item.collection_id, item.url or None) != (
            links["category"] and links["category"].pk,
            links["collection"] and links["collection"].pk,
            links["url"],
        ):
            service_call(at_item, menu_item_update, menu_item=item, **links)
            context.report.record("menu items", updated=True)
        translations_sync(
            context,
            where=at_item,
            owner=item,
            wanted=entry.get("translations") or {},
            translate=menu_item_translate,
            owner_argument="menu_item",
        )
        _items_load(menu, item, entry.get("children") or [], at_item, context)


def menus_load(catalog: Catalog, context: LoadContext) -> None:
    """Create the menus and any of their items that are missing or changed."""
    for entry in catalog.menus:
        where = f'menu "{entry["slug"]}"'
        menu = Menu.objects.filter(slug=entry["slug"]).first()
        if menu is None:
            menu = service_call(
                where, menu_create, name=entry["name"], slug=entry["slug"]
            )
            context.report.record("menus", created=True)
        elif menu.name != entry["name"]:
            menu.name = entry["name"]
            menu.save(update_fields=["name"])
            context.report.record("menus", updated=True)
        _items_load(menu, None, entry["items"], where, context)
