"""productTypeCreate, productTypeUpdate, productTypeDelete, productTypeBulkDelete."""

import graphene

from backend.attribute.models import Attribute
from backend.core.permissions import PermissionEnum
from backend.product.models import ProductType as ProductTypeModel
from backend.product.services import product_types as services

from ...core.errors import ProductError
from ...core.inputs import WeightScalar
from ...core.mutations import BaseMutation, get_node, get_nodes, id_error
from ..enums import ProductTypeKindEnum, name_of
from ..types import ProductType

MANAGE_TYPES = (PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,)
UNUSED_FLAG = (
    "The field has no effect on the API behavior. This is a leftover from the "
    "past Simple/Configurable product distinction. Products can have multiple "
    "variants regardless of this setting."
)


class ProductTypeInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the product type.")
    slug = graphene.String(description="Product type slug.")
    kind = graphene.Field(ProductTypeKindEnum, description="The product type kind.")
    has_variants = graphene.Boolean(deprecation_reason=UNUSED_FLAG)
    product_attributes = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attributes shared among all product variants.",
    )
    variant_attributes = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attributes used to distinguish between different "
        "variants of a product.",
    )
    is_shipping_required = graphene.Boolean(
        description="Determines if shipping is required for products of this variant."
    )
    weight = WeightScalar(description="Weight of the ProductType items.")
    tax_code = graphene.String(
        deprecation_reason="Use tax classes to control the tax calculation for a "
        "product type."
    )
    tax_class = graphene.ID(
        description="ID of a tax class to assign to this product type. Lumbar has "
        "no tax classes: only null is accepted."
    )


def _attributes(data, key, field_name):
    if data.get(key) is None:
        return None
    return get_nodes(
        data[key], type_name="Attribute", model=Attribute, field_name=field_name
    )


def product_type_fields(data) -> dict:
    """Return the service's keyword arguments for a ProductTypeInput."""
    if data.get("tax_class"):
        raise id_error(
            "taxClass", f"Couldn't resolve to a node: {data['tax_class']}", "NOT_FOUND"
        )
    fields = {}
    for name in ("name", "slug", "has_variants", "is_shipping_required"):
        if data.get(name) is not None:
            fields[name] = data[name]
    if data.get("kind") is not None:
        fields["kind"] = name_of(data["kind"]).lower()
    if "weight" in data:
        fields["weight_grams"] = data["weight"]
    fields["product_attributes"] = _attributes(
        data, "product_attributes", "productAttributes"
    )
    fields["variant_attributes"] = _attributes(
        data, "variant_attributes", "variantAttributes"
    )
    return fields


class ProductTypeCreate(BaseMutation):
    product_type = graphene.Field(ProductType)

    class Arguments:
        input = ProductTypeInput(
            required=True, description="Fields required to create a product type."
        )

    class Meta:
        description = "Creates a new product type."
        permissions = MANAGE_TYPES
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        fields = product_type_fields(data["input"])
        fields.setdefault("name", None)
        return fields

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_type=services.product_type_create(**cleaned))


class ProductTypeUpdate(BaseMutation):
    product_type = graphene.Field(ProductType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product type to update.")
        input = ProductTypeInput(
            required=True, description="Fields required to update a product type."
        )

    class Meta:
        description = "Updates an existing product type."
        permissions = MANAGE_TYPES
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "product_type": get_node(
                data["id"], type_name="ProductType", model=ProductTypeModel
            ),
            **product_type_fields(data["input"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_type=services.product_type_update(**cleaned))


class ProductTypeDelete(BaseMutation):
    product_type = graphene.Field(ProductType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product type to delete.")

    class Meta:
        description = "Deletes a product type and every product of it."
        permissions = MANAGE_TYPES
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "product_type": get_node(
                data["id"], type_name="ProductType", model=ProductTypeModel
            )
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_type=services.product_type_delete(**cleaned))


class ProductTypeBulkDelete(BaseMutation):
    count = graphene.Int(
        required=True, description="Returns how many objects were affected."
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of product type IDs to delete.",
        )

    class Meta:
        description = "Deletes product types and every product of them."
        permissions = MANAGE_TYPES
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        product_types = get_nodes(
            data["ids"],
            type_name="ProductType",
            model=ProductTypeModel,
            field_name="ids",
        )
        return {"product_types": list({t.pk: t for t in product_types}.values())}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        deleted = services.product_types_bulk_delete(**cleaned)
        return cls.success(count=len(deleted))
