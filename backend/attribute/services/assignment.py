"""Turn an attribute assignment into the values it sets."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.text import slugify

from backend.core.cache_versions import CATALOG, bump

from ..models import (
    CHOICE_INPUT_TYPES,
    Attribute,
    AttributeEntityType,
    AttributeInputType,
    AttributeValue,
)
from .common import AttributeAssignment, field_error, value_slug


def _choice_values(attribute: Attribute, assignment: AttributeAssignment, key: str):
    if not assignment.choices:
        return []
    if (
        attribute.input_type != AttributeInputType.MULTISELECT
        and len(assignment.choices) > 1
    ):
        raise field_error(key, "This attribute takes a single value.", "INVALID")
    values = []
    for choice in assignment.choices:
        if choice.id is not None:
            value = attribute.values.filter(pk=choice.id).first()
            if value is None:
                raise field_error(
                    key, "Value does not belong to this attribute.", "INVALID"
                )
        elif choice.value and choice.value.strip():
            text = choice.value.strip()
            value = (
                attribute.values.filter(slug=slugify(text, allow_unicode=True)).first()
                or attribute.values.filter(name__iexact=text).first()
                or AttributeValue.objects.create(
                    attribute=attribute,
                    name=text,
                    slug=value_slug(attribute, text),
                    sort_order=attribute.values.count(),
                )
            )
        else:
            raise field_error(key, "A value needs an id or a value.", "REQUIRED")
        values.append(value)
    return values


def _owner_value(attribute: Attribute, owner_key: str, **fields: Any) -> AttributeValue:
    """Return the one value of a free-form attribute that belongs to its owner."""
    slug = slugify(owner_key, allow_unicode=True)
    value, _ = AttributeValue.objects.update_or_create(
        attribute=attribute, slug=slug, defaults=fields
    )
    return value


def attribute_assignment_values(
    *,
    attribute: Attribute,
    assignment: AttributeAssignment,
    owner_key: str,
    key: str = "attributes",
) -> list[AttributeValue]:
    """Return the values an assignment sets, adding values it names anew."""
    input_type = attribute.input_type
    if input_type in CHOICE_INPUT_TYPES:
        values = _choice_values(attribute, assignment, key)
    elif input_type == AttributeInputType.NUMERIC:
        if assignment.numeric in (None, ""):
            values = []
        else:
            try:
                number = Decimal(assignment.numeric)
            except (InvalidOperation, TypeError):
                raise field_error(
                    key, "Numeric value is not a number.", "INVALID"
                ) from None
            if not number.is_finite():
                raise field_error(key, "Numeric value is not a number.", "INVALID")
            values = [
                _owner_value(
                    attribute, owner_key, name=str(assignment.numeric), numeric=number
                )
            ]
    elif input_type == AttributeInputType.BOOLEAN:
        if assignment.boolean is None:
            values = []
        else:
            flag = bool(assignment.boolean)
            label = f"{attribute.name}: {'Yes' if flag else 'No'}"
            value, _ = AttributeValue.objects.get_or_create(
                attribute=attribute,
                slug=f"{attribute.pk}_{str(flag).lower()}",
                defaults={"name": label, "boolean": flag},
            )
            values = [value]
    elif input_type == AttributeInputType.RICH_TEXT:
        values = (
            []
            if not assignment.rich_text
            else [
                _owner_value(
                    attribute,
                    owner_key,
                    name=_rich_text_name(assignment.rich_text),
                    rich_text=assignment.rich_text,
                )
            ]
        )
    elif input_type == AttributeInputType.PLAIN_TEXT:
        values = (
            []
            if not assignment.plain_text
            else [
                _owner_value(
                    attribute,
                    owner_key,
                    name=assignment.plain_text[:200],
                    plain_text=assignment.plain_text,
                )
            ]
        )
    elif input_type in (
        AttributeInputType.REFERENCE,
        AttributeInputType.SINGLE_REFERENCE,
    ):
        values = _reference_values(attribute, assignment, owner_key, key)
    elif input_type == AttributeInputType.FILE:
        values = (
            []
            if not assignment.file_url
            else [
                _owner_value(
                    attribute,
                    f"{owner_key}-{assignment.file_url.rsplit('/', 1)[-1]}",
                    name=assignment.file_url.rsplit("/", 1)[-1][:250],
                    file_url=assignment.file_url,
                    content_type=assignment.content_type,
                )
            ]
        )
    else:
        raise field_error(
            key, f"Input type {input_type} cannot be set here.", "INVALID"
        )
    if attribute.value_required and not values:
        raise field_error(key, f"Attribute {attribute.name} needs a value.", "REQUIRED")
    # Values named anew were written, and the caller assigns them.
    bump(CATALOG)
    return values


def _rich_text_name(rich_text: Any) -> str:
    blocks = rich_text.get("blocks", []) if isinstance(rich_text, dict) else []
    texts = [str(block.get("data", {}).get("text", "")) for block in blocks]
    return (" ".join(texts).strip() or "rich text")[:200]


# The column each entity type's references are stored in, and the field that
# names a target. The model comes from the column's foreign key, so the
# attribute domain needs no import of the product or page domains above it.
REFERENCE_TARGETS = {
    AttributeEntityType.PRODUCT: ("reference_product", "name"),
    AttributeEntityType.PRODUCT_VARIANT: ("reference_variant", "name"),
    AttributeEntityType.PAGE: ("reference_page", "title"),
}


def _reference_values(attribute, assignment, owner_key, key):
    if attribute.entity_type not in REFERENCE_TARGETS:
        raise field_error(
            key, "References to this entity are not supported.", "INVALID"
        )
    fk_name, label = REFERENCE_TARGETS[attribute.entity_type]
    model = AttributeValue._meta.get_field(fk_name).related_model
    if (
        attribute.input_type == AttributeInputType.SINGLE_REFERENCE
        and len(assignment.reference_ids) > 1
    ):
        raise field_error(key, "This attribute takes a single reference.", "INVALID")
    objects = model.objects.in_bulk(assignment.reference_ids)
    if len(objects) != len(set(assignment.reference_ids)):
        raise field_error(key, "A referenced object does not exist.", "NOT_FOUND")
    values = []
    for target_id in assignment.reference_ids:
        target = objects[target_id]
        value, _ = AttributeValue.objects.get_or_create(
            attribute=attribute,
            slug=f"{owner_key}_{target_id}",
            defaults={
                "name": (getattr(target, label) or str(target))[:250],
                fk_name: target,
            },
        )
        values.append(value)
    return values
