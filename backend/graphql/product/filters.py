"""Saleor's product ``filter`` and ``where`` inputs as Django Q objects.

Every condition is an ``EXISTS`` subquery or a column test, so conditions
combine with AND/OR without duplicating product rows.
"""

from decimal import Decimal

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from graphql_relay import from_global_id

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
)
from backend.product.models import (
    Category,
    CollectionProduct,
    ProductChannelListing,
    ProductTypeKind,
    ProductVariantChannelListing,
)
from backend.product.search import products_search
from backend.warehouse.selectors import product_in_stock_q

from ..core.filter_inputs import filter_by_metadata
from ..core.ids import pks_from_global_ids
from .enums import name_of


def _listing(channel_slug: str | None, **conditions) -> Exists:
    listings = ProductChannelListing.objects.filter(
        product_id=OuterRef("pk"), **conditions
    )
    if channel_slug:
        listings = listings.filter(channel__slug=channel_slug)
    return Exists(listings)


def _variant_price(channel_slug, **conditions) -> Exists:
    listings = ProductVariantChannelListing.objects.filter(
        variant__product_id=OuterRef("pk"), price_amount__isnull=False, **conditions
    )
    if channel_slug:
        listings = listings.filter(channel__slug=channel_slug)
    return Exists(listings)


def _range(prefix: str, bounds) -> dict:
    lookups = {}
    if bounds.get("gte") is not None:
        lookups[f"{prefix}__gte"] = Decimal(str(bounds["gte"]))
    if bounds.get("lte") is not None:
        lookups[f"{prefix}__lte"] = Decimal(str(bounds["lte"]))
    return lookups


def _decimal_filter(prefix: str, value) -> dict:
    if value.get("eq") is not None:
        return {prefix: value["eq"]}
    if value.get("one_of") is not None:
        return {f"{prefix}__in": value["one_of"]}
    return _range(prefix, value.get("range") or {})


def in_stock_q(channel_slug: str | None) -> Q:
    """Products with a variant a shopper can buy from the channel's stock."""
    return product_in_stock_q(channel_slug=channel_slug or None)


def stock_availability_q(value, channel_slug) -> Q:
    in_stock = in_stock_q(channel_slug)
    return in_stock if name_of(value) == "IN_STOCK" else ~in_stock


def _holds(value_q: Q) -> Q:
    """Products holding a value matching value_q, themselves or in a variant."""
    product_values = AssignedProductAttributeValue.objects.filter(
        value_q, product_id=OuterRef("pk")
    )
    variant_values = AssignedVariantAttributeValue.objects.filter(
        value_q, variant__product_id=OuterRef("pk")
    )
    return Q(Exists(product_values)) | Q(Exists(variant_values))


# Reference filters: input field -> lookup on the referenced object.
REFERENCE_LOOKUPS = {
    "page_slugs": "value__reference_page__slug",
    "product_slugs": "value__reference_product__slug",
    "product_variant_skus": "value__reference_variant__sku",
}
REFERENCE_ID_LOOKUPS = {
    "Product": "value__reference_product_id",
    "ProductVariant": "value__reference_variant_id",
    "Page": "value__reference_page_id",
}


def _contains_q(base: Q, lookup_of, contains, holds) -> Q:
    """Match any (one EXISTS) or all (one EXISTS per value) of the values."""
    condition = Q()
    if contains.get("contains_any"):
        either = Q()
        for value in contains["contains_any"]:
            either |= Q(**lookup_of(value))
        condition &= holds(base & either)
    for value in contains.get("contains_all") or []:
        condition &= holds(base & Q(**lookup_of(value)))
    return condition


def _referenced_id_lookup(global_id_value) -> dict:
    try:
        type_name, pk = from_global_id(global_id_value)
    except (ValueError, TypeError, UnicodeDecodeError):
        type_name, pk = "", ""
    lookup = REFERENCE_ID_LOOKUPS.get(type_name)
    if lookup is None or not pk.isdigit():
        return {"pk__in": []}
    return {lookup: int(pk)}


