"""Create, change and delete product variants."""

from typing import Any

from django.db import transaction

from backend.attribute.services import AttributeAssignment
from backend.core.cache_versions import CATALOG, bump

from ..models import Product, ProductVariant
from .attributes import required_attributes_check, variant_attributes_assign
from .channel_listings import product_discounted_prices_update
from .common import apply_changes, error
from .search import product_search_vector_update

VARIANT_FIELDS = {
    "sku",
    "name",
    "track_inventory",
    "weight_grams",
    "quantity_limit_per_customer",
    "external_reference",
    "metadata",
    "private_metadata",
    "is_preorder",
}


def _clean_fields(fields: dict[str, Any], instance_pk: int | None) -> dict[str, Any]:
    unknown = set(fields) - VARIANT_FIELDS
    if unknown:
        raise error(sorted(unknown)[0], "Unknown variant field.", "INVALID")
    if "sku" in fields:
        sku = (fields["sku"] or "").strip() or None
        others = ProductVariant.objects.exclude(pk=instance_pk)
        if sku and others.filter(sku=sku).exists():
            raise error(
                "sku", "Product variant with this SKU already exists.", "UNIQUE"
            )
        fields["sku"] = sku
    reference = fields.get("external_reference")
    if (
        reference
        and ProductVariant.objects.exclude(pk=instance_pk)
        .filter(external_reference=reference)
        .exists()
    ):
        raise error("externalReference", "This reference is taken.", "UNIQUE")
    if fields.get("weight_grams") is not None and fields["weight_grams"] < 0:
        raise error("weight", "Weight cannot be negative.", "INVALID")
    limit = fields.get("quantity_limit_per_customer")
    if limit is not None and limit < 1:
        raise error(
            "quantityLimitPerCustomer", "The limit must be at least 1.", "INVALID"
        )
    if "name" in fields:
        fields["name"] = (fields["name"] or "").strip()
    return fields


@transaction.atomic
def product_variant_create(
    *, product: Product, attributes: list[AttributeAssignment] = (), **fields: Any
) -> ProductVariant:
    """Add a variant to a product, with its variant attributes."""
    bump(CATALOG)
    product = (
        Product.objects.select_for_update()
        .select_related("product_type")
        .get(pk=product.pk)
    )
    fields = _clean_fields(fields, None)
    if not product.product_type.has_variants and product.variants.exists():
        raise error(
            "productType",
            "This product type has no variants beyond the first.",
            "ATTRIBUTE_VARIANTS_DISABLED",
        )
    required_attributes_check(
        product_type=product.product_type, assignments=list(attributes), variant=True
    )
    variant = ProductVariant.objects.create(
        product=product, sort_order=product.variants.count(), **fields
    )
    if attributes:
        variant_attributes_assign(variant=variant, assignments=list(attributes))
    if product.default_variant_id is None:
        product.default_variant = variant
        product.save(update_fields=["default_variant", "updated_at"])
    product_search_vector_update(product_ids=[product.pk])
    return variant


@transaction.atomic
def product_variant_update(
    *,
    variant: ProductVariant,
    attributes: list[AttributeAssignment] | None = None,
    **fields: Any,
) -> ProductVariant:
    """Change a variant's fields and attributes."""
    bump(CATALOG)
    variant = (
        ProductVariant.objects.select_for_update()
        .select_related("product__product_type")
        .get(pk=variant.pk)
    )
    fields = _clean_fields(fields, variant.pk)
    changed = apply_changes(variant, fields)
    if changed:
        variant.save(update_fields=[*changed, "updated_at"])
    if attributes:
        variant_attributes_assign(variant=variant, assignments=list(attributes))
    if attributes:
        product_search_vector_update(product_ids=[variant.product_id])
    return variant


@transaction.atomic
def product_variant_delete(*, variant: ProductVariant) -> ProductVariant:
    """Delete a variant, choosing another default and re-pricing the product."""
    bump(CATALOG)
    variant = ProductVariant.objects.select_for_update().get(pk=variant.pk)
    product = Product.objects.select_for_update().get(pk=variant.product_id)
    deleted_id = variant.pk
    variant.delete()
    variant.id = deleted_id
    if product.default_variant_id in (None, deleted_id):
        product.default_variant = product.variants.order_by("sort_order", "pk").first()
        product.save(update_fields=["default_variant", "updated_at"])
    product_discounted_prices_update(product_ids=[product.pk])
    product_search_vector_update(product_ids=[product.pk])
    return variant


@transaction.atomic
def product_variants_bulk_delete(
    *, variants: list[ProductVariant]
) -> list[ProductVariant]:
    """Delete variants one by one through product_variant_delete, all or none."""
    return [product_variant_delete(variant=variant) for variant in variants]


@transaction.atomic
def product_variant_set_default(
    *, product: Product, variant: ProductVariant
) -> Product:
    """Make one of a product's variants the one shown first."""
    bump(CATALOG)
    product = Product.objects.select_for_update().get(pk=product.pk)
    if variant.product_id != product.pk:
        raise error(
            "variantId",
            "Provided variant doesn't belong to provided product.",
            "NOT_PRODUCTS_VARIANT",
        )
    if product.default_variant_id != variant.pk:
        product.default_variant = variant
        product.save(update_fields=["default_variant", "updated_at"])
    return product


@transaction.atomic
def product_variant_reorder(
    *, product: Product, moves: list[tuple[int, int | None]]
) -> Product:
    """Move variants by a relative offset, as Saleor's ReorderInput says.

    Each move is a variant id and how many places to shift it (positive:
    later, negative: earlier, none: stay); the order is renumbered from 0.
    """
    bump(CATALOG)
    product = Product.objects.select_for_update().get(pk=product.pk)
    order = list(
        product.variants.select_for_update()
        .order_by("sort_order", "pk")
        .values_list("pk", flat=True)
    )
    for variant_pk, shift in moves:
        if variant_pk not in order:
            raise error(
                "moves",
                f"Couldn't resolve to a variant of this product: {variant_pk}",
                "NOT_FOUND",
            )
        if not shift:
            continue
        index = order.index(variant_pk)
        order.pop(index)
        order.insert(max(0, min(len(order), index + shift)), variant_pk)
    variants = ProductVariant.objects.in_bulk(order)
    changed = []
    for position, pk in enumerate(order):
        if variants[pk].sort_order != position:
            variants[pk].sort_order = position
            changed.append(variants[pk])
    ProductVariant.objects.bulk_update(changed, ["sort_order"])
    return product
