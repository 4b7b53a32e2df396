"""Filter, where and sorting inputs of the product queries (Saleor's)."""

import graphene

from ..core.enums import OrderDirection
from ..core.filter_inputs import (
    AssignedAttributeValueInput,
    AssignedAttributeWhereInput,
    DateRangeInput,
    DateTimeFilterInput,
    DateTimeRangeInput,
    DecimalFilterInput,
    GlobalIDFilterInput,
    IntRangeInput,
    MetadataFilter,
    PriceRangeInput,
    StringFilterInput,
)
from .enums import (
    CategorySortField,
    CollectionPublished,
    CollectionSortField,
    MediaChoicesSortField,
    ProductOrderField,
    ProductVariantSortField,
    StockAvailability,
)


class AttributeInput(graphene.InputObjectType):
    slug = graphene.String(description="Internal representation of an attribute name.")
    values = graphene.List(
        graphene.NonNull(graphene.String),
        description="Slugs identifying the attributeValues associated with the "
        "Attribute. When specified, it filters the results to include only records "
        "with one of the matching values. Requires `slug` to be provided.",
        deprecation_reason="Use `value` instead.",
    )
    values_range = graphene.InputField(
        IntRangeInput, deprecation_reason="Use `value` instead."
    )
    date_time = graphene.InputField(
        DateTimeRangeInput, deprecation_reason="Use `value` instead."
    )
    date = graphene.InputField(
        DateRangeInput, deprecation_reason="Use `value` instead."
    )
    boolean = graphene.Boolean(deprecation_reason="Use `value` instead.")
    value = graphene.InputField(
        AssignedAttributeValueInput,
        description="Filter by value of the attribute. Only one value input field "
        "is allowed. If provided more than one, the error will be raised.",
    )

    class Meta:
        description = "Filter by attribute slug and its value slugs."


class ProductStockFilterInput(graphene.InputObjectType):
    warehouse_ids = graphene.List(graphene.NonNull(graphene.ID), required=False)
    quantity = graphene.InputField(IntRangeInput, required=False)


class ProductFilterInput(graphene.InputObjectType):
    is_published = graphene.Boolean()
    collections = graphene.List(graphene.NonNull(graphene.ID))
    categories = graphene.List(graphene.NonNull(graphene.ID))
    has_category = graphene.Boolean()
    attributes = graphene.List(graphene.NonNull(AttributeInput))
    stock_availability = graphene.Argument(StockAvailability)
    stocks = graphene.InputField(ProductStockFilterInput)
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    published_from = graphene.DateTime()
    is_available = graphene.Boolean()
    available_from = graphene.DateTime()
    is_visible_in_listing = graphene.Boolean()
    price = graphene.InputField(PriceRangeInput)
    minimal_price = graphene.InputField(PriceRangeInput)
    updated_at = graphene.InputField(DateTimeRangeInput)
    product_types = graphene.List(graphene.NonNull(graphene.ID))
    gift_card = graphene.Boolean()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    has_preordered_variants = graphene.Boolean(
        deprecation_reason="Preorder is deprecated and will be removed. Model "
        "pre-sales with regular stock instead: create the planned quantity in a "
        "warehouse, or set `trackInventory` to false to sell without a stock limit."
    )
    slugs = graphene.List(graphene.NonNull(graphene.String))
    channel = graphene.String(
        deprecation_reason="Use root-level channel argument instead."
    )


class ProductWhereInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    name = graphene.InputField(StringFilterInput)
    slug = graphene.InputField(StringFilterInput)
    product_type = graphene.InputField(GlobalIDFilterInput)
    category = graphene.InputField(GlobalIDFilterInput)
    collection = graphene.InputField(GlobalIDFilterInput)
    is_available = graphene.Boolean()
    is_published = graphene.Boolean()
    is_visible_in_listing = graphene.Boolean()
    published_from = graphene.DateTime()
    available_from = graphene.DateTime()
    has_category = graphene.Boolean()
    price = graphene.InputField(DecimalFilterInput)
    minimal_price = graphene.InputField(DecimalFilterInput)
    attributes = graphene.List(graphene.NonNull(AttributeInput))
    stock_availability = graphene.Argument(StockAvailability)
    stocks = graphene.InputField(ProductStockFilterInput)
    gift_card = graphene.Boolean()
    has_preordered_variants = graphene.Boolean(
        deprecation_reason="Preorder is deprecated and will be removed. Model "
        "pre-sales with regular stock instead: create the planned quantity in a "
        "warehouse, or set `trackInventory` to false to sell without a stock limit."
    )
    updated_at = graphene.InputField(DateTimeFilterInput)
    AND = graphene.List(graphene.NonNull(lambda: ProductWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: ProductWhereInput))


class ProductOrder(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort products.",
    )
    channel = graphene.String(
        deprecation_reason="Use root-level channel argument instead."
    )
    attribute_id = graphene.Argument(graphene.ID)
    field = graphene.Argument(ProductOrderField)


class ProductVariantFilterInput(graphene.InputObjectType):
    search = graphene.String()
    sku = graphene.List(graphene.NonNull(graphene.String))
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    is_preorder = graphene.Boolean(
        deprecation_reason="Preorder is deprecated and will be removed. Model "
        "pre-sales with regular stock instead: create the planned quantity in a "
        "warehouse, or set `trackInventory` to false to sell without a stock limit."
    )
    updated_at = graphene.InputField(DateTimeRangeInput)


class ProductVariantWhereInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    sku = graphene.InputField(StringFilterInput)
    updated_at = graphene.InputField(DateTimeRangeInput)
    attributes = graphene.List(graphene.NonNull(AssignedAttributeWhereInput))
    stock_availability = graphene.Argument(StockAvailability)
    stocks = graphene.InputField(ProductStockFilterInput)
    AND = graphene.List(graphene.NonNull(lambda: ProductVariantWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: ProductVariantWhereInput))


class ProductVariantSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(OrderDirection, required=True)
    field = graphene.Argument(ProductVariantSortField, required=True)


class CategoryFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))
    updated_at = graphene.InputField(DateTimeRangeInput)


class CategoryWhereInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    AND = graphene.List(graphene.NonNull(lambda: CategoryWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: CategoryWhereInput))


class CategorySortingInput(graphene.InputObjectType):
    direction = graphene.Argument(OrderDirection, required=True)
    channel = graphene.String(
        deprecation_reason="Use root-level channel argument instead."
    )
    field = graphene.Argument(CategorySortField, required=True)


class CollectionFilterInput(graphene.InputObjectType):
    published = graphene.Argument(CollectionPublished)
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))
    channel = graphene.String(
        deprecation_reason="Use root-level channel argument instead."
    )


class CollectionWhereInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    AND = graphene.List(graphene.NonNull(lambda: CollectionWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: CollectionWhereInput))


class CollectionSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(OrderDirection, required=True)
    channel = graphene.String(
        deprecation_reason="Use root-level channel argument instead."
    )
    field = graphene.Argument(CollectionSortField, required=True)


def product_list_arguments() -> dict:
    """Return the arguments of a products connection besides pagination."""
    return {
        "filter": ProductFilterInput(
            description="Filtering options for products.",
            deprecation_reason="Use `where` filter instead.",
        ),
        "where": ProductWhereInput(description="Where filtering options for products."),
        "sort_by": ProductOrder(description="Sort products."),
        "search": graphene.String(description="Search products."),
        "channel": graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
    }


class MediaSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort media.",
    )
    field = graphene.Argument(
        MediaChoicesSortField,
        required=True,
        description="Sort media by the selected field.",
    )
