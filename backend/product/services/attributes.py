"""Set a product's or variant's attribute values from assignments."""

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
)
from backend.attribute.services import AttributeAssignment, attribute_assignment_values
from backend.core.cache_versions import CATALOG, bump

from ..models import Product, ProductType, ProductVariant
from .common import error


def _allowed_attributes(
    product_type: ProductType, assignments: list[AttributeAssignment], *, variant: bool
) -> dict[int, Attribute]:
    ids = [assignment.attribute_id for assignment in assignments]
    if len(ids) != len(set(ids)):
        raise error(
            "attributes", "An attribute is given twice.", "DUPLICATED_INPUT_ITEM"
        )
    relation = "attributevariant" if variant else "attributeproduct"
    allowed = Attribute.objects.filter(
        pk__in=ids, **{f"{relation}__product_type": product_type}
    ).in_bulk()
    if len(allowed) != len(ids):
        kind = "variant" if variant else "product"
        raise error(
            "attributes",
            f"An attribute is not one of the product type's {kind} attributes.",
            "ATTRIBUTE_CANNOT_BE_ASSIGNED",
        )
    return allowed


def product_attributes_assign(
    *, product: Product, assignments: list[AttributeAssignment]
) -> None:
    """Replace the product's values of each attribute in the assignments."""
    allowed = _allowed_attributes(product.product_type, assignments, variant=False)
    for assignment in assignments:
        attribute = allowed[assignment.attribute_id]
        values = attribute_assignment_values(
            attribute=attribute,
            assignment=assignment,
            owner_key=f"product-{product.pk}",
        )
        AssignedProductAttributeValue.objects.filter(
            product=product, value__attribute=attribute
        ).delete()
        AssignedProductAttributeValue.objects.bulk_create(
            [
                AssignedProductAttributeValue(
                    product=product, value=value, sort_order=index
                )
                for index, value in enumerate(values)
            ]
        )
    bump(CATALOG)


def variant_attributes_assign(
    *, variant: ProductVariant, assignments: list[AttributeAssignment]
) -> None:
    """Replace the variant's values of each attribute in the assignments."""
    product_type = variant.product.product_type
    allowed = _allowed_attributes(product_type, assignments, variant=True)
    for assignment in assignments:
        attribute = allowed[assignment.attribute_id]
        values = attribute_assignment_values(
            attribute=attribute,
            assignment=assignment,
            owner_key=f"variant-{variant.pk}",
        )
        AssignedVariantAttributeValue.objects.filter(
            variant=variant, value__attribute=attribute
        ).delete()
        AssignedVariantAttributeValue.objects.bulk_create(
            [
                AssignedVariantAttributeValue(
                    variant=variant, value=value, sort_order=index
                )
                for index, value in enumerate(values)
            ]
        )
    bump(CATALOG)


def required_attributes_check(
    *, product_type: ProductType, assignments: list[AttributeAssignment], variant: bool
) -> None:
    """Refuse a new product or variant that leaves a required attribute unset."""
    relation = "attributevariant" if variant else "attributeproduct"
    required = Attribute.objects.filter(
        value_required=True, **{f"{relation}__product_type": product_type}
    ).values_list("pk", "name")
    given = {assignment.attribute_id for assignment in assignments}
    for attribute_id, name in required:
        if attribute_id not in given:
            raise error("attributes", f"Attribute {name} needs a value.", "REQUIRED")
