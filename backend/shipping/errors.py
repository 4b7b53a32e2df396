"""Saleor's ShippingErrorCode, the codes shipping services refuse with."""

import enum

from django.core.exceptions import ValidationError


class ShippingErrorCode(enum.StrEnum):
    ALREADY_EXISTS = "ALREADY_EXISTS"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    INVALID = "INVALID"
    MAX_LESS_THAN_MIN = "MAX_LESS_THAN_MIN"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"


def shipping_error(field: str, message: str, code: ShippingErrorCode, **params):
    """Return a ValidationError keyed by input field, as the API reports it.

    ``warehouses`` and ``channels`` params hold primary keys; the API turns
    them into global ids.
    """
    return ValidationError(
        {field: ValidationError(message, code=code.value, params=params or None)}
    )
