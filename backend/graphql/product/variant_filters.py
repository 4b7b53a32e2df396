"""Filter and sort the variants of one product, already loaded, in memory.

``Product.productVariants`` slices the list a dataloader loaded for a page
of products, so its filters run in Python instead of as extra queries.
"""

from backend.product.models import ProductVariant

from ..core.ids import pks_from_global_ids
from .enums import name_of
from .filters import variant_attributes_q


def _metadata_matches(variant, items) -> bool:
    for item in items or []:
        if item["key"] not in variant.metadata:
            return False
        if (
            item.get("value") is not None
            and variant.metadata[item["key"]] != item["value"]
        ):
            return False
    return True


def _where_matches(variant, where) -> bool:
    if where.get("ids") is not None:
        if variant.pk not in set(pks_from_global_ids(where["ids"], "ProductVariant")):
            return False
    sku = where.get("sku") or {}
    if sku.get("eq") is not None and variant.sku != sku["eq"]:
        return False
    if sku.get("one_of") is not None and variant.sku not in sku["one_of"]:
        return False
    if not _metadata_matches(variant, where.get("metadata")):
        return False
    if any(not _where_matches(variant, item) for item in where.get("AND") or []):
        return False
    if where.get("OR") and not any(_where_matches(variant, i) for i in where["OR"]):
        return False
    return True


def filter_variant_list(variants: list, arguments: dict) -> list:
    """Return the variants matching the filter and where arguments, sorted."""
    legacy = arguments.get("filter") or {}
    search = (legacy.get("search") or "").lower()
    if search:
        variants = [
            v
            for v in variants
            if search in (v.name or "").lower() or search in (v.sku or "").lower()
        ]
    if legacy.get("sku") is not None:
        variants = [v for v in variants if v.sku in legacy["sku"]]
    if legacy.get("metadata"):
        variants = [v for v in variants if _metadata_matches(v, legacy["metadata"])]
    where = arguments.get("where")
    if where:
        variants = [v for v in variants if _where_matches(v, where)]
    if where and where.get("attributes") and variants:
        # Values are not loaded with the variants: one query, only when asked.
        matching = set(
            ProductVariant.objects.filter(
                variant_attributes_q(where["attributes"]),
                pk__in=[v.pk for v in variants],
            ).values_list("pk", flat=True)
        )
        variants = [v for v in variants if v.pk in matching]
    sort_by = arguments.get("sort_by")
    if sort_by:
        descending = name_of(sort_by.get("direction")) == "DESC"
        variants = sorted(
            variants, key=lambda v: (v.updated_at, v.pk), reverse=descending
        )
    return variants
