"""Saleor's generic filter inputs (``where`` and legacy ``filter``)."""

import graphene
from django.db.models import Q


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String(required=False)
    one_of = graphene.List(graphene.NonNull(graphene.String), required=False)

    class Meta:
        description = "Define the filtering options for string fields."


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID(description="The value equal to.", required=False)
    one_of = graphene.List(
        graphene.NonNull(graphene.ID),
        description="The value included in.",
        required=False,
    )

    class Meta:
        description = "Define the filtering options for foreign key fields."


class DecimalRangeInput(graphene.InputObjectType):
    gte = graphene.Decimal(description="Decimal value greater than or equal to.")
    lte = graphene.Decimal(description="Decimal value less than or equal to.")


class DecimalFilterInput(graphene.InputObjectType):
    eq = graphene.Decimal(description="The value equal to.", required=False)
    one_of = graphene.List(
        graphene.NonNull(graphene.Decimal),
        description="The value included in.",
        required=False,
    )
    range = DecimalRangeInput(description="The value in range.", required=False)

    class Meta:
        description = "Define the filtering options for decimal fields."


class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int(description="Value greater than or equal to.")
    lte = graphene.Int(description="Value less than or equal to.")


class DateRangeInput(graphene.InputObjectType):
    gte = graphene.Date(description="Start date.")
    lte = graphene.Date(description="End date.")


class DateTimeRangeInput(graphene.InputObjectType):
    gte = graphene.DateTime(description="Start date.")
    lte = graphene.DateTime(description="End date.")


class DateTimeFilterInput(graphene.InputObjectType):
    eq = graphene.DateTime(description="The value equal to.", required=False)
    one_of = graphene.List(
        graphene.NonNull(graphene.DateTime),
        description="The value included in.",
        required=False,
    )
    range = DateTimeRangeInput(description="The value in range.", required=False)

    class Meta:
        description = "Define the filtering options for date time fields."


class PriceRangeInput(graphene.InputObjectType):
    gte = graphene.Float(description="Price greater than or equal to.", required=False)
    lte = graphene.Float(description="Price less than or equal to.", required=False)


class MetadataFilter(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=False, description="Value of a metadata item.")


def filter_by_metadata(queryset, items, field: str = "metadata"):
    """Return the queryset narrowed to objects holding every key (and value)."""
    for item in items or []:
        if item.get("value") is None:
            queryset = queryset.filter(**{f"{field}__has_key": item["key"]})
        else:
            queryset = queryset.filter(
                **{f"{field}__contains": {item["key"]: item["value"]}}
            )
    return queryset


class ContainsFilterInput(graphene.InputObjectType):
    contains_any = graphene.List(
        graphene.NonNull(graphene.String),
        description="The field contains at least one of the specified values.",
    )
    contains_all = graphene.List(
        graphene.NonNull(graphene.String),
        description="The field contains all of the specified values.",
    )

    class Meta:
        description = "Define the filtering options for fields that can contain "
        "multiple values."


class AssignedAttributeReferenceInput(graphene.InputObjectType):
    referenced_ids = graphene.InputField(
        ContainsFilterInput,
        description="Returns objects with a reference pointing to an object "
        "identified by the given ID.",
    )
    page_slugs = graphene.InputField(
        ContainsFilterInput,
        description="Returns objects with a reference pointing to a page "
        "identified by the given slug.",
    )
    product_slugs = graphene.InputField(
        ContainsFilterInput,
        description="Returns objects with a reference pointing to a product "
        "identified by the given slug.",
    )
    product_variant_skus = graphene.InputField(
        ContainsFilterInput,
        description="Returns objects with a reference pointing to a product "
        "variant identified by the given sku.",
    )
    category_slugs = graphene.InputField(
        ContainsFilterInput,
        description="Returns objects with a reference pointing to a category "
        "identified by the given slug.",
    )
    collection_slugs = graphene.InputField(
        ContainsFilterInput,
        description="Returns objects with a reference pointing to a collection "
        "identified by the given slug.",
    )


class AssignedAttributeValueInput(graphene.InputObjectType):
    slug = graphene.InputField(
        StringFilterInput, description="Filter by slug assigned to AttributeValue."
    )
    name = graphene.InputField(
        StringFilterInput, description="Filter by name assigned to AttributeValue."
    )
    numeric = graphene.InputField(
        DecimalFilterInput,
        description="Filter by numeric value for attributes of numeric type.",
    )
    date = graphene.InputField(
        DateRangeInput, description="Filter by date value for attributes of date type."
    )
    date_time = graphene.InputField(
        DateTimeRangeInput,
        description="Filter by date time value for attributes of date time type.",
    )
    boolean = graphene.Boolean(
        description="Filter by boolean value for attributes of boolean type."
    )
    reference = graphene.InputField(
        AssignedAttributeReferenceInput,
        description="Filter by reference attribute value.",
    )


class AssignedAttributeWhereInput(graphene.InputObjectType):
    slug = graphene.String(description="Filter by attribute slug.")
    value = graphene.InputField(
        AssignedAttributeValueInput,
        description="Filter by value of the attribute. Only one value input field "
        "is allowed. If provided more than one, the error will be raised.",
    )


class MetadataValueFilterInput(graphene.InputObjectType):
    eq = graphene.String(description="The value equal to.")
    one_of = graphene.List(
        graphene.NonNull(graphene.String), description="The value included in."
    )

    class Meta:
        description = "Define the filtering options for metadata value fields."


class MetadataFilterInput(graphene.InputObjectType):
    key = graphene.String(
        required=True,
        description=(
            "Key to filter by. If not other fields provided - checking the "
            "existence of the key in metadata."
        ),
    )
    value = graphene.InputField(
        MetadataValueFilterInput, description="Value to filter by."
    )

    class Meta:
        description = "Define the filtering options for metadata fields."


def metadata_q(metadata) -> Q:
    """Return the Q of a MetadataFilterInput on a model's metadata."""
    key = metadata["key"]
    value = metadata.get("value") or {}
    if value.get("eq") is not None:
        return Q(metadata__contains={key: value["eq"]})
    if value.get("one_of") is not None:
        either = Q(pk__in=[])
        for item in value["one_of"]:
            either |= Q(metadata__contains={key: item})
        return either
    return Q(metadata__has_key=key)
