"""productVariantBulkUpdate: the product page's variant grid, saved row by row.

Each row goes through the same services as the single-variant mutations
(variant fields and attributes, stock per warehouse, price per channel);
``core.bulk.bulk_rows_apply`` applies the rows under the error policy.
"""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product, ProductVariantChannelListing
from backend.product.models import ProductVariant as ProductVariantModel
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
)
from backend.warehouse.models import Stock
from backend.warehouse.services import StockInput as DomainStockInput
from backend.warehouse.services import (
    product_variant_stocks_delete,
    product_variant_stocks_update,
)

from ...attribute.mutations.assignment import AttributeValueInput, attribute_assignments
from ...core.bulk import ErrorPolicyEnum, RowOutcome, bulk_rows_apply, error_policy
from ...core.errors import _code_enum, validation_error_to_list
from ...core.inputs import MetadataInput, PositiveDecimal, WeightScalar
from ...core.mutations import BaseMutation, decode_global_id, get_node, id_error
from ...warehouse.mutations.stocks import StockInput, stock_inputs
from ..types import ProductVariant
from .channel_listings import (
    ProductVariantChannelListingAddInput,
    channels_by_global_id,
)
from .variants import PreorderSettingsInput, variant_fields

ProductVariantBulkErrorCode = _code_enum(
    "ProductVariantBulkErrorCode",
    "ATTRIBUTE_ALREADY_ASSIGNED ATTRIBUTE_CANNOT_BE_ASSIGNED "
    "ATTRIBUTE_VARIANTS_DISABLED DUPLICATED_INPUT_ITEM GRAPHQL_ERROR INVALID "
    "INVALID_PRICE NOT_PRODUCTS_VARIANT NOT_FOUND REQUIRED UNIQUE "
    "PRODUCT_NOT_ASSIGNED_TO_CHANNEL STOCK_ALREADY_EXISTS",
)


