"""Saleor's productType and productTypes queries, with their filter and sort."""

import graphene
from django.db.models import Q

from backend.product.models import ProductType as ProductTypeModel

from ..core.connection import ConnectionField, connection_from
from ..core.enums import OrderDirection
from ..core.filter_inputs import MetadataFilter, filter_by_metadata
from ..core.ids import from_global_id_or_error, pks_from_global_ids
from .enums import ProductTypeKindEnum, _enum, name_of
from .types import ProductType
from .types.categories import ProductTypeCountableConnection

ProductTypeConfigurable = _enum("ProductTypeConfigurable", "CONFIGURABLE SIMPLE")
ProductTypeEnum = _enum("ProductTypeEnum", "SHIPPABLE")
ProductTypeSortField = _enum("ProductTypeSortField", "NAME SHIPPING_REQUIRED")


class ProductTypeFilterInput(graphene.InputObjectType):
    search = graphene.String()
    configurable = graphene.Argument(
        ProductTypeConfigurable,
        deprecation_reason=(
            "The field has no effect on the API behavior. This is a leftover from "
            "the past Simple/Configurable product distinction. Products can have "
            "multiple variants regardless of this setting."
        ),
    )
    product_type = graphene.Argument(ProductTypeEnum)
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    kind = graphene.Argument(ProductTypeKindEnum)
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class ProductTypeSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection, required=True, description="Specifies the direction."
    )
    field = graphene.Argument(
        ProductTypeSortField,
        required=True,
        description="Sort product types by the selected field.",
    )


def filter_product_types(queryset, filter_data):
    """Return the product types that match Saleor's ProductTypeFilterInput."""
    filter_data = filter_data or {}
    if filter_data.get("search"):
        text = filter_data["search"]
        queryset = queryset.filter(Q(name__icontains=text) | Q(slug__icontains=text))
    if name_of(filter_data.get("product_type")) == "SHIPPABLE":
        queryset = queryset.filter(is_shipping_required=True)
    if filter_data.get("kind") is not None:
        queryset = queryset.filter(kind=name_of(filter_data["kind"]).lower())
    if filter_data.get("ids") is not None:
        queryset = queryset.filter(
            pk__in=pks_from_global_ids(filter_data["ids"], "ProductType")
        )
    if filter_data.get("slugs") is not None:
        queryset = queryset.filter(slug__in=filter_data["slugs"])
    return filter_by_metadata(queryset, filter_data.get("metadata"))


def sort_product_types(queryset, sort_by):
    if not sort_by:
        return queryset.order_by("slug", "pk")
    sign = "-" if name_of(sort_by.get("direction")) == "DESC" else ""
    if name_of(sort_by.get("field")) == "SHIPPING_REQUIRED":
        return queryset.order_by(f"{sign}is_shipping_required", "name", "slug", "pk")
    return queryset.order_by(f"{sign}name", f"{sign}slug", "pk")


class ProductTypeQueries(graphene.ObjectType):
    product_type = graphene.Field(
        ProductType,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the product type."
        ),
        description="Look up a product type by ID.",
    )
    product_types = ConnectionField(
        ProductTypeCountableConnection,
        filter=ProductTypeFilterInput(
            description="Filtering options for product types."
        ),
        sort_by=ProductTypeSortingInput(description="Sort product types."),
        description="List of the shop's product types.",
    )

    @staticmethod
    def resolve_product_type(root, info, id):
        pk = from_global_id_or_error(id, "ProductType")
        return ProductTypeModel.objects.filter(pk=pk).first()

    @staticmethod
    def resolve_product_types(root, info, **kwargs):
        product_types = filter_product_types(
            ProductTypeModel.objects.all(), kwargs.get("filter")
        )
        product_types = sort_product_types(product_types, kwargs.get("sort_by"))
        return connection_from(
            product_types, info, kwargs, ProductTypeCountableConnection
        )
