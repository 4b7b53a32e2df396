"""The product domain's queries (Saleor's names and arguments)."""

import graphene
from django.db.models import Q

from backend.product.models import Category as CategoryModel
from backend.product.models import Product as ProductModel

from ..core.channel import resolve_channel_slug, wrap
from ..core.connection import ConnectionField, connection_from
from ..core.enums import LanguageCodeEnum
from ..core.filter_inputs import filter_by_metadata
from ..core.ids import pks_from_global_ids
from . import resolvers
from .enums import name_of
from .filters import variant_attributes_q
from .inputs import (
    CategoryFilterInput,
    CategorySortingInput,
    CategoryWhereInput,
    CollectionFilterInput,
    CollectionSortingInput,
    CollectionWhereInput,
    ProductVariantFilterInput,
    ProductVariantSortingInput,
    ProductVariantWhereInput,
    product_list_arguments,
)
from .sorters import sort_categories, sort_collections
from .types import (
    Category,
    CategoryCountableConnection,
    Collection,
    CollectionCountableConnection,
    Product,
    ProductCountableConnection,
    ProductVariant,
    ProductVariantCountableConnection,
)

CHANNEL_HELP = "Slug of a channel for which the data should be returned."


def _slug_language_code():
    return graphene.Argument(
        LanguageCodeEnum,
        description="Language code of the product slug, omit to use primary slug.",
    )


def _where_q(where, type_name):
    condition = Q()
    if where.get("ids") is not None:
        condition &= Q(pk__in=pks_from_global_ids(where["ids"], type_name))
    for key, value in (
        where.get("metadata") and [("metadata", where["metadata"])]
    ) or []:
        for item in value:
            if item.get("value") is None:
                condition &= Q(**{f"{key}__has_key": item["key"]})
            else:
                condition &= Q(**{f"{key}__contains": {item["key"]: item["value"]}})
    for item in where.get("AND") or []:
        condition &= _where_q(item, type_name)
    if where.get("OR"):
        either = Q()
        for item in where["OR"]:
            either |= _where_q(item, type_name)
        condition &= either
    return condition


