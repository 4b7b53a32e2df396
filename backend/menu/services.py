"""Navigation menus and their items."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from backend.core.cache_versions import CATALOG, bump

from .models import Menu, MenuItem, MenuItemTranslation

LINK_FIELDS = ("url", "category", "collection", "page")


def _error(field_name: str, message: str, code: str) -> ValidationError:
    return ValidationError({field_name: ValidationError(message, code=code)})


def _link_check(fields: dict[str, Any]) -> None:
    given = [name for name in LINK_FIELDS if fields.get(name)]
    if len(given) > 1:
        raise _error(
            "items",
            "More than one item provided: give one of url, category, "
            "collection or page.",
            "TOO_MANY_MENU_ITEMS",
        )


@transaction.atomic
def menu_create(
    *, name: str, slug: str | None = None, items: list[dict[str, Any]] = ()
) -> Menu:
    """Create a menu with top-level items."""
    bump(CATALOG)
    if not name or not name.strip():
        raise _error("name", "This field cannot be blank.", "REQUIRED")
    slug = slugify(slug or name, allow_unicode=True)
    if not slug:
        raise _error("slug", "Slug value cannot be blank.", "REQUIRED")
    if Menu.objects.filter(slug=slug).exists():
        raise _error("slug", "Menu with this Slug already exists.", "UNIQUE")
    for item in items:
        _link_check(item)
    menu = Menu.objects.create(name=name.strip(), slug=slug)
    for item in items:
        menu_item_create(menu=menu, **item)
    return menu


@transaction.atomic
def menu_item_create(
    *, menu: Menu, name: str, parent: MenuItem | None = None, **links: Any
) -> MenuItem:
    """Add an item to a menu, at the top or under a parent item."""
    bump(CATALOG)
    if not name or not name.strip():
        raise _error("name", "This field cannot be blank.", "REQUIRED")
    _link_check(links)
    if parent is not None and parent.menu_id != menu.pk:
        raise _error(
            "parent", "The parent item is in another menu.", "INVALID_MENU_ITEM"
        )
    menu = Menu.objects.select_for_update().get(pk=menu.pk)
    siblings = MenuItem.objects.filter(menu=menu, parent=parent)
    last = siblings.aggregate(last=Max("sort_order"))["last"]
    item = MenuItem(
        menu=menu,
        parent=parent,
        name=name.strip(),
        sort_order=0 if last is None else last + 1,
        **{key: value for key, value in links.items() if key in LINK_FIELDS},
    )
    item.save()
    return item


@transaction.atomic
def menu_item_update(*, menu_item: MenuItem, **fields: Any) -> MenuItem:
    """Change an item's name or what it links to."""
    bump(CATALOG)
    item = MenuItem.objects.select_for_update().get(pk=menu_item.pk)
    unknown = set(fields) - {"name", *LINK_FIELDS}
    if unknown:
        raise _error(sorted(unknown)[0], "Unknown menu item field.", "INVALID")
    if "name" in fields and not (fields["name"] or "").strip():
        raise _error("name", "This field cannot be blank.", "REQUIRED")
    links = {name: fields[name] for name in LINK_FIELDS if name in fields}
    _link_check(links)
    if any(links.values()):
        # An item links to one thing: setting one link clears the others.
        for name in LINK_FIELDS:
            fields.setdefault(name, None)
    for name, value in fields.items():
        setattr(item, name, value.strip() if name == "name" else value)
    item.save()
    return item


@transaction.atomic
def menu_item_translate(
    *, menu_item: MenuItem, language_code: str, name: str
) -> MenuItemTranslation:
    """Set a menu item's name in one language."""
    bump(CATALOG)
    translation, _ = MenuItemTranslation.objects.select_for_update().get_or_create(
        menu_item=menu_item, language_code=language_code, defaults={"name": name}
    )
    if translation.name != name:
        translation.name = name
        translation.save(update_fields=["name"])
    return translation
