"""Filter and sorting inputs of the warehouses query."""

import graphene
from django.db.models import Q

from backend.warehouse.models import Warehouse

from ..core.enums import OrderDirection
from ..core.filter_inputs import MetadataFilter, filter_by_metadata
from ..core.ids import pks_from_global_ids
from ..core.inputs import sort_direction
from .types import WarehouseClickAndCollectOptionEnum


class WarehouseFilterInput(graphene.InputObjectType):
    click_and_collect_option = WarehouseClickAndCollectOptionEnum()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    is_private = graphene.Boolean()
    channels = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class WarehouseSortField(graphene.Enum):
    NAME = ["name", "slug", "pk"]

    @property
    def description(self):
        return "Sort warehouses by name."


class WarehouseSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort warehouses.",
    )
    field = graphene.Argument(
        WarehouseSortField,
        required=True,
        description="Sort warehouses by the selected field.",
    )


def filter_warehouses(queryset, data):
    """Return the warehouses matching a WarehouseFilterInput."""
    if not data:
        return queryset
    if data.get("search"):
        text = data["search"]
        queryset = queryset.filter(
            Q(name__icontains=text)
            | Q(email__icontains=text)
            | Q(company_name__icontains=text)
            | Q(address__city__icontains=text)
            | Q(address__company_name__icontains=text)
        )
    if data.get("ids") is not None:
        queryset = queryset.filter(pk__in=pks_from_global_ids(data["ids"], "Warehouse"))
    if data.get("slugs") is not None:
        queryset = queryset.filter(slug__in=data["slugs"])
    if data.get("is_private") is not None:
        queryset = queryset.filter(is_private=data["is_private"])
    option = data.get("click_and_collect_option")
    if option is not None:
        queryset = queryset.filter(
            click_and_collect_option=getattr(option, "value", option)
        )
    if data.get("channels") is not None:
        channel_ids = pks_from_global_ids(data["channels"], "Channel")
        queryset = queryset.filter(channels__id__in=channel_ids).distinct()
    return filter_by_metadata(queryset, data.get("metadata"))


def sort_warehouses(queryset, sort_by):
    """Order warehouses by a WarehouseSortingInput (name by default)."""
    if not sort_by:
        return queryset.order_by("name", "slug", "pk")
    prefix = sort_direction(sort_by)
    fields = getattr(sort_by["field"], "value", sort_by["field"])
    return queryset.order_by(*[prefix + field for field in fields])


def warehouse_queryset():
    return Warehouse.objects.select_related("address")
