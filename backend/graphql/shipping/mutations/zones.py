"""shippingZoneCreate, shippingZoneUpdate, shippingZoneDelete, ...BulkDelete."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.shipping import services
from backend.shipping.models import ShippingZone as ShippingZoneModel
from backend.shipping.services import ShippingZoneChanges

from ...core.bulk import BulkMutation, bulk_pks
from ..errors import ShippingError
from ..types import ShippingZone
from .base import ShippingMutation, in_no_channel, pks, zone_pk


class ShippingZoneCreateInput(graphene.InputObjectType):
    name = graphene.String(
        description="Shipping zone's name. Visible only to the staff."
    )
    description = graphene.String(description="Description of the shipping zone.")
    countries = graphene.List(
        graphene.NonNull(graphene.String),
        description="List of countries in this shipping zone.",
    )
    default = graphene.Boolean(
        description="Default shipping zone will be used for countries not covered "
        "by other zones."
    )
    add_warehouses = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of warehouses to assign to a shipping zone",
    )
    add_channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels to assign to the shipping zone.",
    )


class ShippingZoneUpdateInput(ShippingZoneCreateInput):
    remove_warehouses = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of warehouses to unassign from a shipping zone",
    )
    remove_channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels to unassign from the shipping zone.",
    )


def zone_changes(data: dict) -> ShippingZoneChanges:
    """Return the domain's changes for a zone input (ids still global)."""
    countries = data.get("countries")
    return ShippingZoneChanges(
        name=data.get("name"),
        description=data.get("description"),
        countries=tuple(countries) if countries is not None else None,
        default=data.get("default"),
        add_warehouse_ids=pks(
            data.get("add_warehouses"), type_name="Warehouse", field="addWarehouses"
        ),
        remove_warehouse_ids=pks(
            data.get("remove_warehouses"),
            type_name="Warehouse",
            field="removeWarehouses",
        ),
        add_channel_ids=pks(
            data.get("add_channels"), type_name="Channel", field="addChannels"
        ),
        remove_channel_ids=pks(
            data.get("remove_channels"), type_name="Channel", field="removeChannels"
        ),
    )


class ShippingZoneCreate(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        input = ShippingZoneCreateInput(
            required=True, description="Fields required to create a shipping zone."
        )

    class Meta:
        description = "Creates a new shipping zone."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {"changes": zone_changes(data["input"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        zone = services.shipping_zone_create(**cleaned)
        return cls.success(shipping_zone=in_no_channel(zone))


class ShippingZoneUpdate(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a shipping zone to update.")
        input = ShippingZoneUpdateInput(
            required=True, description="Fields required to update a shipping zone."
        )

    class Meta:
        description = "Updates a new shipping zone."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {"zone_id": zone_pk(data["id"]), "changes": zone_changes(data["input"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        zone = services.shipping_zone_update(**cleaned)
        return cls.success(shipping_zone=in_no_channel(zone))


class ShippingZoneDelete(ShippingMutation):
    shipping_zone = graphene.Field(ShippingZone)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a shipping zone to delete.")

    class Meta:
        description = "Deletes a shipping zone."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {"zone_id": zone_pk(data["id"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        zone = services.shipping_zone_delete(**cleaned)
        return cls.success(shipping_zone=in_no_channel(zone))


class ShippingZoneBulkDelete(BulkMutation):
    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of shipping zone IDs to delete.",
        )

    class Meta:
        description = "Deletes shipping zones."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)
        error_type_class = ShippingError
        error_type_field = "shipping_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "zone_ids": bulk_pks(
                data["ids"], type_name="ShippingZone", model=ShippingZoneModel
            )
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(count=services.shipping_zones_delete(**cleaned))
