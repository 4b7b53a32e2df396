"""Channel: a sales channel with its currency and default country."""

import graphene
from graphene import relay

from backend.channel import models
from backend.shipping.selectors import channel_shippable_countries
from backend.warehouse.models import ChannelWarehouse

from ..core.dataloaders import DataLoader
from ..core.permissions import require_staff
from ..core.types import CountryDisplay, country_display
from ..meta.types import ObjectWithMetadata
from ..warehouse.types import Warehouse

STAFF_ONLY = (
    "\n\nRequires one of the following permissions: AUTHENTICATED_APP, "
    "AUTHENTICATED_STAFF_USER."
)


class WarehousesByChannelIdLoader(DataLoader):
    context_key = "warehouses_by_channel_id"

    def batch_load(self, keys):
        links = (
            ChannelWarehouse.objects.filter(channel_id__in=keys)
            .select_related("warehouse__address")
            .order_by("sort_order", "pk")
        )
        found = {key: [] for key in keys}
        for link in links:
            found[link.channel_id].append(link.warehouse)
        return [found[key] for key in keys]


class Channel(graphene.ObjectType):
    slug = graphene.String(required=True, description="Slug of the channel.")
    name = graphene.String(
        required=True, description="Name of the channel." + STAFF_ONLY
    )
    is_active = graphene.Boolean(
        required=True, description="Whether the channel is active." + STAFF_ONLY
    )
    currency_code = graphene.String(
        required=True,
        description="A currency that is assigned to the channel." + STAFF_ONLY,
    )
    default_country = graphene.Field(
        CountryDisplay,
        required=True,
        description=(
            "Default country for the channel. Default country can be used in "
            "checkout to determine the stock quantities or calculate taxes when "
            "the country was not explicitly provided." + STAFF_ONLY
        ),
    )
    countries = graphene.List(
        graphene.NonNull(CountryDisplay),
        description="List of shippable countries for the channel.",
    )
    warehouses = graphene.List(
        graphene.NonNull(Warehouse),
        required=True,
        description="List of warehouses assigned to this channel." + STAFF_ONLY,
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents channel."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Channel)

    @staticmethod
    def resolve_name(root, info):
        require_staff(info)
        return root.name

    @staticmethod
    def resolve_is_active(root, info):
        require_staff(info)
        return root.is_active

    @staticmethod
    def resolve_currency_code(root, info):
        require_staff(info)
        return root.currency_code

    @staticmethod
    def resolve_default_country(root, info):
        require_staff(info)
        return country_display(root.default_country)

    @staticmethod
    def resolve_countries(root, info):
        return [
            country_display(country)
            for country in channel_shippable_countries(channel_id=root.pk)
        ]

    @staticmethod
    def resolve_warehouses(root, info):
        require_staff(info)
        return WarehousesByChannelIdLoader(info).load_for(root, lambda r: r.pk)
