"""createWarehouse, updateWarehouse, deleteWarehouse (MANAGE_PRODUCTS).

Saleor writes warehouses with MANAGE_PRODUCTS, as Lumbar's admin does.
"""

import graphene

from backend.core.permissions import PermissionEnum
from backend.warehouse.models import Warehouse as WarehouseModel
from backend.warehouse.warehouses import (
    WarehouseChanges,
    warehouse_create,
    warehouse_delete,
    warehouse_update,
)

from ...account.mutations.base import address_data
from ...core.address import AddressInput
from ...core.arguments import require_one_of
from ...core.mutations import BaseMutation, decode_global_id, id_error
from ..errors import WarehouseError
from ..types import Warehouse, WarehouseClickAndCollectOptionEnum

MANAGE_PRODUCTS = (PermissionEnum.MANAGE_PRODUCTS,)


class WarehouseCreateInput(graphene.InputObjectType):
    slug = graphene.String(description="Warehouse slug.")
    email = graphene.String(description="The email address of the warehouse.")
    external_reference = graphene.String(description="External ID of the warehouse.")
    name = graphene.String(required=True, description="Warehouse name.")
    address = AddressInput(required=True, description="Address of the warehouse.")
    shipping_zones = graphene.List(
        graphene.NonNull(graphene.ID),
        description="Shipping zones supported by the warehouse.",
        deprecation_reason="Providing the zone ids will raise a ValidationError.",
    )


class WarehouseUpdateInput(graphene.InputObjectType):
    slug = graphene.String(description="Warehouse slug.")
    email = graphene.String(description="The email address of the warehouse.")
    external_reference = graphene.String(description="External ID of the warehouse.")
    name = graphene.String(description="Warehouse name.")
    address = AddressInput(description="Address of the warehouse.")
    click_and_collect_option = WarehouseClickAndCollectOptionEnum(
        description="Click and collect options: local, all or disabled."
    )
    is_private = graphene.Boolean(description="Visibility of warehouse stocks.")


def _changes(data: dict) -> WarehouseChanges:
    option = data.get("click_and_collect_option")
    return WarehouseChanges(
        name=data.get("name"),
        slug=data.get("slug"),
        email=data.get("email"),
        external_reference=data.get("external_reference"),
        is_private=data.get("is_private"),
        click_and_collect_option=getattr(option, "value", option),
        address=address_data(data["address"]) if data.get("address") else None,
    )


class WarehouseMutation(BaseMutation):
    warehouse = graphene.Field(Warehouse)

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("permissions", MANAGE_PRODUCTS)
        options.setdefault("error_type_class", WarehouseError)
        options.setdefault("error_type_field", "warehouse_errors")
        super().__init_subclass_with_meta__(**options)


class WarehouseCreate(WarehouseMutation):
    class Arguments:
        input = WarehouseCreateInput(
            required=True, description="Fields required to create warehouse."
        )

    class Meta:
        description = "Creates new warehouse."

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        if data.get("shipping_zones"):
            raise id_error(
                "shippingZones",
                "The shippingZone input field is deprecated. Use "
                "WarehouseShippingZoneAssign mutation",
                code="INVALID",
            )
        return {"changes": _changes(data)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(warehouse=warehouse_create(**cleaned))


class WarehouseUpdate(WarehouseMutation):
    class Arguments:
        id = graphene.ID(description="ID of a warehouse to update.")
        external_reference = graphene.String(
            description="External reference of a warehouse."
        )
        input = WarehouseUpdateInput(
            required=True, description="Fields required to update warehouse."
        )

    class Meta:
        description = "Updates given warehouse."

    @classmethod
    def clean_input(cls, info, **data):
        require_one_of(
            id=data.get("id"), externalReference=data.get("external_reference")
        )
        if data.get("id"):
            pk = decode_global_id(
                data["id"], type_names=("Warehouse",), field_name="id"
            )
        else:
            pk = (
                WarehouseModel.objects.filter(
                    external_reference=data["external_reference"]
                )
                .values_list("pk", flat=True)
                .first()
            )
            if pk is None:
                raise id_error(
                    "externalReference",
                    f"Couldn't resolve to a node: {data['external_reference']}",
                    code="NOT_FOUND",
                )
        return {"warehouse_id": pk, "changes": _changes(data["input"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(warehouse=warehouse_update(**cleaned))


class WarehouseDelete(WarehouseMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of a warehouse to delete.")

    class Meta:
        description = "Deletes selected warehouse."

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "warehouse_id": decode_global_id(
                data["id"], type_names=("Warehouse",), field_name="id"
            )
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(warehouse=warehouse_delete(**cleaned))