def _reference_q(attribute_q: Q, reference, holds) -> Q:
    condition = Q()
    for field, lookup in REFERENCE_LOOKUPS.items():
        if reference.get(field):
            condition &= _contains_q(
                attribute_q,
                lambda value, lookup=lookup: {lookup: value},
                reference[field],
                holds,
            )
    if reference.get("referenced_ids"):
        condition &= _contains_q(
            attribute_q, _referenced_id_lookup, reference["referenced_ids"], holds
        )
    for field in ("category_slugs", "collection_slugs"):
        if reference.get(field):
            # Values cannot reference categories or collections here.
            condition &= Q(pk__in=[])
    return condition


def _value_q(value) -> Q:
    """Return the Q on an assigned value row for AssignedAttributeValueInput."""
    condition = Q()
    if value.get("slug"):
        condition &= _string_filter("value__slug", value["slug"])
    if value.get("name"):
        condition &= _string_filter("value__name", value["name"])
    if value.get("numeric"):
        condition &= Q(**_decimal_filter("value__numeric", value["numeric"]))
    if value.get("date"):
        condition &= Q(**_range_dt("value__date_time__date", value["date"]))
    if value.get("date_time"):
        condition &= Q(**_range_dt("value__date_time", value["date_time"]))
    if value.get("boolean") is not None:
        condition &= Q(value__boolean=value["boolean"])
    return condition


def _variant_holds(value_q: Q) -> Q:
    return Q(
        Exists(
            AssignedVariantAttributeValue.objects.filter(
                value_q, variant_id=OuterRef("pk")
            )
        )
    )


def variant_attributes_q(items) -> Q:
    """Variants matching every AssignedAttributeWhereInput condition."""
    return attributes_q(items, holds=_variant_holds)


def attributes_q(items, holds=_holds) -> Q:
    """Products matching every attribute condition (slug and values)."""
    condition = Q()
    for item in items or []:
        slug = item.get("slug")
        attribute_q = Q(value__attribute__slug=slug) if slug else Q()
        value = item.get("value") or {}
        if value.get("reference"):
            condition &= _reference_q(attribute_q, value["reference"], holds)
            value = {k: v for k, v in value.items() if k != "reference"}
        value_q = attribute_q
        if item.get("values"):
            value_q &= Q(value__slug__in=item["values"])
        elif item.get("boolean") is not None:
            value_q &= Q(value__boolean=item["boolean"])
        elif item.get("values_range"):
            value_q &= Q(**_range("value__numeric", item["values_range"]))
        elif item.get("date_time"):
            value_q &= Q(**_range_dt("value__date_time", item["date_time"]))
        elif item.get("date"):
            value_q &= Q(**_range_dt("value__date_time__date", item["date"]))
        value_q &= _value_q(value)
        if value_q != Q():
            condition &= holds(value_q)
    return condition


def _categories_q(category_pks) -> Q:
    trees = Category.tree.filter(pk__in=category_pks).get_descendants(include_self=True)
    return Q(category__in=trees)


def _collections_q(collection_pks) -> Q:
    return Q(
        Exists(
            CollectionProduct.objects.filter(
                product_id=OuterRef("pk"), collection_id__in=collection_pks
            )
        )
    )


def _common_q(data, channel_slug) -> Q:
    """Conditions the legacy filter and the where input share."""
    condition = Q()
    now = timezone.now()
    if data.get("ids") is not None:
        condition &= Q(pk__in=pks_from_global_ids(data["ids"], "Product"))
    if data.get("is_published") is not None:
        published = _listing(channel_slug, is_published=True)
        condition &= Q(published) if data["is_published"] else ~Q(published)
    if data.get("is_visible_in_listing") is not None:
        visible = _listing(channel_slug, visible_in_listings=True)
        condition &= Q(visible) if data["is_visible_in_listing"] else ~Q(visible)
    if data.get("is_available") is not None:
        available = _listing(channel_slug, available_for_purchase_at__lte=now)
        condition &= Q(available) if data["is_available"] else ~Q(available)
    if data.get("published_from") is not None:
        condition &= Q(_listing(channel_slug, published_at__lte=data["published_from"]))
    if data.get("available_from") is not None:
        condition &= Q(
            _listing(
                channel_slug, available_for_purchase_at__lte=data["available_from"]
            )
        )
    if data.get("has_category") is not None:
        condition &= Q(category__isnull=not data["has_category"])
    if data.get("gift_card") is not None:
        gift_card = Q(product_type__kind=ProductTypeKind.GIFT_CARD)
        condition &= gift_card if data["gift_card"] else ~gift_card
    if data.get("attributes"):
        condition &= attributes_q(data["attributes"])
    if data.get("stock_availability") is not None:
        condition &= stock_availability_q(data["stock_availability"], channel_slug)
    return condition


