"""Attribute fields of products and variants, served by the attribute package.

``backend.graphql.attribute`` owns the attribute types, the
ObjectWithAttributes interface (``assignedAttribute``/``assignedAttributes``)
and the loaders behind them; products and variants only expose them.
"""

from ...attribute.assigned import (
    ObjectWithAttributes,
    SelectedAttribute,
    selected_attribute,
    selected_attributes,
)
from ...attribute.enums import VariantAttributeScope

__all__ = [
    "ObjectWithAttributes",
    "SelectedAttribute",
    "VariantAttributeScope",
    "selected_attribute",
    "selected_attributes",
]
