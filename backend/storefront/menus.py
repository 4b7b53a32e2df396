"""The navbar and footer menus as links the layout renders."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from backend.core.compiled_sql import compiled_rows
from backend.menu.models import MenuItem

from .links import url_of

# Saleor's default menu slugs.
NAVBAR_MENU = "navbar"
FOOTER_MENU = "footer"


@dataclass
class MenuLink:
    name: str
    url: str | None
    children: list["MenuLink"] = field(default_factory=list)


def menu_links(*, menu_slugs: tuple[str, ...]) -> dict[str, list[MenuLink]]:
    """Return each menu's top-level links with their children, in one query.

    Every page renders the menus; the query is compiled once per process.
    """
    rows = compiled_rows(
        model=MenuItem,
        key=("menu-links", menu_slugs),
        build=lambda _now: _menu_items_query(menu_slugs),
    )
    menus: dict[str, list[MenuLink]] = {slug: [] for slug in menu_slugs}
    links: dict[int, MenuLink] = {}
    for pk, parent_id, menu_slug, name, url, category_slug, collection_slug in rows:
        link = MenuLink(
            name=name,
            url=_item_url(
                url=url, category_slug=category_slug, collection_slug=collection_slug
            ),
        )
        links[pk] = link
        parent = links.get(parent_id)
        if parent is not None:
            parent.children.append(link)
        elif parent_id is None:
            menus[menu_slug].append(link)
    return menus


def _menu_items_query(menu_slugs: tuple[str, ...]) -> QuerySet:
    return (
        MenuItem.objects.filter(menu__slug__in=menu_slugs)
        .order_by("tree_id", "lft")
        .values_list(
            "pk",
            "parent_id",
            "menu__slug",
            "name",
            "url",
            "category__slug",
            "collection__slug",
        )
    )


def _item_url(
    *, url: str | None, category_slug: str | None, collection_slug: str | None
) -> str | None:
    if category_slug is not None:
        return url_of("storefront:category", category_slug)
    if collection_slug is not None:
        return url_of("storefront:collection", collection_slug)
    return url or None