class ProductVariantBulkError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` "
        "indicates that the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(
        ProductVariantBulkErrorCode, required=True, description="The error code."
    )
    path = graphene.String(description="Path to field that caused the error.")
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))
    warehouses = graphene.List(graphene.NonNull(graphene.ID))
    stocks = graphene.List(graphene.NonNull(graphene.ID))
    channels = graphene.List(graphene.NonNull(graphene.ID))
    channel_listings = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantBulkResult(graphene.ObjectType):
    product_variant = graphene.Field(ProductVariant)
    errors = graphene.List(graphene.NonNull(ProductVariantBulkError))


class BulkAttributeValueInput(AttributeValueInput):
    pass


class StockUpdateInput(graphene.InputObjectType):
    stock = graphene.ID(required=True, description="Stock.")
    quantity = graphene.Int(
        required=True, description="Quantity of items available for sell."
    )


class ProductVariantStocksUpdateInput(graphene.InputObjectType):
    create = graphene.List(graphene.NonNull(StockInput))
    update = graphene.List(graphene.NonNull(StockUpdateInput))
    remove = graphene.List(graphene.NonNull(graphene.ID))


class ChannelListingUpdateInput(graphene.InputObjectType):
    channel_listing = graphene.ID(required=True, description="ID of a channel listing.")
    price = PositiveDecimal(description="Price of the particular variant in channel.")
    cost_price = PositiveDecimal(description="Cost price of the variant in channel.")
    prior_price = PositiveDecimal(
        description="The value of the previous price before discount."
    )
    preorder_threshold = graphene.Int(
        deprecation_reason="Preorder is deprecated and will be removed."
    )


class ProductVariantChannelListingUpdateInput(graphene.InputObjectType):
    create = graphene.List(graphene.NonNull(ProductVariantChannelListingAddInput))
    update = graphene.List(graphene.NonNull(ChannelListingUpdateInput))
    remove = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantBulkUpdateInput(graphene.InputObjectType):
    attributes = graphene.List(graphene.NonNull(BulkAttributeValueInput))
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
    stocks = ProductVariantStocksUpdateInput(description="Stocks input.")
    channel_listings = ProductVariantChannelListingUpdateInput(
        description="Channel listings input."
    )
    id = graphene.ID(required=True, description="ID of the product variant to update.")


def _row_errors(error: ValidationError) -> list[ProductVariantBulkError]:
    known = set(ProductVariantBulkError._meta.fields)
    items = validation_error_to_list(error, code_enum=ProductVariantBulkErrorCode)
    return [
        ProductVariantBulkError(**{k: v for k, v in item.items() if k in known})
        for item in items
    ]


def _stock_rows(variant, global_ids, field_name):
    pks = [
        decode_global_id(gid, type_names=("Stock",), field_name=field_name)
        for gid in global_ids
    ]
    stocks = Stock.objects.select_related("warehouse").in_bulk(pks)
    if any(
        stocks.get(pk) is None or stocks[pk].product_variant_id != variant.pk
        for pk in pks
    ):
        raise id_error(field_name, "A stock is not one of this variant's.", "NOT_FOUND")
    return [stocks[pk] for pk in pks]


def _listing_rows(variant, global_ids, field_name):
    pks = [
        decode_global_id(
            gid, type_names=("ProductVariantChannelListing",), field_name=field_name
        )
        for gid in global_ids
    ]
    listings = ProductVariantChannelListing.objects.select_related("channel").in_bulk(
        pks
    )
    if any(
        listings.get(pk) is None or listings[pk].variant_id != variant.pk for pk in pks
    ):
        raise id_error(
            field_name, "A channel listing is not one of this variant's.", "NOT_FOUND"
        )
    return [listings[pk] for pk in pks]


def _update_row(product, row) -> ProductVariantModel:
    """Apply one grid row through the catalog and stock services."""
    pk = decode_global_id(row["id"], type_names=("ProductVariant",), field_name="id")
    variant = ProductVariantModel.objects.filter(pk=pk).first()
    if variant is None:
        raise id_error("id", f"Couldn't resolve to a node: {row['id']}", "NOT_FOUND")
    if variant.product_id != product.pk:
        raise id_error(
            "id", "The variant is not one of this product's.", "NOT_PRODUCTS_VARIANT"
        )
    fields = variant_fields(row)
    for name in ("metadata", "private_metadata"):
        if name in fields:
            fields[name] = {**getattr(variant, name), **fields[name]}
    variant = services.product_variant_update(
        variant=variant,
        attributes=attribute_assignments(row.get("attributes")),
        **fields,
    )
    stocks = row.get("stocks") or {}
    if stocks.get("remove"):
        removed = _stock_rows(variant, stocks["remove"], "stocks")
        product_variant_stocks_delete(
            variant=variant, warehouses=[stock.warehouse for stock in removed]
        )
    if stocks.get("update"):
        updated = _stock_rows(variant, [s["stock"] for s in stocks["update"]], "stocks")
        product_variant_stocks_update(
            variant=variant,
            stocks=[
                DomainStockInput(warehouse=stock.warehouse, quantity=item["quantity"])
                for stock, item in zip(updated, stocks["update"], strict=True)
            ],
        )
    if stocks.get("create"):
        product_variant_stocks_update(
            variant=variant, stocks=stock_inputs(stocks["create"]), create_only=True
        )
    listings = row.get("channel_listings") or {}
    if listings.get("remove"):
        removed = _listing_rows(variant, listings["remove"], "channelListings")
        services.product_channel_listing_update(
            product=product,
            update_channels=[
                ProductListingInput(
                    channel=listing.channel, remove_variant_ids=(variant.pk,)
                )
                for listing in removed
            ],
        )
    prices = []
    for item in listings.get("update") or []:
        (listing,) = _listing_rows(
            variant, [item["channel_listing"]], "channelListings"
        )
        prices.append(
            VariantListingInput(
                channel=listing.channel,
                price=item.get("price", listing.price_amount),
                cost_price=item.get("cost_price", listing.cost_price_amount),
                prior_price=item.get("prior_price", listing.prior_price_amount),
            )
        )
    created = listings.get("create") or []
    if created:
        channels = channels_by_global_id(
            [item["channel_id"] for item in created], field_name="channelId"
        )
        prices += [
            VariantListingInput(
                channel=channels[item["channel_id"]],
                price=item["price"],
                cost_price=item.get("cost_price"),
                prior_price=item.get("prior_price"),
            )
            for item in created
        ]
    if prices:
        services.product_variant_channel_listing_update(
            variant=variant, listings=prices
        )
    return variant


def variant_results(outcomes: list[RowOutcome]) -> list[ProductVariantBulkResult]:
    """Return the grid rows' results in the payload's shape."""
    return [
        ProductVariantBulkResult(
            product_variant=outcome.value,
            errors=_row_errors(outcome.error) if outcome.error is not None else [],
        )
        for outcome in outcomes
    ]


class ProductVariantBulkUpdate(BaseMutation):
    count = graphene.Int(
        required=True, description="Returns how many variants were updated."
    )
    results = graphene.List(
        graphene.NonNull(ProductVariantBulkResult),
        required=True,
        description="List of the updated variants.",
    )

    class Arguments:
        error_policy = ErrorPolicyEnum(
            description="Policies of error handling. DEFAULT: REJECT_EVERYTHING"
        )
        product = graphene.ID(
            required=True, description="ID of the product to update variants for."
        )
        variants = graphene.List(
            graphene.NonNull(ProductVariantBulkUpdateInput),
            required=True,
            description="Input list of product variants to update.",
        )

    class Meta:
        description = "Update multiple product variants."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductVariantBulkError

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
            bulk_rows_apply(rows, lambda row: _update_row(product, row), policy)
        )
        count = sum(1 for result in results if result.product_variant is not None)
        return cls(errors=[], count=count, results=results)
