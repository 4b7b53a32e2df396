"""Menu queries: menu(id|name|slug, channel) and menus."""

import graphene
from django.db.models import Count, Q

from backend.menu import models

from ..core.arguments import require_one_of
from ..core.channel import resolve_channel_slug
from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.enums import OrderDirection
from ..core.filter_inputs import MetadataFilter, filter_by_metadata
from ..core.ids import from_global_id_or_error
from ..core.inputs import sort_direction
from .types import Menu

MenuCountableConnection = create_connection_type(Menu)
CHANNEL_ARGUMENT = graphene.String(
    description="Slug of a channel for which the data should be returned."
)


class MenuSortField(graphene.Enum):
    NAME = ["name", "slug", "pk"]
    ITEMS_COUNT = ["items_count", "name", "pk"]

    @property
    def description(self):
        if self == MenuSortField.NAME:
            return "Sort menus by name."
        return "Sort menus by items count."


class MenuSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort menus.",
    )
    field = graphene.Argument(
        MenuSortField, required=True, description="Sort menus by the selected field."
    )


class MenuFilterInput(graphene.InputObjectType):
    search = graphene.String()
    slug = graphene.List(graphene.NonNull(graphene.String))
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    slugs = graphene.List(graphene.NonNull(graphene.String))


def filter_menus(queryset, data):
    """Return the menus matching a MenuFilterInput."""
    if not data:
        return queryset
    if data.get("search"):
        queryset = queryset.filter(
            Q(name__icontains=data["search"]) | Q(slug__icontains=data["search"])
        )
    for name in ("slug", "slugs"):
        if data.get(name) is not None:
            queryset = queryset.filter(slug__in=data[name])
    return filter_by_metadata(queryset, data.get("metadata"))


def sort_menus(queryset, sort_by):
    """Order menus by a MenuSortingInput (pk by default, as Saleor)."""
    if not sort_by:
        return queryset.order_by("pk")
    fields = getattr(sort_by["field"], "value", sort_by["field"])
    if "items_count" in fields:
        queryset = queryset.annotate(items_count=Count("items"))
    prefix = sort_direction(sort_by)
    return queryset.order_by(*[prefix + field for field in fields])


def _in_channel(menus, channel_slug):
    for menu in menus:
        menu.channel_slug = channel_slug
    return menus


class MenuQueries(graphene.ObjectType):
    menu = graphene.Field(
        Menu,
        channel=CHANNEL_ARGUMENT,
        id=graphene.Argument(graphene.ID, description="ID of the menu."),
        name=graphene.Argument(graphene.String, description="The menu's name."),
        slug=graphene.Argument(graphene.String, description="The menu's slug."),
        description="Look up a navigation menu by ID or name.",
    )
    menus = ConnectionField(
        MenuCountableConnection,
        channel=CHANNEL_ARGUMENT,
        sort_by=MenuSortingInput(description="Sort menus."),
        filter=MenuFilterInput(description="Filtering options for menus."),
        description="List of the storefront's menus.",
    )

    @staticmethod
    def resolve_menu(root, info, channel=None, id=None, name=None, slug=None):
        require_one_of(id=id, name=name, slug=slug)
        channel_slug = resolve_channel_slug(info, channel)
        if id is not None:
            lookup = {"pk": from_global_id_or_error(id, "Menu")}
        elif name is not None:
            lookup = {"name": name}
        else:
            lookup = {"slug": slug}
        menu = models.Menu.objects.filter(**lookup).order_by("pk").first()
        return _in_channel([menu], channel_slug)[0] if menu else None

    @staticmethod
    def resolve_menus(root, info, channel=None, sort_by=None, filter=None, **kwargs):
        channel_slug = resolve_channel_slug(info, channel)
        queryset = sort_menus(filter_menus(models.Menu.objects.all(), filter), sort_by)
        return connection_from(
            queryset,
            info,
            kwargs,
            MenuCountableConnection,
            wrap=lambda menus: _in_channel(menus, channel_slug),
        )
