"""Shipping queries and mutations, for staff who manage shipping."""

import graphene
from django.db.models import Q

from backend.core.permissions import PermissionEnum
from backend.shipping.models import ShippingZone as ShippingZoneModel

from ..core.channel import get_channel, wrap
from ..core.connection import ConnectionField, connection_from
from ..core.ids import from_global_id_or_error, pks_from_global_ids
from ..core.permissions import require_any_permission
from .mutations.channel_listings import ShippingMethodChannelListingUpdate
from .mutations.excluded_products import (
    ShippingPriceExcludeProducts,
    ShippingPriceRemoveProductFromExclude,
)
from .mutations.prices import (
    ShippingPriceCreate,
    ShippingPriceDelete,
    ShippingPriceUpdate,
)
from .mutations.zones import (
    ShippingZoneBulkDelete,
    ShippingZoneCreate,
    ShippingZoneDelete,
    ShippingZoneUpdate,
)
from .types import ShippingZone, ShippingZoneCountableConnection

MANAGE_SHIPPING_NOTE = "\n\nRequires one of the following permissions: MANAGE_SHIPPING."
CHANNEL_ARGUMENT = "Slug of a channel for which the data should be returned."


class ShippingZoneFilterInput(graphene.InputObjectType):
    search = graphene.String()
    channels = graphene.List(graphene.NonNull(graphene.ID))


def filter_shipping_zones(queryset, data):
    """Return the zones matching a ShippingZoneFilterInput."""
    if not data:
        return queryset
    if data.get("search"):
        queryset = queryset.filter(Q(name__icontains=data["search"]))
    if data.get("channels"):
        channel_ids = pks_from_global_ids(data["channels"], "Channel")
        queryset = queryset.filter(channels__id__in=channel_ids).distinct()
    return queryset


class ShippingQueries(graphene.ObjectType):
    shipping_zone = graphene.Field(
        ShippingZone,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the shipping zone."
        ),
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        description="Look up a shipping zone by ID." + MANAGE_SHIPPING_NOTE,
    )
    shipping_zones = ConnectionField(
        ShippingZoneCountableConnection,
        filter=ShippingZoneFilterInput(
            description="Filtering options for shipping zones."
        ),
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        description="List of the shop's shipping zones." + MANAGE_SHIPPING_NOTE,
    )

    @staticmethod
    def resolve_shipping_zone(root, info, id, channel=None):
        require_any_permission(info, PermissionEnum.MANAGE_SHIPPING)
        slug = get_channel(info, channel).slug if channel else None
        pk = from_global_id_or_error(id, "ShippingZone")
        zone = ShippingZoneModel.objects.filter(pk=pk).first()
        return wrap([zone], slug)[0] if zone else None

    @staticmethod
    def resolve_shipping_zones(root, info, filter=None, channel=None, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_SHIPPING)
        queryset = ShippingZoneModel.objects.all()
        slug = None
        if channel:
            slug = get_channel(info, channel).slug
            queryset = queryset.filter(channels__slug=slug)
        queryset = filter_shipping_zones(queryset, filter).order_by("pk")
        return connection_from(
            queryset,
            info,
            kwargs,
            ShippingZoneCountableConnection,
            wrap=lambda zones: wrap(zones, slug),
        )


class ShippingMutations(graphene.ObjectType):
    shipping_zone_create = ShippingZoneCreate.Field()
    shipping_zone_update = ShippingZoneUpdate.Field()
    shipping_zone_delete = ShippingZoneDelete.Field()
    shipping_zone_bulk_delete = ShippingZoneBulkDelete.Field()
    shipping_price_create = ShippingPriceCreate.Field()
    shipping_price_update = ShippingPriceUpdate.Field()
    shipping_price_delete = ShippingPriceDelete.Field()
    shipping_price_exclude_products = ShippingPriceExcludeProducts.Field()
    shipping_price_remove_product_from_exclude = (
        ShippingPriceRemoveProductFromExclude.Field()
    )
    shipping_method_channel_listing_update = ShippingMethodChannelListingUpdate.Field()
