"""Top-level product reads: visibility per channel, then filter and sort."""

import functools

from graphql import GraphQLError

from backend.core.compiled_sql import prepared_statements
from backend.product.models import (
    Category,
    Collection,
    Product,
    ProductVariant,
)

from ..core.channel import (
    ChannelContext,
    is_staff_reader,
    resolve_channel_slug,
    wrap,
)
from ..core.connection import connection_from
from ..core.ids import from_global_id_or_error
from .filters import filter_products
from .sorters import sort_products
from .types.common import MANAGE_PRODUCTS, translation_language
from .types.products import ProductCountableConnection


def exactly_one(**arguments) -> str:
    """Return the name of the one argument given, or raise Saleor's error."""
    given = [name for name, value in arguments.items() if value is not None]
    if len(given) > 1:
        raise GraphQLError(
            f"Argument '{given[0]}' cannot be combined with '{given[1]}'"
        )
    if not given:
        names = ", ".join(f"'{name}'" for name in arguments)
        raise GraphQLError(f"At least one of arguments is required: {names}.")
    return given[0]


def _channel_argument(kwargs) -> str | None:
    for source in (kwargs, kwargs.get("filter") or {}, kwargs.get("sort_by") or {}):
        if source.get("channel"):
            return source["channel"]
    return None


def visible_products(info, channel_slug: str | None, *, listing: bool, queryset=None):
    """Return the products (of the queryset) the reader may see in the channel."""
    can_manage = is_staff_reader(info, MANAGE_PRODUCTS)
    products = queryset if queryset is not None else Product.objects.all()
    if listing and not can_manage and channel_slug:
        # Visible in listings implies published; one test, not two.
        return products.visible_in_listings(channel_slug)
    return products.visible_to_user(channel_slug=channel_slug, can_manage=can_manage)


def products_connection(info, queryset, kwargs, *, listing, channel_resolved=False):
    """Return a page of products as ProductCountableConnection."""
    channel = _channel_argument(kwargs)
    channel_slug = channel if channel_resolved else resolve_channel_slug(info, channel)
    products = visible_products(info, channel_slug, listing=listing, queryset=queryset)
    search = kwargs.get("search") or (kwargs.get("filter") or {}).get("search")
    products = filter_products(
        products,
        filter_data=kwargs.get("filter"),
        where_data=kwargs.get("where"),
        search=kwargs.get("search"),
        channel_slug=channel_slug,
    )
    products = sort_products(
        products,
        sort_by=kwargs.get("sort_by"),
        search=search,
        channel_slug=channel_slug,
    )
    products = products.without_search_columns()
    page = functools.partial(
        connection_from,
        products,
        info,
        kwargs,
        ProductCountableConnection,
        wrap=lambda rows: wrap(rows, channel_slug),
    )
    if search:
        # A text search's best plan depends on its words: planned each time.
        return page()
    # Otherwise the page's SQL differs only in its parameters (channel,
    # moment, filter values): prepared, its plan is kept (~12 ms of planning
    # for the in-stock, price-sorted page of the grown store).
    with prepared_statements(using=products.db):
        return page()


def resolve_product(info, *, id, slug, external_reference, slug_language_code, channel):
    lookup = exactly_one(id=id, slug=slug, external_reference=external_reference)
    channel_slug = resolve_channel_slug(info, channel)
    products = visible_products(info, channel_slug, listing=False)
    if lookup == "id":
        product = products.filter(pk=from_global_id_or_error(id, "Product")).first()
    elif lookup == "slug":
        product = None
        if slug_language_code is not None:
            product = products.filter(
                translations__slug=slug,
                translations__language_code=translation_language(slug_language_code),
            ).first()
        product = product or products.filter(slug=slug).first()
    else:
        product = products.filter(external_reference=external_reference).first()
    return product and ChannelContext(product, channel_slug)


def visible_variants(info, channel_slug):
    """Return the variants the reader may see in the channel."""
    can_manage = is_staff_reader(info, MANAGE_PRODUCTS)
    products = visible_products(info, channel_slug, listing=False)
    return ProductVariant.objects.filter(product__in=products).visible_to_user(
        channel_slug=channel_slug, can_manage=can_manage
    )


def resolve_product_variant(info, *, id, sku, external_reference, channel):
    lookup = exactly_one(id=id, sku=sku, external_reference=external_reference)
    channel_slug = resolve_channel_slug(info, channel)
    variants = visible_variants(info, channel_slug)
    if lookup == "id":
        variant = variants.filter(
            pk=from_global_id_or_error(id, "ProductVariant")
        ).first()
    elif lookup == "sku":
        variant = variants.filter(sku=sku).first()
    else:
        variant = variants.filter(external_reference=external_reference).first()
    return variant and ChannelContext(variant, channel_slug)


def published_collections(info, channel_slug):
    """Return the collections the reader may see in the channel."""
    return Collection.objects.visible_to_user(
        channel_slug=channel_slug, can_manage=is_staff_reader(info, MANAGE_PRODUCTS)
    )


def resolve_category(info, *, id, slug, slug_language_code):
    lookup = exactly_one(id=id, slug=slug)
    if lookup == "id":
        return Category.objects.filter(
            pk=from_global_id_or_error(id, "Category")
        ).first()
    category = None
    if slug_language_code is not None:
        category = Category.objects.filter(
            translations__slug=slug,
            translations__language_code=translation_language(slug_language_code),
        ).first()
    return category or Category.objects.filter(slug=slug).first()


def resolve_collection(info, *, id, slug, slug_language_code, channel):
    lookup = exactly_one(id=id, slug=slug)
    channel_slug = resolve_channel_slug(info, channel)
    collections = published_collections(info, channel_slug)
    if lookup == "id":
        collection = collections.filter(
            pk=from_global_id_or_error(id, "Collection")
        ).first()
    else:
        collection = None
        if slug_language_code is not None:
            collection = collections.filter(
                translations__slug=slug,
                translations__language_code=translation_language(slug_language_code),
            ).first()
        collection = collection or collections.filter(slug=slug).first()
    return collection and ChannelContext(collection, channel_slug)
