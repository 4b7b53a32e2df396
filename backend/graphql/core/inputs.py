"""Scalars, inputs and filter helpers that several domains share.

A schema holds one type per name: import the scalars from here.
"""

from decimal import Decimal, InvalidOperation

import graphene
from django.db.models import Q
from graphql.language import ast
from graphql.utilities import value_from_ast_untyped


class PositiveDecimal(graphene.types.Scalar):
    """Positive Decimal scalar implementation.

    Should be used in places where value must be positive.
    """

    @staticmethod
    def serialize(value):
        return str(value)

    @staticmethod
    def parse_literal(node, _variables=None):
        if isinstance(
            node, ast.FloatValueNode | ast.IntValueNode | ast.StringValueNode
        ):
            return PositiveDecimal.parse_value(node.value)
        return graphene.types.scalars.Undefined

    @staticmethod
    def parse_value(value):
        # Parsed here, validated by the service: a negative price must get a
        # field error with INVALID_PRICE, not a query-level error.
        try:
            number = Decimal(str(value))
        except (InvalidOperation, TypeError, ValueError):
            return graphene.types.scalars.Undefined
        return number if number.is_finite() else graphene.types.scalars.Undefined


class WeightScalar(graphene.types.Scalar):
    """A weight in kilograms, as Saleor's default unit; stored in grams."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        if isinstance(
            node, ast.FloatValueNode | ast.IntValueNode | ast.StringValueNode
        ):
            return WeightScalar.parse_value(node.value)
        if isinstance(node, ast.ObjectValueNode):
            fields = {field.name.value: field.value.value for field in node.fields}
            return WeightScalar.parse_value(fields)
        return graphene.types.scalars.Undefined

    @staticmethod
    def parse_value(value):
        unit = "kg"
        if isinstance(value, dict):
            unit, value = str(value.get("unit", "kg")).lower(), value.get("value")
        try:
            number = Decimal(str(value))
        except (InvalidOperation, TypeError, ValueError):
            return graphene.types.scalars.Undefined
        factors = {
            "g": 1,
            "kg": 1000,
            "lb": Decimal("453.59237"),
            "oz": Decimal("28.349523125"),
        }
        if unit not in factors or not number.is_finite():
            return graphene.types.scalars.Undefined
        return int((number * factors[unit]).to_integral_value())


class SeoInput(graphene.InputObjectType):
    title = graphene.String(description="SEO title.")
    description = graphene.String(description="SEO description.")


class ReorderInput(graphene.InputObjectType):
    id = graphene.ID(required=True, description="The ID of the item to move.")
    sort_order = graphene.Int(
        description="The new relative sorting position of the item (from -inf to "
        "+inf). 1 moves the item one position forward, -1 moves the item one "
        "position backward, 0 leaves the item unchanged."
    )


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def seo_fields(seo) -> dict:
    """Return model fields for an SeoInput."""
    if not seo:
        return {}
    fields = {}
    if seo.get("title") is not None:
        fields["seo_title"] = seo["title"]
    if seo.get("description") is not None:
        fields["seo_description"] = seo["description"]
    return fields


def metadata_fields(data: dict) -> dict:
    """Return model fields for metadata and privateMetadata input lists."""
    fields = {}
    for name in ("metadata", "private_metadata"):
        items = data.get(name)
        if items is not None:
            fields[name] = {item["key"]: item["value"] for item in items}
    return fields


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
