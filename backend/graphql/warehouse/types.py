"""Warehouse and Stock: staff-only reads of where stock is kept."""

import graphene
from graphene import relay

from backend.core.permissions import PermissionEnum
from backend.warehouse import models

from ..core.channel import ChannelContext, wrap
from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.lazy import lazy_type
from ..core.permissions import require_any_permission
from ..meta.types import ObjectWithMetadata
from ..shop.types import Address
from .dataloaders import ShippingZonesByWarehouseIdLoader

STOCK_READERS = (PermissionEnum.MANAGE_PRODUCTS, PermissionEnum.MANAGE_ORDERS)
STOCK_READERS_NOTE = (
    "\n\nRequires one of the following permissions: MANAGE_PRODUCTS, MANAGE_ORDERS."
)


class WarehouseClickAndCollectOptionEnum(graphene.Enum):
    DISABLED = "disabled"
    LOCAL = "local"
    ALL = "all"


class Stock(graphene.ObjectType):
    warehouse = graphene.Field(
        lambda: Warehouse,
        required=True,
        description="The warehouse associated with the stock.",
    )
    product_variant = graphene.Field(
        lazy_type("backend.graphql.product.types.ProductVariant"),
        required=True,
        description="Information about the product variant.",
    )
    quantity = graphene.Int(
        required=True,
        description=(
            "Quantity of a product in the warehouse's possession, including the "
            "allocated stock that is waiting for shipment." + STOCK_READERS_NOTE
        ),
    )
    quantity_allocated = graphene.Int(
        required=True, description="Quantity allocated for orders." + STOCK_READERS_NOTE
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents stock."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Stock)

    @staticmethod
    def resolve_product_variant(root, info):
        return ChannelContext(node=root.product_variant, channel_slug=None)

    @staticmethod
    def resolve_quantity(root, info):
        require_any_permission(info, *STOCK_READERS)
        return root.quantity

    @staticmethod
    def resolve_quantity_allocated(root, info):
        require_any_permission(info, *STOCK_READERS)
        return root.quantity_allocated


StockCountableConnection = create_connection_type(Stock)


class Allocation(graphene.ObjectType):
    quantity = graphene.Int(
        required=True, description="Quantity allocated for orders." + STOCK_READERS_NOTE
    )
    warehouse = graphene.Field(
        lambda: Warehouse,
        required=True,
        description="The warehouse were items were allocated." + STOCK_READERS_NOTE,
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents allocation."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Allocation)

    @staticmethod
    def resolve_quantity(root: models.Allocation, info):
        require_any_permission(info, *STOCK_READERS)
        return root.quantity_allocated

    @staticmethod
    def resolve_warehouse(root: models.Allocation, info):
        require_any_permission(info, *STOCK_READERS)
        return root.stock.warehouse


class Warehouse(graphene.ObjectType):
    name = graphene.String(required=True, description="Warehouse name.")
    slug = graphene.String(required=True, description="Warehouse slug.")
    email = graphene.String(required=True, description="Warehouse email.")
    is_private = graphene.Boolean(
        required=True, description="Determine if the warehouse is private."
    )
    address = graphene.Field(
        Address, required=True, description="Address of the warehouse."
    )
    company_name = graphene.String(
        required=True,
        description="Warehouse company name.",
        deprecation_reason="Use `Address.companyName` instead.",
    )
    click_and_collect_option = graphene.Field(
        WarehouseClickAndCollectOptionEnum,
        required=True,
        description="Click and collect options: local, all or disabled.",
    )
    stocks = ConnectionField(
        StockCountableConnection,
        description="Stocks that belong to this warehouse." + STOCK_READERS_NOTE,
    )
    external_reference = graphene.String(description="External ID of this warehouse.")
    shipping_zones = ConnectionField(
        lazy_type("backend.graphql.shipping.types.ShippingZoneCountableConnection"),
        required=True,
        description="Shipping zones supported by the warehouse.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents warehouse."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Warehouse)

    @staticmethod
    def resolve_company_name(root, info):
        return root.address.company_name or root.company_name

    @staticmethod
    def resolve_click_and_collect_option(root, info):
        # A fresh instance holds the choice member, a loaded one its string.
        return models.WarehouseClickAndCollectOption(
            root.click_and_collect_option
        ).value

    @staticmethod
    def resolve_shipping_zones(root, info, **kwargs):
        zones = ShippingZonesByWarehouseIdLoader(info).load_for(root, lambda r: r.pk)
        return connection_from(
            zones,
            info,
            kwargs,
            lazy_type(
                "backend.graphql.shipping.types.ShippingZoneCountableConnection"
            )(),
            wrap=lambda rows: wrap(rows, None),
        )

    @staticmethod
    def resolve_stocks(root, info, **kwargs):
        require_any_permission(info, *STOCK_READERS)
        stocks = (
            models.Stock.objects.filter(warehouse_id=root.pk)
            .select_related("product_variant", "warehouse__address")
            .order_by("pk")
        )
        return connection_from(stocks, info, kwargs, StockCountableConnection)
