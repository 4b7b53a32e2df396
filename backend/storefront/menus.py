"""The navbar and footer menus as links the layout renders."""

from dataclasses import dataclass, field

from django.urls import reverse

from backend.menu.models import MenuItem

# Saleor's default menu slugs.
NAVBAR_MENU = "navbar"
FOOTER_MENU = "footer"


@dataclass
class MenuLink:
    name: str
    url: str | None
    children: list["MenuLink"] = field(default_factory=list)


def menu_links(*, menu_slugs: tuple[str, ...]) -> dict[str, list[MenuLink]]:
    """Return each menu's top-level links with their children, in one query."""
    items = (
        MenuItem.objects.filter(menu__slug__in=menu_slugs)
        .select_related("menu", "category", "collection", "page")
        .order_by("tree_id", "lft")
    )
    menus: dict[str, list[MenuLink]] = {slug: [] for slug in menu_slugs}
    links: dict[int, MenuLink] = {}
    for item in items:
        link = MenuLink(name=item.name, url=_item_url(item))
        links[item.pk] = link
        parent = links.get(item.parent_id)
        if parent is not None:
            parent.children.append(link)
        elif item.parent_id is None:
            menus[item.menu.slug].append(link)
    return menus


def _item_url(item: MenuItem) -> str | None:
    if item.category_id:
        return reverse("storefront:category", args=[item.category.slug])
    if item.collection_id:
        return reverse("storefront:collection", args=[item.collection.slug])
    return item.url or None
