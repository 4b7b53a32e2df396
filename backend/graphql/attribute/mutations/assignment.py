"""Parse Saleor's AttributeValueInput into domain attribute assignments."""

import graphene
from django.core.exceptions import ValidationError

from backend.attribute.models import Attribute, AttributeValue
from backend.attribute.services import AttributeAssignment, ValueChoice

from ...core.mutations import decode_global_id, id_error

REFERENCE_TYPES = ("Product", "ProductVariant", "Page")


class AttributeValueSelectableTypeInput(graphene.InputObjectType):
    id = graphene.ID(required=False, description="ID of an attribute value.")
    external_reference = graphene.String(
        required=False, description="External reference of an attribute value."
    )
    value = graphene.String(
        required=False, description="The value or slug of an attribute to resolve."
    )

    class Meta:
        description = (
            "Represents attribute value.\n1. If ID is provided, then attribute value "
            "will be resolved by ID.\n2. If value is provided, then attribute value "
            "will be resolved by value. If this attribute value doesn't exist, then it "
            "will be created."
        )


class AttributeValueInput(graphene.InputObjectType):
    id = graphene.ID(description="ID of the selected attribute.")
    external_reference = graphene.String(description="External ID of this attribute.")
    values = graphene.List(
        graphene.NonNull(graphene.String),
        deprecation_reason=(
            "Use `dropdown`, `swatch`, `multiselect`, `numeric`, `plainText`, "
            "`richText` or `boolean` instead."
        ),
    )
    dropdown = AttributeValueSelectableTypeInput()
    swatch = AttributeValueSelectableTypeInput()
    multiselect = graphene.List(graphene.NonNull(AttributeValueSelectableTypeInput))
    numeric = graphene.String()
    file = graphene.String(description="URL of the file attribute.")
    content_type = graphene.String(description="File content type.")
    reference = graphene.ID(description="ID of the referenced entity.")
    references = graphene.List(graphene.NonNull(graphene.ID))
    rich_text = graphene.JSONString()
    plain_text = graphene.String()
    boolean = graphene.Boolean()
    date = graphene.Date()
    date_time = graphene.DateTime()


def _choice(item, field_name: str) -> ValueChoice:
    if item.get("id"):
        return ValueChoice(
            id=decode_global_id(
                item["id"], type_names=("AttributeValue",), field_name=field_name
            )
        )
    if item.get("external_reference"):
        value = AttributeValue.objects.filter(
            external_reference=item["external_reference"]
        ).first()
        if value is None:
            raise id_error(field_name, "Unknown value reference.", code="NOT_FOUND")
        return ValueChoice(id=value.pk)
    return ValueChoice(value=item.get("value"))


def attribute_assignments(inputs, *, field_name: str = "attributes"):
    """Return domain assignments for a list of AttributeValueInput."""
    assignments = []
    for item in inputs or []:
        if item.get("id"):
            attribute_id = decode_global_id(
                item["id"], type_names=("Attribute",), field_name=field_name
            )
        elif item.get("external_reference"):
            attribute_id = (
                Attribute.objects.filter(external_reference=item["external_reference"])
                .values_list("pk", flat=True)
                .first()
            )
            if attribute_id is None:
                raise id_error(field_name, "Unknown attribute.", code="NOT_FOUND")
        else:
            raise ValidationError(
                {
                    field_name: ValidationError(
                        "An attribute needs an id or an external reference.",
                        code="REQUIRED",
                    )
                }
            )
        choices = []
        if item.get("dropdown"):
            choices.append(_choice(item["dropdown"], field_name))
        if item.get("swatch"):
            choices.append(_choice(item["swatch"], field_name))
        for entry in item.get("multiselect") or []:
            choices.append(_choice(entry, field_name))
        for text in item.get("values") or []:
            choices.append(ValueChoice(value=text))
        references = list(item.get("references") or [])
        if item.get("reference"):
            references.append(item["reference"])
        reference_ids = tuple(
            decode_global_id(ref, type_names=REFERENCE_TYPES, field_name=field_name)
            for ref in references
        )
        assignments.append(
            AttributeAssignment(
                attribute_id=attribute_id,
                choices=tuple(choices),
                numeric=item.get("numeric"),
                boolean=item.get("boolean"),
                rich_text=item.get("rich_text"),
                plain_text=item.get("plain_text"),
                reference_ids=reference_ids,
                file_url=item.get("file"),
                content_type=item.get("content_type"),
            )
        )
    return assignments
