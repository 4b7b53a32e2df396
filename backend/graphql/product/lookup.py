"""Find the variant a mutation names, by id, SKU or external reference."""

from django.core.exceptions import ValidationError

from backend.product.models import ProductVariant

from ..core.mutations import get_node, id_error


def variant_lookup(data, *, id_field: str = "id") -> ProductVariant:
    """Return the variant named by id, sku or external reference."""
    if data.get(id_field):
        return get_node(
            data[id_field],
            type_name="ProductVariant",
            model=ProductVariant,
            field_name=id_field,
        )
    for field_name, lookup in (
        ("sku", "sku"),
        ("external_reference", "external_reference"),
    ):
        if data.get(field_name):
            variant = ProductVariant.objects.filter(
                **{lookup: data[field_name]}
            ).first()
            if variant is None:
                raise id_error(
                    field_name,
                    f"Couldn't resolve to a node: {data[field_name]}",
                    code="NOT_FOUND",
                )
            return variant
    raise ValidationError(
        {
            id_field: ValidationError(
                "At least one of arguments is required: 'id', 'sku', "
                "'externalReference'.",
                code="GRAPHQL_ERROR",
            )
        }
    )
