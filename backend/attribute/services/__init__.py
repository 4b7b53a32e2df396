"""Attribute writes: attributes, their values, translations and assignment.

Errors are ``django.core.exceptions.ValidationError`` keyed by input field
with Saleor's error codes, so every door can report them in its own shape.
"""

from .assignment import attribute_assignment_values
from .attributes import (
    attribute_create,
    attribute_translate,
    attribute_update,
    attribute_value_create,
    attribute_value_translate,
)
from .common import AttributeAssignment, ValueChoice, language_code_check, unique_slug

__all__ = [
    "AttributeAssignment",
    "ValueChoice",
    "attribute_assignment_values",
    "attribute_create",
    "attribute_translate",
    "attribute_update",
    "attribute_value_create",
    "attribute_value_translate",
    "language_code_check",
    "unique_slug",
]
