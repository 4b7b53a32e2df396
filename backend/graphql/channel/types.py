"""Channel: a sales channel with its currency and default country."""

import graphene
from graphene import relay

from backend.channel import models
from backend.core.permissions import PermissionEnum
from backend.order.models import Order
from backend.shipping.selectors import channel_shippable_countries
from backend.warehouse.models import ChannelWarehouse

from ..core.dataloaders import DataLoader
from ..core.permissions import STAFF, permission_required, require_staff
from ..core.types import CountryDisplay, country_display
from ..meta.types import ObjectWithMetadata
from ..warehouse.types import Warehouse
from .settings import (
    CheckoutSettings,
    OrderSettings,
    PaymentSettings,
    StockSettings,
    checkout_settings,
    order_settings,
    payment_settings,
    stock_settings,
)

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


class ChannelHasOrdersLoader(DataLoader):
    context_key = "channel_has_orders"

    def batch_load(self, keys):
        with_orders = set(
            Order.objects.filter(channel_id__in=keys)
            .values_list("channel_id", flat=True)
            .distinct()
        )
        return [key in with_orders for key in keys]


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
    has_orders = graphene.Boolean(
        required=True,
        description="Whether a channel has associated orders.\n\nRequires one of "
        "the following permissions: MANAGE_CHANNELS.",
    )
    stock_settings = graphene.Field(
        StockSettings,
        required=True,
        description="Define the stock setting for this channel." + STAFF_ONLY,
    )
    order_settings = graphene.Field(
        OrderSettings,
        required=True,
        description="Channel-specific order settings.\n\nRequires one of the "
        "following permissions: MANAGE_CHANNELS, MANAGE_ORDERS.",
    )
    checkout_settings = graphene.Field(
        CheckoutSettings,
        required=True,
        description="Channel-specific checkout settings.\n\nRequires one of the "
        "following permissions: MANAGE_CHANNELS, MANAGE_CHECKOUTS.",
    )
    payment_settings = graphene.Field(
        PaymentSettings,
        required=True,
        description="Channel-specific payment settings.\n\nRequires one of the "
        "following permissions: MANAGE_CHANNELS, HANDLE_PAYMENTS.",
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

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_CHANNELS)
    def resolve_has_orders(root, info):
        return ChannelHasOrdersLoader(info).load_for(root, lambda r: r.pk)

    @staticmethod
    @permission_required(*STAFF)
    def resolve_stock_settings(root, info):
        return stock_settings(root)

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_CHANNELS, PermissionEnum.MANAGE_ORDERS)
    def resolve_order_settings(root, info):
        return order_settings(root)

    @staticmethod
    @permission_required(
        PermissionEnum.MANAGE_CHANNELS, PermissionEnum.MANAGE_CHECKOUTS
    )
    def resolve_checkout_settings(root, info):
        return checkout_settings(root)

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_CHANNELS, PermissionEnum.HANDLE_PAYMENTS)
    def resolve_payment_settings(root, info):
        return payment_settings(root)
