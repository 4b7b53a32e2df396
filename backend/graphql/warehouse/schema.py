"""Warehouse queries, for staff who manage products, orders or shipping."""

import graphene
from django.db.models import Q

from backend.core.permissions import PermissionEnum
from backend.warehouse.models import Stock as StockModel

from ..core.arguments import require_one_of
from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.ids import from_global_id_or_error
from ..core.permissions import require_any_permission
from .filters import (
    WarehouseFilterInput,
    WarehouseSortingInput,
    filter_warehouses,
    sort_warehouses,
    warehouse_queryset,
)
from .types import Stock, StockCountableConnection, Warehouse

WAREHOUSE_READERS = (
    PermissionEnum.MANAGE_PRODUCTS,
    PermissionEnum.MANAGE_ORDERS,
    PermissionEnum.MANAGE_SHIPPING,
)
READERS_NOTE = (
    "\n\nRequires one of the following permissions: MANAGE_PRODUCTS, "
    "MANAGE_ORDERS, MANAGE_SHIPPING."
)

WarehouseCountableConnection = create_connection_type(Warehouse)
STOCK_NOTE = "\n\nRequires one of the following permissions: MANAGE_PRODUCTS."


class StockFilterInput(graphene.InputObjectType):
    quantity = graphene.Float(required=False)
    search = graphene.String(required=False)


def filter_stocks(queryset, data):
    """Return the stocks matching a StockFilterInput."""
    if not data:
        return queryset
    if data.get("quantity") is not None:
        queryset = queryset.filter(quantity=data["quantity"])
    if data.get("search"):
        text = data["search"]
        queryset = queryset.filter(
            Q(product_variant__sku__icontains=text)
            | Q(product_variant__name__icontains=text)
            | Q(product_variant__product__name__icontains=text)
            | Q(warehouse__name__icontains=text)
        )
    return queryset


def stock_queryset():
    return StockModel.objects.select_related("product_variant", "warehouse__address")


class WarehouseQueries(graphene.ObjectType):
    warehouse = graphene.Field(
        Warehouse,
        id=graphene.Argument(graphene.ID, description="ID of a warehouse."),
        external_reference=graphene.Argument(
            graphene.String, description="External ID of a warehouse."
        ),
        description="Look up a warehouse by ID." + READERS_NOTE,
    )
    warehouses = ConnectionField(
        WarehouseCountableConnection,
        filter=WarehouseFilterInput(description="Filtering options for warehouses."),
        sort_by=WarehouseSortingInput(description="Sort warehouses."),
        description="List of warehouses." + READERS_NOTE,
    )

    stock = graphene.Field(
        Stock,
        id=graphene.Argument(graphene.ID, required=True, description="ID of a stock."),
        description="Look up a stock by ID" + STOCK_NOTE,
    )
    stocks = ConnectionField(
        StockCountableConnection,
        filter=StockFilterInput(),
        description="List of stocks." + STOCK_NOTE,
    )

    @staticmethod
    def resolve_stock(root, info, id):
        require_any_permission(info, PermissionEnum.MANAGE_PRODUCTS)
        pk = from_global_id_or_error(id, "Stock")
        return stock_queryset().filter(pk=pk).first()

    @staticmethod
    def resolve_stocks(root, info, filter=None, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_PRODUCTS)
        queryset = filter_stocks(stock_queryset(), filter).order_by("pk")
        return connection_from(queryset, info, kwargs, StockCountableConnection)

    @staticmethod
    def resolve_warehouse(root, info, id=None, external_reference=None):
        require_any_permission(info, *WAREHOUSE_READERS)
        require_one_of(**{"id": id, "externalReference": external_reference})
        if id is not None:
            pk = from_global_id_or_error(id, "Warehouse")
            return warehouse_queryset().filter(pk=pk).first()
        return (
            warehouse_queryset().filter(external_reference=external_reference).first()
        )

    @staticmethod
    def resolve_warehouses(root, info, filter=None, sort_by=None, **kwargs):
        require_any_permission(info, *WAREHOUSE_READERS)
        queryset = sort_warehouses(
            filter_warehouses(warehouse_queryset(), filter), sort_by
        )
        return connection_from(queryset, info, kwargs, WarehouseCountableConnection)
