"""Channel: a sales channel with its currency and default country."""

import graphene
from graphene import relay

from backend.channel import models
from backend.core.permissions import PermissionEnum
from backend.shipping.selectors import channel_shippable_countries
from backend.warehouse.models import ChannelWarehouse

from ..core.dataloaders import DataLoader
from ..core.permissions import require_any_permission, require_staff
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


MarkAsPaidStrategyEnum = graphene.Enum(
    "MarkAsPaidStrategyEnum",
    [("TRANSACTION_FLOW", "TRANSACTION_FLOW"), ("PAYMENT_FLOW", "PAYMENT_FLOW")],
)


class OrderSettings(graphene.ObjectType):
    """What Lumbar does with a channel's orders, in Saleor's settings."""

    automatically_confirm_all_new_orders = graphene.Boolean(
        required=True,
        description="When enabled orders from checkout become unfulfilled "
        "immediately. Lumbar confirms every order it places: always true.",
    )
    automatically_fulfill_non_shippable_gift_card = graphene.Boolean(
        required=True,
        description="When enabled, all non-shippable gift card orders will be "
        "fulfilled automatically. Lumbar sells no gift cards: always false.",
    )
    mark_as_paid_strategy = graphene.Field(
        MarkAsPaidStrategyEnum,
        required=True,
        description="What an order marked as paid receives: Lumbar records a "
        "TransactionItem (TRANSACTION_FLOW).",
    )
    allow_unpaid_orders = graphene.Boolean(
        required=True,
        description="Determine if it is possible to place unpaid order by calling "
        "`checkoutComplete` mutation. Lumbar places only paid (or fully "
        "authorized) orders: always false.",
    )
    include_draft_order_in_voucher_usage = graphene.Boolean(
        required=True,
        description="Determine if voucher applied on draft order should be count "
        "toward voucher usage. Lumbar has no draft orders: always false.",
    )
    use_legacy_line_discount_propagation = graphene.Boolean(
        required=True,
        description="Vouchers discount the whole order (Order.discounts), never "
        "a line: always true in Lumbar.",
    )

    class Meta:
        description = "Represents the channel-specific order settings."

    @staticmethod
    def resolve_automatically_confirm_all_new_orders(root, info):
        return True

    @staticmethod
    def resolve_automatically_fulfill_non_shippable_gift_card(root, info):
        return False

    @staticmethod
    def resolve_mark_as_paid_strategy(root, info):
        return "TRANSACTION_FLOW"

    @staticmethod
    def resolve_allow_unpaid_orders(root, info):
        return False

    @staticmethod
    def resolve_include_draft_order_in_voucher_usage(root, info):
        return False

    @staticmethod
    def resolve_use_legacy_line_discount_propagation(root, info):
        return True


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
    order_settings = graphene.Field(
        OrderSettings,
        required=True,
        description="Channel-specific order settings.\n\nRequires one of the "
        "following permissions: MANAGE_CHANNELS, MANAGE_ORDERS.",
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
    def resolve_order_settings(root, info):
        require_any_permission(
            info, PermissionEnum.MANAGE_CHANNELS, PermissionEnum.MANAGE_ORDERS
        )
        return root

    @staticmethod
    def resolve_warehouses(root, info):
        require_staff(info)
        return WarehousesByChannelIdLoader(info).load_for(root, lambda r: r.pk)
