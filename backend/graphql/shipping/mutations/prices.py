"""shippingPriceCreate, shippingPriceUpdate, shippingPriceDelete.

Saleor calls a zone's shipping method a "shipping price".
"""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.shipping import services
from backend.shipping.models import ShippingZone as ShippingZoneModel
from backend.shipping.services import PostalCodeRange, ShippingMethodChanges

from ...core.inputs import WeightScalar
from ...core.mutations import decode_global_id
from ..types import (
    PostalCodeRuleInclusionTypeEnum,
    ShippingMethodType,
    ShippingMethodTypeEnum,
    ShippingZone,
)
from .base import ShippingMutation, in_no_channel, method_pk, zone_pk


class ShippingPostalCodeRulesCreateInputRange(graphene.InputObjectType):
    start = graphene.String(
        required=True, description="Start range of the postal code."
    )
    end = graphene.String(description="End range of the postal code.")


class ShippingPriceInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the shipping method.")
    description = graphene.JSONString(description="Shipping method description.")
    minimum_order_weight = WeightScalar(
        description="Minimum order weight to use this shipping method."
    )
    maximum_order_weight = WeightScalar(
        description="Maximum order weight to use this shipping method."
    )
    maximum_delivery_days = graphene.Int(
        description="Maximum number of days for delivery."
    )
    minimum_delivery_days = graphene.Int(
        description="Minimal number of days for delivery."
    )
    type = ShippingMethodTypeEnum(description="Shipping type: price or weight based.")
    shipping_zone = graphene.ID(description="Shipping zone this method belongs to.")
    add_postal_code_rules = graphene.List(
        graphene.NonNull(ShippingPostalCodeRulesCreateInputRange),
        description="Postal code rules to add.",
    )
    delete_postal_code_rules = graphene.List(
        graphene.NonNull(graphene.ID), description="Postal code rules to delete."
    )
    inclusion_type = PostalCodeRuleInclusionTypeEnum(
        description="Inclusion type for currently assigned postal code rules."
    )
    tax_class = graphene.ID(
        description="ID of a tax class to assign to this shipping method. If not "
        "provided, the default tax class will be used."
    )
    carrier = graphene.String(
        description="Lumbar extension: the carrier that delivers this method's parcels."
    )


def _enum_value(value):
    return getattr(value, "value", value)


def description_text(value) -> str | None:
    """Return the plain text of an EditorJS description (Lumbar stores text)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    blocks = value.get("blocks") if isinstance(value, dict) else None
    if not isinstance(blocks, list):
        raise ValidationError(
            {"description": ValidationError("Invalid description.", code="INVALID")}
        )
    texts = [
        str((block.get("data") or {}).get("text") or "")
        for block in blocks
        if isinstance(block, dict)
    ]
    return "\n\n".join(text for text in texts if text)


def method_changes(data: dict) -> ShippingMethodChanges:
    """Return the domain's changes for a ShippingPriceInput."""
    for field in ("minimum_order_weight", "maximum_order_weight"):
        if data.get(field) is not None:
            raise ValidationError(
                {
                    field: ValidationError(
                        "Lumbar ships by order price only; order weight limits "
                        "are not supported.",
                        code="INVALID",
                    )
                }
            )
    zone = data.get("shipping_zone")
    return ShippingMethodChanges(
        name=data.get("name"),
        description=description_text(data.get("description")),
        type=_enum_value(data.get("type")),
        carrier=data.get("carrier"),
        minimum_delivery_days=data.get("minimum_delivery_days"),
        maximum_delivery_days=data.get("maximum_delivery_days"),
        shipping_zone_id=zone_pk(zone, field="shippingZone") if zone else None,
        add_postal_code_rules=tuple(
            PostalCodeRange(start=item["start"], end=item.get("end"))
            for item in data.get("add_postal_code_rules") or ()
        ),
        delete_postal_code_rule_ids=tuple(
            decode_global_id(
                value,
                type_names=("ShippingMethodPostalCodeRule",),
                field_name="deletePostalCodeRules",
            )
            for value in data.get("delete_postal_code_rules") or ()
        ),
        inclusion_type=_enum_value(data.get("inclusion_type")),
    )


def _payload_zone(method):
    zone = ShippingZoneModel.objects.filter(pk=method.shipping_zone_id).first()
    return in_no_channel(zone)


class ShippingPriceCreate(ShippingMutation):
    shipping_zone = graphene.Field(
        ShippingZone,
        description="A shipping zone to which the shipping method belongs.",
    )
    shipping_method = graphene.Field(ShippingMethodType)

    class Arguments:
        input = ShippingPriceInput(
            required=True, description="Fields required to create a shipping price."
        )

    class Meta:
        description = "Creates a new shipping price."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {"changes": method_changes(data["input"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        method = services.shipping_method_create(**cleaned)
        return cls.success(
            shipping_method=in_no_channel(method), shipping_zone=_payload_zone(method)
        )


class ShippingPriceUpdate(ShippingMutation):
    shipping_zone = graphene.Field(
        ShippingZone,
        description="A shipping zone to which the shipping method belongs.",
    )
    shipping_method = graphene.Field(ShippingMethodType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a shipping price to update.")
        input = ShippingPriceInput(
            required=True, description="Fields required to update a shipping price."
        )

    class Meta:
        description = "Updates a new shipping price."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "method_id": method_pk(data["id"]),
            "changes": method_changes(data["input"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        method = services.shipping_method_update(**cleaned)
        return cls.success(
            shipping_method=in_no_channel(method), shipping_zone=_payload_zone(method)
        )


class ShippingPriceDelete(ShippingMutation):
    shipping_method = graphene.Field(
        ShippingMethodType, description="A shipping method to delete."
    )
    shipping_zone = graphene.Field(
        ShippingZone,
        description="A shipping zone to which the shipping method belongs.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of a shipping price to delete.")

    class Meta:
        description = "Deletes a shipping price."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {"method_id": method_pk(data["id"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        method = services.shipping_method_delete(**cleaned)
        return cls.success(
            shipping_method=in_no_channel(method), shipping_zone=_payload_zone(method)
        )
