"""attributeCreate, attributeUpdate, attributeValueCreate."""

import graphene
from django.core.exceptions import ValidationError

from backend.attribute import services
from backend.attribute.models import Attribute, AttributeType
from backend.core.permissions import PermissionEnum, user_has_permissions

from ...core.errors import AttributeError_
from ...core.mutations import (
    BaseMutation,
    PermissionDenied,
    decode_global_id,
    get_node,
    id_error,
)
from ...core.shared_enums import (
    entity_type_value,
    input_type_value,
    member_name,
)
from .. import types
from ..enums import (
    AttributeEntityTypeEnum,
    AttributeInputTypeEnum,
    AttributeTypeEnum,
    MeasurementUnitsEnum,
)
from ..types import AttributeValue

FLAG_FIELDS = (
    "value_required",
    "is_variant_only",
    "visible_in_storefront",
    "filterable_in_storefront",
    "filterable_in_dashboard",
    "storefront_search_position",
    "available_in_grid",
    "external_reference",
)
NO_PREDEFINED_VALUE = (
    "The {kind} attribute hasn't got predefined value, so can be specified only "
    "from instance that supports the given attribute."
)
UNUSED_FLAG = (
    "This flag is not used by Saleor. Keep the logic in the storefront or use "
    "`Attribute` metadata instead."
)


class AttributeValueCreateInput(graphene.InputObjectType):
    value = graphene.String(
        description=(
            "Represent value of the attribute value (e.g. color values for swatch "
            "attributes)."
        )
    )
    rich_text = graphene.JSONString(
        deprecation_reason=(
            "The rich text attribute hasn't got predefined value, so can be "
            "specified only from instance that supports the given attribute."
        )
    )
    plain_text = graphene.String(
        deprecation_reason=(
            "The plain text attribute hasn't got predefined value, so can be "
            "specified only from instance that supports the given attribute."
        )
    )
    file_url = graphene.String(
        description="URL of the file attribute. Every time, a new value is created."
    )
    content_type = graphene.String(description="File content type.")
    external_reference = graphene.String(
        description="External ID of this attribute value."
    )
    name = graphene.String(
        required=True, description="Name of a value displayed in the interface."
    )


class AttributeValueUpdateInput(graphene.InputObjectType):
    value = graphene.String()
    rich_text = graphene.JSONString(
        deprecation_reason=NO_PREDEFINED_VALUE.format(kind="rich text")
    )
    plain_text = graphene.String(
        deprecation_reason=NO_PREDEFINED_VALUE.format(kind="plain text")
    )
    file_url = graphene.String()
    content_type = graphene.String()
    external_reference = graphene.String()
    name = graphene.String()


class _AttributeFlags:
    value_required = graphene.Boolean()
    is_variant_only = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    filterable_in_storefront = graphene.Boolean(deprecation_reason=UNUSED_FLAG)
    filterable_in_dashboard = graphene.Boolean(
        deprecation_reason=UNUSED_FLAG.replace("storefront", "dashboard")
    )
    storefront_search_position = graphene.Int(deprecation_reason=UNUSED_FLAG)
    available_in_grid = graphene.Boolean(deprecation_reason=UNUSED_FLAG)
    external_reference = graphene.String(description="External ID of this attribute.")
    reference_types = graphene.List(graphene.NonNull(graphene.ID))


class AttributeCreateInput(graphene.InputObjectType):
    input_type = graphene.Field(AttributeInputTypeEnum)
    entity_type = graphene.Field(AttributeEntityTypeEnum)
    name = graphene.String(
        required=True, description="Name of an attribute displayed in the interface."
    )
    slug = graphene.String(description="Internal representation of an attribute name.")
    type = graphene.Field(AttributeTypeEnum, required=True)
    unit = graphene.Field(MeasurementUnitsEnum)
    values = graphene.List(graphene.NonNull(AttributeValueCreateInput))
    value_required = _AttributeFlags.value_required
    is_variant_only = _AttributeFlags.is_variant_only
    visible_in_storefront = _AttributeFlags.visible_in_storefront
    filterable_in_storefront = _AttributeFlags.filterable_in_storefront
    filterable_in_dashboard = _AttributeFlags.filterable_in_dashboard
    storefront_search_position = _AttributeFlags.storefront_search_position
    available_in_grid = _AttributeFlags.available_in_grid
    external_reference = _AttributeFlags.external_reference
    reference_types = _AttributeFlags.reference_types


class AttributeUpdateInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String()
    unit = graphene.Field(MeasurementUnitsEnum)
    remove_values = graphene.List(graphene.NonNull(graphene.ID))
    add_values = graphene.List(graphene.NonNull(AttributeValueUpdateInput))
    value_required = _AttributeFlags.value_required
    is_variant_only = _AttributeFlags.is_variant_only
    visible_in_storefront = _AttributeFlags.visible_in_storefront
    filterable_in_storefront = _AttributeFlags.filterable_in_storefront
    filterable_in_dashboard = _AttributeFlags.filterable_in_dashboard
    storefront_search_position = _AttributeFlags.storefront_search_position
    available_in_grid = _AttributeFlags.available_in_grid
    external_reference = _AttributeFlags.external_reference
    reference_types = _AttributeFlags.reference_types