class ProductQueries(graphene.ObjectType):
    product = graphene.Field(
        Product,
        id=graphene.Argument(graphene.ID, description="ID of the product."),
        slug=graphene.Argument(graphene.String, description="Slug of the product."),
        slug_language_code=_slug_language_code(),
        external_reference=graphene.Argument(
            graphene.String, description="External ID of the product."
        ),
        channel=graphene.String(description=CHANNEL_HELP),
        description="Look up a product by ID. Requires one of the following "
        "permissions to include the unpublished items: MANAGE_ORDERS, "
        "MANAGE_DISCOUNTS, MANAGE_PRODUCTS.",
    )
    products = ConnectionField(
        ProductCountableConnection,
        description="List of the shop's products. Requires one of the following "
        "permissions to include the unpublished items: MANAGE_ORDERS, "
        "MANAGE_DISCOUNTS, MANAGE_PRODUCTS.",
        **product_list_arguments(),
    )
    product_variant = graphene.Field(
        ProductVariant,
        id=graphene.Argument(graphene.ID, description="ID of the product variant."),
        sku=graphene.Argument(
            graphene.String, description="SKU of the product variant."
        ),
        external_reference=graphene.Argument(
            graphene.String, description="External ID of the product."
        ),
        channel=graphene.String(description=CHANNEL_HELP),
        description="Look up a product variant by ID or SKU.",
    )
    product_variants = ConnectionField(
        ProductVariantCountableConnection,
        ids=graphene.List(
            graphene.NonNull(graphene.ID),
            description="Filter product variants by given IDs.",
        ),
        channel=graphene.String(description=CHANNEL_HELP),
        filter=ProductVariantFilterInput(
            description="Filtering options for product variant.",
            deprecation_reason="Use `where` filter instead.",
        ),
        where=ProductVariantWhereInput(description="Where filtering options."),
        search=graphene.String(description="Search product variants."),
        sort_by=ProductVariantSortingInput(description="Sort products variants."),
        description="List of product variants.",
    )
    categories = ConnectionField(
        CategoryCountableConnection,
        filter=CategoryFilterInput(description="Filtering options for categories."),
        where=CategoryWhereInput(description="Where filtering options."),
        sort_by=CategorySortingInput(description="Sort categories."),
        level=graphene.Argument(
            graphene.Int,
            description="Filter categories by the nesting level in the category tree.",
        ),
        description="List of the shop's categories.",
    )
    category = graphene.Field(
        Category,
        id=graphene.Argument(graphene.ID, description="ID of the category."),
        slug=graphene.Argument(graphene.String, description="Slug of the category"),
        slug_language_code=_slug_language_code(),
        description="Look up a category by ID or slug.",
    )
    collections = ConnectionField(
        CollectionCountableConnection,
        filter=CollectionFilterInput(description="Filtering options for collections."),
        where=CollectionWhereInput(description="Where filtering options."),
        sort_by=CollectionSortingInput(description="Sort collections."),
        channel=graphene.String(description=CHANNEL_HELP),
        description="List of the shop's collections. Requires one of the following "
        "permissions to include the unpublished items: MANAGE_ORDERS, "
        "MANAGE_DISCOUNTS, MANAGE_PRODUCTS.",
    )
    collection = graphene.Field(
        Collection,
        id=graphene.Argument(graphene.ID, description="ID of the collection."),
        slug=graphene.Argument(graphene.String, description="Slug of the category"),
        slug_language_code=_slug_language_code(),
        channel=graphene.String(description=CHANNEL_HELP),
        description="Look up a collection by ID. Requires one of the following "
        "permissions to include the unpublished items: MANAGE_ORDERS, "
        "MANAGE_DISCOUNTS, MANAGE_PRODUCTS.",
    )

    @staticmethod
    def resolve_product(
        root,
        info,
        id=None,
        slug=None,
        external_reference=None,
        slug_language_code=None,
        channel=None,
    ):
        return resolvers.resolve_product(
            info,
            id=id,
            slug=slug,
            external_reference=external_reference,
            slug_language_code=slug_language_code,
            channel=channel,
        )

    @staticmethod
    def resolve_products(root, info, **kwargs):
        return resolvers.products_connection(
            info, ProductModel.objects.all(), kwargs, listing=True
        )

    @staticmethod
    def resolve_product_variant(
        root, info, id=None, sku=None, external_reference=None, channel=None
    ):
        return resolvers.resolve_product_variant(
            info,
            id=id,
            sku=sku,
            external_reference=external_reference,
            channel=channel,
        )

    @staticmethod
    def resolve_product_variants(root, info, **kwargs):
        channel_slug = resolve_channel_slug(info, kwargs.get("channel"))
        variants = resolvers.visible_variants(info, channel_slug)
        if kwargs.get("ids") is not None:
            variants = variants.filter(
                pk__in=pks_from_global_ids(kwargs["ids"], "ProductVariant")
            )
        filter_data = kwargs.get("filter") or {}
        search = kwargs.get("search") or filter_data.get("search")
        if search:
            variants = variants.filter(
                Q(name__icontains=search)
                | Q(sku__icontains=search)
                | Q(product__name__icontains=search)
            )
        if filter_data.get("sku") is not None:
            variants = variants.filter(sku__in=filter_data["sku"])
        variants = filter_by_metadata(variants, filter_data.get("metadata"))
        where = kwargs.get("where") or {}
        if where:
            variants = variants.filter(_where_q(where, "ProductVariant"))
            if where.get("attributes"):
                variants = variants.filter(variant_attributes_q(where["attributes"]))
            sku = where.get("sku") or {}
            if sku.get("eq") is not None:
                variants = variants.filter(sku=sku["eq"])
            if sku.get("one_of") is not None:
                variants = variants.filter(sku__in=sku["one_of"])
        sort_by = kwargs.get("sort_by")
        if sort_by:
            sign = "-" if name_of(sort_by.get("direction")) == "DESC" else ""
            variants = variants.order_by(f"{sign}updated_at", "pk")
        else:
            variants = variants.order_by("sku", "pk")
        return connection_from(
            variants.distinct(),
            info,
            kwargs,
            ProductVariantCountableConnection,
            wrap=lambda rows: wrap(rows, channel_slug),
        )

    @staticmethod
    def resolve_categories(root, info, level=None, **kwargs):
        categories = CategoryModel.objects.all()
        filter_data = kwargs.get("filter") or {}
        if level is not None:
            categories = categories.filter(level=level)
        if filter_data.get("search"):
            text = filter_data["search"]
            categories = categories.filter(
                Q(name__icontains=text) | Q(slug__icontains=text)
            )
        if filter_data.get("ids") is not None:
            categories = categories.filter(
                pk__in=pks_from_global_ids(filter_data["ids"], "Category")
            )
        if filter_data.get("slugs") is not None:
            categories = categories.filter(slug__in=filter_data["slugs"])
        categories = filter_by_metadata(categories, filter_data.get("metadata"))
        if kwargs.get("where"):
            categories = categories.filter(_where_q(kwargs["where"], "Category"))
        categories = sort_categories(categories, kwargs.get("sort_by"))
        return connection_from(categories, info, kwargs, CategoryCountableConnection)

    @staticmethod
    def resolve_category(root, info, id=None, slug=None, slug_language_code=None):
        return resolvers.resolve_category(
            info, id=id, slug=slug, slug_language_code=slug_language_code
        )

    @staticmethod
    def resolve_collections(root, info, channel=None, **kwargs):
        filter_data = kwargs.get("filter") or {}
        channel_slug = resolve_channel_slug(info, channel or filter_data.get("channel"))
        collections = resolvers.published_collections(info, channel_slug)
        if filter_data.get("published") is not None and channel_slug:
            published = name_of(filter_data["published"]) == "PUBLISHED"
            collections = collections.filter(
                channel_listings__channel__slug=channel_slug,
                channel_listings__is_published=published,
            )
        if filter_data.get("search"):
            text = filter_data["search"]
            collections = collections.filter(
                Q(name__icontains=text) | Q(slug__icontains=text)
            )
        if filter_data.get("ids") is not None:
            collections = collections.filter(
                pk__in=pks_from_global_ids(filter_data["ids"], "Collection")
            )
        if filter_data.get("slugs") is not None:
            collections = collections.filter(slug__in=filter_data["slugs"])
        collections = filter_by_metadata(collections, filter_data.get("metadata"))
        if kwargs.get("where"):
            collections = collections.filter(_where_q(kwargs["where"], "Collection"))
        collections = sort_collections(
            collections.distinct(), kwargs.get("sort_by"), channel_slug
        )
        return connection_from(
            collections,
            info,
            kwargs,
            CollectionCountableConnection,
            wrap=lambda rows: wrap(rows, channel_slug),
        )

    @staticmethod
    def resolve_collection(
        root, info, id=None, slug=None, slug_language_code=None, channel=None
    ):
        return resolvers.resolve_collection(
            info,
            id=id,
            slug=slug,
            slug_language_code=slug_language_code,
            channel=channel,
        )
