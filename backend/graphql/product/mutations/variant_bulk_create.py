"""productVariantBulkCreate: rows added in the product page's variant grid."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product
from backend.product.services.channel_listings import VariantListingInput
from backend.warehouse.services import product_variant_stocks_update

from ...attribute.mutations.assignment import attribute_assignments
from ...core.bulk import ErrorPolicyEnum, bulk_rows_apply, error_policy
from ...core.errors import ProductErrorCode
from ...core.inputs import MetadataInput, WeightScalar
from ...core.mutations import BaseMutation, get_node
from ...warehouse.mutations.stocks import StockInput, stock_inputs
from ..types import ProductVariant
from .channel_listings import (
    ProductVariantChannelListingAddInput,
    channels_by_global_id,
)
from .variant_bulk_update import (
    BulkAttributeValueInput,
    ProductVariantBulkResult,
    variant_results,
)
from .variants import PreorderSettingsInput, variant_fields


class BulkProductError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` "
        "indicates that the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(
        ProductErrorCode, required=True, description="The error code."
    )
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))
    index = graphene.Int(
        description="Index of an input list item that caused the error."
    )
    warehouses = graphene.List(graphene.NonNull(graphene.ID))
    channels = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantBulkCreateInput(graphene.InputObjectType):
    attributes = graphene.List(graphene.NonNull(BulkAttributeValueInput), required=True)
    sku = graphene.String(description="Stock keeping unit.")
    name = graphene.String(description="Variant name.")
    track_inventory = graphene.Boolean()
    weight = WeightScalar(description="Weight of the Product Variant.")
    preorder = PreorderSettingsInput(
        deprecation_reason="Preorder is deprecated and will be removed."
    )
    quantity_limit_per_customer = graphene.Int()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    external_reference = graphene.String(description="External ID of this variant.")
    stocks = graphene.List(graphene.NonNull(StockInput))
    channel_listings = graphene.List(
        graphene.NonNull(ProductVariantChannelListingAddInput)
    )


def _create_row(product, row):
    """Create one grid row's variant, stock and prices through the services."""
    variant = services.product_variant_create(
        product=product,
        attributes=attribute_assignments(row.get("attributes")),
        **variant_fields(row),
    )
    if row.get("stocks"):
        product_variant_stocks_update(
            variant=variant, stocks=stock_inputs(row["stocks"]), create_only=True
        )
    listings = row.get("channel_listings") or []
    if listings:
        channels = channels_by_global_id(
            [item["channel_id"] for item in listings], field_name="channelId"
        )
        services.product_variant_channel_listing_update(
            variant=variant,
            listings=[
                VariantListingInput(
                    channel=channels[item["channel_id"]],
                    price=item["price"],
                    cost_price=item.get("cost_price"),
                    prior_price=item.get("prior_price"),
                )
                for item in listings
            ],
        )
    return variant


class ProductVariantBulkCreate(BaseMutation):
    count = graphene.Int(
        required=True, description="Returns how many objects were created."
    )
    product_variants = graphene.List(
        graphene.NonNull(ProductVariant),
        required=True,
        deprecation_reason="Use `results` instead.",
    )
    results = graphene.List(
        graphene.NonNull(ProductVariantBulkResult),
        required=True,
        description="List of the created variants.",
    )

    class Arguments:
        error_policy = ErrorPolicyEnum(
            description="Policies of error handling. DEFAULT: REJECT_EVERYTHING"
        )
        product = graphene.ID(
            required=True, description="ID of the product to create the variants for."
        )
        variants = graphene.List(
            graphene.NonNull(ProductVariantBulkCreateInput),
            required=True,
            description="Input list of product variants to create.",
        )

    class Meta:
        description = "Creates product variants for a given product."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = BulkProductError
        error_type_field = "bulk_product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "product": get_node(
                data["product"],
                type_name="Product",
                model=Product,
                field_name="product",
            ),
            "rows": data["variants"],
            "policy": error_policy(data.get("error_policy")),
        }

    @classmethod
    def perform_mutation(cls, info, product, rows, policy):
        results = variant_results(
            bulk_rows_apply(rows, lambda row: _create_row(product, row), policy)
        )
        created = [r.product_variant for r in results if r.product_variant is not None]
        return cls.success(
            count=len(created), product_variants=created, results=results
        )