def value_fields(data) -> dict:
    return {
        name: data[name]
        for name in (
            "name",
            "value",
            "file_url",
            "content_type",
            "rich_text",
            "plain_text",
            "external_reference",
        )
        if data.get(name) is not None
    }


def flag_fields(data) -> dict:
    fields = {name: data[name] for name in FLAG_FIELDS if data.get(name) is not None}
    if data.get("unit") is not None:
        fields["unit"] = member_name(data["unit"]).lower()
    return fields


def attribute_permission(attribute_type: str) -> PermissionEnum:
    if attribute_type == AttributeType.PAGE_TYPE:
        return PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES
    return PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES


class AttributeCreate(BaseMutation):
    attribute = graphene.Field(types.Attribute)

    class Arguments:
        input = AttributeCreateInput(
            required=True, description="Fields required to create an attribute."
        )

    class Meta:
        description = "Creates an attribute."
        permissions = (
            PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
            PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
        )
        error_type_class = AttributeError_
        error_type_field = "attribute_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        type_name = member_name(data["type"])
        if type_name not in AttributeType.__members__:
            raise ValidationError(
                {
                    "type": ValidationError(
                        "This attribute type is not supported here.", code="INVALID"
                    )
                }
            )
        attribute_type = AttributeType[type_name].value
        cls.require(info, attribute_permission(attribute_type))
        fields = flag_fields(data)
        if data.get("entity_type") is not None:
            fields["entity_type"] = entity_type_value(data["entity_type"])
        return {
            "name": data["name"],
            "slug": data.get("slug"),
            "type": attribute_type,
            "input_type": input_type_value(data.get("input_type")) or "dropdown",
            "values": [value_fields(value) for value in data.get("values") or []],
            **fields,
        }

    @classmethod
    def require(cls, info, permission: PermissionEnum) -> None:
        """Refuse a user who may manage the other kind of attribute only."""

        if not user_has_permissions(info.context.user, permission):
            raise PermissionDenied((permission,))

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(attribute=services.attribute_create(**cleaned))


def attribute_by_id_or_reference(data) -> Attribute:
    if data.get("id"):
        return get_node(data["id"], type_name="Attribute", model=Attribute)
    if data.get("external_reference"):
        attribute = Attribute.objects.filter(
            external_reference=data["external_reference"]
        ).first()
        if attribute is None:
            raise id_error(
                "externalReference",
                f"Couldn't resolve to a node: {data['external_reference']}",
                "NOT_FOUND",
            )
        return attribute
    raise ValidationError(
        {
            "id": ValidationError(
                "Either 'id' or 'externalReference' must be provided.",
                code="GRAPHQL_ERROR",
            )
        }
    )


class AttributeUpdate(BaseMutation):
    attribute = graphene.Field(types.Attribute)

    class Arguments:
        external_reference = graphene.String(
            description="External ID of an attribute to update."
        )
        id = graphene.ID(description="ID of an attribute to update.")
        input = AttributeUpdateInput(
            required=True, description="Fields required to update an attribute."
        )

    class Meta:
        description = "Updates attribute."
        permissions = AttributeCreate._meta.permissions
        error_type_class = AttributeError_
        error_type_field = "attribute_errors"

    @classmethod
    def clean_input(cls, info, **data):
        attribute = attribute_by_id_or_reference(data)
        AttributeCreate.require(info, attribute_permission(attribute.type))
        update = data["input"]
        fields = flag_fields(update)
        for name in ("name", "slug"):
            if update.get(name) is not None:
                fields[name] = update[name]
        return {
            "attribute": attribute,
            "remove_value_ids": [
                decode_global_id(
                    gid, type_names=("AttributeValue",), field_name="removeValues"
                )
                for gid in update.get("remove_values") or []
            ],
            "add_values": [value_fields(v) for v in update.get("add_values") or []],
            **fields,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(attribute=services.attribute_update(**cleaned))


class AttributeValueCreate(BaseMutation):
    attribute = graphene.Field(types.Attribute)
    attribute_value = graphene.Field(AttributeValue)

    class Arguments:
        attribute_id = graphene.ID(
            required=True,
            name="attribute",
            description="Attribute to which value will be assigned.",
        )
        input = AttributeValueCreateInput(
            required=True, description="Fields required to create an AttributeValue."
        )

    class Meta:
        description = "Creates a value for an attribute."
        permissions = AttributeCreate._meta.permissions
        error_type_class = AttributeError_
        error_type_field = "attribute_errors"

    @classmethod
    def clean_input(cls, info, **data):
        attribute = get_node(
            data["attribute_id"],
            type_name="Attribute",
            model=Attribute,
            field_name="attribute",
        )
        AttributeCreate.require(info, attribute_permission(attribute.type))
        return {"attribute": attribute, **value_fields(data["input"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        value = services.attribute_value_create(**cleaned)
        return cls.success(attribute=value.attribute, attribute_value=value)
