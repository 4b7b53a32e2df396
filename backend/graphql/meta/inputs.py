"""Scalars and filter helpers that several domains' queries share.

A schema holds one type per name: import PositiveInt and JSON from here;
OrderDirection and the filter inputs live in ../core/.
"""

import graphene
from django.db.models import Q
from graphql.language import ast
from graphql.utilities import value_from_ast_untyped


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
        # An inline object or list, as Saleor accepts: `{event: {type:
        # CHARGE_SUCCESS}}`. An enum value reads as its name, and a
        # variable inside reads as the variable's value.
        return value_from_ast_untyped(node, _variables)

    @staticmethod
    def parse_value(value):
        return value


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
    direction = sort_by.get("direction")
    name = getattr(direction, "name", direction)
    return "-" if str(name).upper() == "DESC" else ""
