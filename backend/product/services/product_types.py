"""Product types: which attributes products and variants of a kind carry."""

from typing import Any

from django.db import transaction

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeType,
    AttributeVariant,
)
from backend.core.cache_versions import CATALOG, bump
from backend.core.promise_version import promise_rules_changed

from ..models import ProductType, ProductTypeKind
from .common import apply_changes, error, require_name, slug_for
from .products import product_delete

PRODUCT_TYPE_FIELDS = {
    "name",
    "slug",
    "kind",
    "has_variants",
    "is_shipping_required",
    "weight_grams",
    "is_bulky",
    "metadata",
    "private_metadata",
}


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - PRODUCT_TYPE_FIELDS
    if unknown:
        raise error(sorted(unknown)[0], "Unknown product type field.", "INVALID")
    if "name" in fields:
        fields["name"] = require_name(fields["name"])
    if "kind" in fields and fields["kind"] not in ProductTypeKind.values:
        raise error("kind", "Unknown product type kind.", "INVALID")
    if fields.get("weight_grams") is not None and fields["weight_grams"] < 0:
        raise error("weight", "Weight cannot be negative.", "INVALID")
    return fields


def _attributes_check(
    product_attributes: list[Attribute] | None,
    variant_attributes: list[Attribute] | None,
) -> None:
    for field_name, attributes in (
        ("productAttributes", product_attributes),
        ("variantAttributes", variant_attributes),
    ):
        if attributes is None:
            continue
        if len({a.pk for a in attributes}) != len(attributes):
            raise error(
                field_name, "An attribute is given twice.", "DUPLICATED_INPUT_ITEM"
            )
        if any(a.type != AttributeType.PRODUCT_TYPE for a in attributes):
            raise error(
                field_name,
                "Only product attributes can be assigned to a product type.",
                "INVALID",
            )
    both = {a.pk for a in product_attributes or []} & {
        a.pk for a in variant_attributes or []
    }
    if both:
        raise error(
            "variantAttributes",
            "An attribute cannot be both a product and a variant attribute.",
            "ATTRIBUTE_ALREADY_ASSIGNED",
        )


def _attributes_set(model, product_type: ProductType, attributes) -> None:
    if attributes is None:
        return
    wanted = [a.pk for a in attributes]
    removed = model.objects.filter(product_type=product_type).exclude(
        attribute_id__in=wanted
    )
    removed_ids = list(removed.values_list("attribute_id", flat=True))
    # Values of an attribute the type no longer has would linger unseen.
    if model is AttributeProduct:
        AssignedProductAttributeValue.objects.filter(
            product__product_type=product_type, value__attribute_id__in=removed_ids
        ).delete()
    else:
        AssignedVariantAttributeValue.objects.filter(
            variant__product__product_type=product_type,
            value__attribute_id__in=removed_ids,
        ).delete()
    removed.delete()
    kept = set(
        model.objects.filter(product_type=product_type).values_list(
            "attribute_id", flat=True
        )
    )
    model.objects.bulk_create(
        model(product_type=product_type, attribute_id=pk, sort_order=index)
        for index, pk in enumerate(wanted)
        if pk not in kept
    )


def _variant_selection_set(product_type: ProductType, attribute_ids) -> None:
    if attribute_ids is None:
        return
    links = AttributeVariant.objects.filter(product_type=product_type)
    links.filter(attribute_id__in=attribute_ids).update(variant_selection=True)
    links.exclude(attribute_id__in=attribute_ids).update(variant_selection=False)


@transaction.atomic
def product_type_create(
    *,
    name: str,
    slug: str | None = None,
    product_attributes: list[Attribute] | None = None,
    variant_attributes: list[Attribute] | None = None,
    variant_selection: set[int] | None = None,
    **fields: Any,
) -> ProductType:
    """Create a product type with its product and variant attributes.

    ``variant_selection`` names the variant attributes (by id) a shopper
    picks variants by; ``is_bulky`` types move the delivery-promise rules.
    """
    bump(CATALOG)
    fields = _clean_fields({"name": name, **fields})
    _attributes_check(product_attributes, variant_attributes)
    fields["slug"] = slug_for(model=ProductType, name=fields["name"], slug=slug)
    product_type = ProductType.objects.create(**fields)
    _attributes_set(AttributeProduct, product_type, product_attributes)
    _attributes_set(AttributeVariant, product_type, variant_attributes)
    _variant_selection_set(product_type, variant_selection)
    if product_type.is_bulky:
        promise_rules_changed()
    return product_type


@transaction.atomic
def product_type_update(
    *,
    product_type: ProductType,
    product_attributes: list[Attribute] | None = None,
    variant_attributes: list[Attribute] | None = None,
    variant_selection: set[int] | None = None,
    **fields: Any,
) -> ProductType:
    """Change a product type; given attribute lists replace the assigned ones."""
    bump(CATALOG)
    product_type = ProductType.objects.select_for_update().get(pk=product_type.pk)
    fields = _clean_fields(fields)
    if "slug" in fields:
        fields["slug"] = slug_for(
            model=ProductType,
            name=fields.get("name") or product_type.name,
            slug=fields["slug"],
            instance_pk=product_type.pk,
        )
    _attributes_check(product_attributes, variant_attributes)
    changed = apply_changes(product_type, fields)
    if changed:
        product_type.save(update_fields=changed)
    if "is_bulky" in changed:
        promise_rules_changed()
    _attributes_set(AttributeProduct, product_type, product_attributes)
    _attributes_set(AttributeVariant, product_type, variant_attributes)
    _variant_selection_set(product_type, variant_selection)
    return product_type


@transaction.atomic
def product_types_bulk_delete(*, product_types: list[ProductType]) -> list[ProductType]:
    """Delete product types with their products, each through product_delete."""
    bump(CATALOG)
    locked = list(
        ProductType.objects.select_for_update()
        .filter(pk__in=[t.pk for t in product_types])
        .order_by("pk")
    )
    for product_type in locked:
        for product in product_type.products.order_by("pk"):
            product_delete(product=product)
    deleted = []
    for product_type in locked:
        pk = product_type.pk
        product_type.delete()
        product_type.id = pk
        deleted.append(product_type)
    return deleted


def product_type_delete(*, product_type: ProductType) -> ProductType:
    """Delete a product type and every product of it."""
    return product_types_bulk_delete(product_types=[product_type])[0]
