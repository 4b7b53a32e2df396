"""productVariantStocksCreate, productVariantStocksUpdate and ...Delete."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.warehouse.models import Warehouse
from backend.warehouse.services import StockInput as DomainStockInput
from backend.warehouse.services import (
    product_variant_stocks_delete,
    product_variant_stocks_update,
)

from ...core.errors import BulkStockError, StockError
from ...core.mutations import BaseMutation, decode_global_id, get_nodes, id_error
from ...product.lookup import variant_lookup
from ...product.types import ProductVariant


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(
        required=True, description="Warehouse in which stock is located."
    )
    quantity = graphene.Int(
        required=True, description="Quantity of items available for sell."
    )


def stock_inputs(items) -> list[DomainStockInput]:
    """Return domain stock inputs, loading every warehouse in one query."""
    pks = [
        decode_global_id(
            item["warehouse"], type_names=("Warehouse",), field_name="warehouse"
        )
        for item in items
    ]
    warehouses = Warehouse.objects.in_bulk(pks)
    stocks = []
    for index, (item, pk) in enumerate(zip(items, pks, strict=True)):
        if pk not in warehouses:
            raise id_error(
                "warehouse",
                f"Couldn't resolve to a node: {item['warehouse']}",
                code="NOT_FOUND",
                params={"index": index},
            )
        stocks.append(
            DomainStockInput(warehouse=warehouses[pk], quantity=item["quantity"])
        )
    return stocks


class ProductVariantStocksUpdate(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        sku = graphene.String(
            description="SKU of product variant for which stocks will be updated."
        )
        stocks = graphene.List(
            graphene.NonNull(StockInput),
            required=True,
            description="Input list of stocks to create or update.",
        )
        variant_id = graphene.ID(
            description="ID of a product variant for which stocks will be updated."
        )

    class Meta:
        description = "Updates stocks for a given variant."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = BulkStockError
        error_type_field = "bulk_stock_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "variant": variant_lookup(data, id_field="variant_id"),
            "stocks": stock_inputs(data["stocks"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_variant=product_variant_stocks_update(**cleaned))


class ProductVariantStocksCreate(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        stocks = graphene.List(
            graphene.NonNull(StockInput),
            required=True,
            description="Input list of stocks to create.",
        )
        variant_id = graphene.ID(
            required=True,
            description="ID of a product variant for which stocks will be created.",
        )

    class Meta:
        description = "Creates stocks for product variant."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = BulkStockError
        error_type_field = "bulk_stock_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "variant": variant_lookup(data, id_field="variant_id"),
            "stocks": stock_inputs(data["stocks"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        variant = product_variant_stocks_update(**cleaned, create_only=True)
        return cls.success(product_variant=variant)


class ProductVariantStocksDelete(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        sku = graphene.String(
            description="SKU of product variant for which stocks will be deleted."
        )
        variant_id = graphene.ID(
            description="ID of product variant for which stocks will be deleted."
        )
        warehouse_ids = graphene.List(
            graphene.NonNull(graphene.ID), description="Input list of warehouse IDs."
        )

    class Meta:
        description = "Deletes stocks from product variant."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = StockError
        error_type_field = "stock_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "variant": variant_lookup(data, id_field="variant_id"),
            "warehouses": get_nodes(
                data.get("warehouse_ids") or [],
                type_name="Warehouse",
                model=Warehouse,
                field_name="warehouseIds",
            ),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_variant=product_variant_stocks_delete(**cleaned))
