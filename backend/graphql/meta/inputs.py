"""Query inputs and scalars that several domains share, defined once here.

A schema holds one type per name: import these (OrderDirection,
MetadataFilter, StringFilterInput, PositiveInt, JSON) rather than
redefining them in another domain.
"""

import graphene
from django.db.models import Q, QuerySet
from graphql.language import ast


class OrderDirection(graphene.Enum):
    ASC = "ASC"
    DESC = "DESC"

    @property
    def description(self):
        if self == OrderDirection.ASC:
            return "Specifies an ascending sort order."
        return "Specifies a descending sort order."


class MetadataFilter(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=False, description="Value of a metadata item.")


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String(required=False)
    one_of = graphene.List(graphene.NonNull(graphene.String), required=False)

    class Meta:
        description = "Define the filtering options for string fields."


class PositiveInt(graphene.types.Scalar):
    """Non-negative integer."""

    @staticmethod
    def serialize(value):
        return int(value)

    @staticmethod
    def parse_literal(node, _variables=None):
        if isinstance(node, ast.IntValueNode):
            return PositiveInt.parse_value(int(node.value))
        return graphene.types.scalars.Undefined

    @staticmethod
    def parse_value(value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return graphene.types.scalars.Undefined
        return value


class JSON(graphene.types.Scalar):
    """The `JSON` scalar type represents JSON values as specified by ECMA-404."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        return graphene.types.scalars.Undefined

    @staticmethod
    def parse_value(value):
        return value


def filter_by_metadata(queryset: QuerySet, items) -> QuerySet:
    """Keep objects whose public metadata holds every key (and value) given."""
    for item in items or []:
        if item.get("value") is None:
            queryset = queryset.filter(metadata__has_key=item["key"])
        else:
            queryset = queryset.filter(metadata__contains={item["key"]: item["value"]})
    return queryset


def string_filter_q(field: str, value) -> Q:
    """Return the Q of a StringFilterInput on a model field."""
    if not value:
        return Q()
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    return Q()


def sort_direction(sort_by) -> str:
    """Return "-" for a descending SortingInput, else ""."""
    direction = getattr(sort_by.get("direction"), "name", sort_by.get("direction"))
    return "-" if str(direction) == "DESC" else ""
