"""Saleor's generic filter inputs (``where`` and legacy ``filter``)."""

import graphene
from django.db.models import Q


def _input_type(name: str, fields: dict, description: str | None):
    meta = type("Meta", (), {"description": description})
    return type(name, (graphene.InputObjectType,), {**fields, "Meta": meta})


def range_input(
    name: str,
    scalar,
    *,
    gte: str = "Start date.",
    lte: str = "End date.",
    description: str | None = None,
):
    """Return a ``{gte, lte}`` input over one scalar (both ends optional)."""
    return _input_type(
        name,
        {
            "gte": graphene.InputField(scalar, description=gte),
            "lte": graphene.InputField(scalar, description=lte),
        },
        description,
    )


def value_filter_input(
    name: str,
    scalar,
    *,
    description: str | None = None,
    range=None,
    not_one_of: bool = False,
    documented: bool = True,
    eq_default_null: bool = False,
):
    """Return an ``{eq, oneOf}`` filter input over one scalar or enum.

    ``range`` adds a ``range`` field of that range input; ``not_one_of`` adds
    ``notOneOf``. ``documented=False`` leaves the fields without descriptions;
    ``eq_default_null`` prints ``eq`` with ``= null`` (the enum filters did).
    """

    def doc(text):
        return text if documented else None

    fields = {
        "eq": graphene.InputField(
            scalar,
            description=doc("The value equal to."),
            **({"default_value": None} if eq_default_null else {}),
        ),
        "one_of": graphene.List(
            graphene.NonNull(scalar), description=doc("The value included in.")
        ),
    }
    if not_one_of:
        fields["not_one_of"] = graphene.List(
            graphene.NonNull(scalar), description=doc("The value not included in.")
        )
    if range is not None:
        fields["range"] = graphene.InputField(
            range, description=doc("The value in range.")
        )
    return _input_type(name, fields, description)


StringFilterInput = value_filter_input(
    "StringFilterInput",
    graphene.String,
    description="Define the filtering options for string fields.",
    documented=False,
)
GlobalIDFilterInput = value_filter_input(
    "GlobalIDFilterInput",
    graphene.ID,
    description="Define the filtering options for foreign key fields.",
)
DecimalRangeInput = range_input(
    "DecimalRangeInput",
    graphene.Decimal,
    gte="Decimal value greater than or equal to.",
    lte="Decimal value less than or equal to.",
)
DecimalFilterInput = value_filter_input(
    "DecimalFilterInput",
    graphene.Decimal,
    description="Define the filtering options for decimal fields.",
    range=DecimalRangeInput,
)
IntRangeInput = range_input(
    "IntRangeInput",
    graphene.Int,
    gte="Value greater than or equal to.",
    lte="Value less than or equal to.",
)
IntFilterInput = value_filter_input(
    "IntFilterInput",
    graphene.Int,
    description="Define the filtering options for integer fields.",
    range=IntRangeInput,
)
DateRangeInput = range_input("DateRangeInput", graphene.Date)
DateTimeRangeInput = range_input("DateTimeRangeInput", graphene.DateTime)
DateTimeFilterInput = value_filter_input(
    "DateTimeFilterInput",
    graphene.DateTime,
    description="Define the filtering options for date time fields.",
    range=DateTimeRangeInput,
)
PriceRangeInput = range_input(
    "PriceRangeInput",
    graphene.Float,
    gte="Price greater than or equal to.",
    lte="Price less than or equal to.",
)
UUIDFilterInput = value_filter_input("UUIDFilterInput", graphene.UUID)


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


MetadataValueFilterInput = value_filter_input(
    "MetadataValueFilterInput",
    graphene.String,
    description="Define the filtering options for metadata value fields.",
)


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
