"""Warehouse queries, for staff who manage products, orders or shipping."""

import graphene

from backend.core.permissions import PermissionEnum

from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.ids import from_global_id_or_error
from ..meta.access import require_any_permission
from ..meta.lookup import require_one_of
from .filters import (
    WarehouseFilterInput,
    WarehouseSortingInput,
    filter_warehouses,
    sort_warehouses,
    warehouse_queryset,
)
from .types import Warehouse

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
