"""productVariant create, update, delete, bulk delete, reorder, set default."""

import graphene
from django.db import transaction

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product
from backend.product.models import ProductVariant as ProductVariantModel
from backend.warehouse.services import product_variant_stocks_update

from ...attribute.mutations.assignment import AttributeValueInput, attribute_assignments
from ...core.errors import ProductError
from ...core.inputs import MetadataInput, WeightScalar, metadata_fields
from ...core.mutations import (
    BaseMutation,
    decode_global_id,
    get_node,
    get_nodes,
    id_error,
)
from ...warehouse.mutations.stocks import StockInput, stock_inputs
from .. import types
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


class ReorderInput(graphene.InputObjectType):
    id = graphene.ID(required=True, description="The ID of the item to move.")
    sort_order = graphene.Int(
        description=(
            "The new relative sorting position of the item (from -inf to +inf). 1 "
            "moves the item one position forward, -1 moves the item one position "
            "backward, 0 leaves the item unchanged."
        )
    )


class ProductVariantReorder(BaseMutation):
    product = graphene.Field(types.Product)

    class Arguments:
        product_id = graphene.ID(
            required=True,
            description="Id of product that variants order will be altered.",
        )
        moves = graphene.List(
            graphene.NonNull(ReorderInput),
            required=True,
            description="The list of variant reordering operations.",
        )

    class Meta:
        description = "Reorder the variants of a product. Mutation updates updated_at "
        "on product and triggers PRODUCT_UPDATED webhook."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "product": get_node(
                data["product_id"],
                type_name="Product",
                model=Product,
                field_name="productId",
            ),
            "moves": [
                (
                    decode_global_id(
                        move["id"], type_names=("ProductVariant",), field_name="moves"
                    ),
                    move.get("sort_order"),
                )
                for move in data["moves"]
            ],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product=services.product_variant_reorder(**cleaned))


class ProductVariantSetDefault(BaseMutation):
    product = graphene.Field(types.Product)

    class Arguments:
        product_id = graphene.ID(
            required=True,
            description="Id of a product that will have the default variant set.",
        )
        variant_id = graphene.ID(
            required=True, description="Id of a variant that will be set as default."
        )

    class Meta:
        description = (
            "Set default variant for a product. Mutation triggers PRODUCT_UPDATED "
            "webhook."
        )
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "product": get_node(
                data["product_id"],
                type_name="Product",
                model=Product,
                field_name="productId",
            ),
            "variant": get_node(
                data["variant_id"],
                type_name="ProductVariant",
                model=ProductVariantModel,
                field_name="variantId",
            ),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product=services.product_variant_set_default(**cleaned))


class ProductVariantBulkDelete(BaseMutation):
    count = graphene.Int(
        required=True, description="Returns how many objects were affected."
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            description="List of product variant IDs to delete.",
        )
        skus = graphene.List(
            graphene.NonNull(graphene.String),
            description="List of product variant SKUs to delete.",
        )

    class Meta:
        description = "Deletes product variants."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        ids, skus = data.get("ids"), data.get("skus")
        if (ids is None) == (skus is None):
            raise id_error(
                "ids",
                "Provide either 'ids' or 'skus', not both.",
                code="GRAPHQL_ERROR",
            )
        if ids is not None:
            variants = get_nodes(
                ids,
                type_name="ProductVariant",
                model=ProductVariantModel,
                field_name="ids",
            )
        else:
            found = {v.sku: v for v in ProductVariantModel.objects.filter(sku__in=skus)}
            missing = [sku for sku in skus if sku not in found]
            if missing:
                raise id_error(
                    "skus", f"Couldn't resolve to a node: {missing[0]}", "NOT_FOUND"
                )
            variants = [found[sku] for sku in skus]
        return {"variants": list({v.pk: v for v in variants}.values())}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        deleted = services.product_variants_bulk_delete(**cleaned)
        return cls.success(count=len(deleted))
