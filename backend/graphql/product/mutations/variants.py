"""productVariantCreate, productVariantUpdate, productVariantDelete."""

import graphene
from django.db import transaction

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product
from backend.warehouse.services import product_variant_stocks_update

from ...attribute.mutations.assignment import AttributeValueInput, attribute_assignments
from ...core.errors import ProductError
from ...core.inputs import MetadataInput, WeightScalar, metadata_fields
from ...core.mutations import BaseMutation, get_node
from ...warehouse.mutations.stocks import StockInput, stock_inputs
from ..lookup import variant_lookup
from ..types import ProductVariant


class PreorderSettingsInput(graphene.InputObjectType):
    global_threshold = graphene.Int(
        description="The global threshold for preorder variant."
    )
    end_date = graphene.DateTime(description="The end date for preorder.")


class ProductVariantInput(graphene.InputObjectType):
    attributes = graphene.List(graphene.NonNull(AttributeValueInput))
    sku = graphene.String(description="Stock keeping unit.")
    name = graphene.String(description="Variant name.")
    track_inventory = graphene.Boolean()
    weight = WeightScalar(description="Weight of the Product Variant.")
    preorder = PreorderSettingsInput(
        deprecation_reason=(
            "Preorder is deprecated and will be removed. Model pre-sales with "
            "regular stock instead: create the planned quantity in a warehouse, or "
            "set `trackInventory` to false to sell without a stock limit."
        )
    )
    quantity_limit_per_customer = graphene.Int()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    external_reference = graphene.String(description="External ID of this product.")


class ProductVariantCreateInput(ProductVariantInput):
    attributes = graphene.List(graphene.NonNull(AttributeValueInput), required=True)
    product = graphene.ID(
        required=True, description="Product ID of which type is the variant."
    )
    stocks = graphene.List(graphene.NonNull(StockInput))


def variant_fields(data) -> dict:
    fields = metadata_fields(data)
    for name in (
        "sku",
        "name",
        "track_inventory",
        "quantity_limit_per_customer",
        "external_reference",
    ):
        if name in data:
            fields[name] = data[name]
    if "weight" in data:
        fields["weight_grams"] = data["weight"]
    if data.get("preorder") is not None:
        fields["is_preorder"] = True
    return fields


class ProductVariantCreate(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        input = ProductVariantCreateInput(required=True)

    class Meta:
        description = "Creates a new variant for a product."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        return {
            "product": get_node(
                data["product"],
                type_name="Product",
                model=Product,
                field_name="product",
            ),
            "attributes": attribute_assignments(data.get("attributes")),
            "stocks": stock_inputs(data.get("stocks") or []),
            **variant_fields(data),
        }

    @classmethod
    def perform_mutation(cls, info, stocks, **cleaned):
        # The variant and its first stock land together or not at all.
        with transaction.atomic():
            variant = services.product_variant_create(**cleaned)
            if stocks:
                product_variant_stocks_update(variant=variant, stocks=stocks)
        return cls.success(product_variant=variant)


class ProductVariantUpdate(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        external_reference = graphene.String()
        id = graphene.ID()
        input = ProductVariantInput(required=True)
        sku = graphene.String()

    class Meta:
        description = "Updates an existing variant for product."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        variant = variant_lookup(data)
        variant_input = data["input"]
        fields = variant_fields(variant_input)
        for name in ("metadata", "private_metadata"):
            if name in fields:
                fields[name] = {**getattr(variant, name), **fields[name]}
        return {
            "variant": variant,
            "attributes": attribute_assignments(variant_input.get("attributes")),
            **fields,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_variant=services.product_variant_update(**cleaned))


class ProductVariantDelete(BaseMutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        external_reference = graphene.String()
        id = graphene.ID()
        sku = graphene.String()

    class Meta:
        description = "Deletes a product variant."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {"variant": variant_lookup(data)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product_variant=services.product_variant_delete(**cleaned))