def product_filter_q(data, channel_slug) -> Q:
    """Return the Q of Saleor's legacy ``ProductFilterInput``."""
    condition = _common_q(data, channel_slug)
    if data.get("categories") is not None:
        condition &= _categories_q(pks_from_global_ids(data["categories"], "Category"))
    if data.get("collections") is not None:
        condition &= _collections_q(
            pks_from_global_ids(data["collections"], "Collection")
        )
    if data.get("product_types") is not None:
        condition &= Q(
            product_type_id__in=pks_from_global_ids(
                data["product_types"], "ProductType"
            )
        )
    if data.get("slugs") is not None:
        condition &= Q(slug__in=data["slugs"])
    if data.get("price"):
        condition &= Q(
            _variant_price(channel_slug, **_range("price_amount", data["price"]))
        )
    if data.get("minimal_price"):
        condition &= Q(
            _listing(
                channel_slug,
                **_range("discounted_price_amount", data["minimal_price"]),
            )
        )
    if data.get("updated_at"):
        condition &= Q(**_range_dt("updated_at", data["updated_at"]))
    return condition


def _range_dt(prefix, bounds) -> dict:
    lookups = {}
    if bounds.get("gte") is not None:
        lookups[f"{prefix}__gte"] = bounds["gte"]
    if bounds.get("lte") is not None:
        lookups[f"{prefix}__lte"] = bounds["lte"]
    return lookups


def _id_filter(field: str, type_name: str, value) -> Q:
    if value.get("eq") is not None:
        return Q(**{field: pks_from_global_ids([value["eq"]], type_name)[0]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": pks_from_global_ids(value["one_of"], type_name)})
    return Q()


def _string_filter(field: str, value) -> Q:
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    return Q()


def product_where_q(data, channel_slug) -> Q:
    """Return the Q of Saleor's ``ProductWhereInput`` (with AND/OR)."""
    condition = _common_q(data, channel_slug)
    if data.get("name"):
        condition &= _string_filter("name", data["name"])
    if data.get("slug"):
        condition &= _string_filter("slug", data["slug"])
    if data.get("product_type"):
        condition &= _id_filter("product_type_id", "ProductType", data["product_type"])
    if data.get("category"):
        condition &= _id_filter("category_id", "Category", data["category"])
    if data.get("collection"):
        collection = data["collection"]
        ids = [collection["eq"]] if collection.get("eq") else collection.get("one_of")
        if ids is not None:
            condition &= _collections_q(pks_from_global_ids(ids, "Collection"))
    if data.get("price"):
        condition &= Q(
            _variant_price(
                channel_slug, **_decimal_filter("price_amount", data["price"])
            )
        )
    if data.get("minimal_price"):
        condition &= Q(
            _listing(
                channel_slug,
                **_decimal_filter("discounted_price_amount", data["minimal_price"]),
            )
        )
    if data.get("updated_at"):
        updated = data["updated_at"]
        if updated.get("eq") is not None:
            condition &= Q(updated_at=updated["eq"])
        elif updated.get("one_of") is not None:
            condition &= Q(updated_at__in=updated["one_of"])
        else:
            condition &= Q(**_range_dt("updated_at", updated.get("range") or {}))
    for item in data.get("AND") or []:
        condition &= product_where_q(item, channel_slug)
    if data.get("OR"):
        either = Q()
        for item in data["OR"]:
            either |= product_where_q(item, channel_slug)
        condition &= either
    return condition


def filter_products(queryset, *, filter_data, where_data, search, channel_slug):
    """Return the queryset narrowed by the filter, where and search arguments."""
    if filter_data:
        queryset = queryset.filter(product_filter_q(filter_data, channel_slug))
        queryset = filter_by_metadata(queryset, filter_data.get("metadata"))
        if filter_data.get("search"):
            queryset = products_search(queryset, text=filter_data["search"])
    if where_data:
        queryset = queryset.filter(product_where_q(where_data, channel_slug))
        queryset = filter_by_metadata(queryset, where_data.get("metadata"))
    if search:
        queryset = products_search(queryset, text=search)
    return queryset
