"""Saleor's generic filter inputs (``where`` and legacy ``filter``)."""

import graphene


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
