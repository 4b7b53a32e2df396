"""Saleor's OrderErrorCode, the codes order services refuse with."""

import enum

from django.core.exceptions import ValidationError


class OrderErrorCode(enum.StrEnum):
    BILLING_ADDRESS_NOT_SET = "BILLING_ADDRESS_NOT_SET"
    CAPTURE_INACTIVE_PAYMENT = "CAPTURE_INACTIVE_PAYMENT"
    CANNOT_CANCEL_FULFILLMENT = "CANNOT_CANCEL_FULFILLMENT"
    CANNOT_CANCEL_ORDER = "CANNOT_CANCEL_ORDER"
    CANNOT_FULFILL_UNPAID_ORDER = "CANNOT_FULFILL_UNPAID_ORDER"
    CANNOT_REFUND = "CANNOT_REFUND"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    FULFILL_ORDER_LINE = "FULFILL_ORDER_LINE"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    INVALID = "INVALID"
    INVALID_QUANTITY = "INVALID_QUANTITY"
    NOT_EDITABLE = "NOT_EDITABLE"
    NOT_FOUND = "NOT_FOUND"
    PAYMENT_MISSING = "PAYMENT_MISSING"
    REQUIRED = "REQUIRED"
    VOID_INACTIVE_PAYMENT = "VOID_INACTIVE_PAYMENT"
    ZERO_QUANTITY = "ZERO_QUANTITY"


def order_error(field: str, message: str, code: OrderErrorCode, **params):
    """Return a ValidationError keyed by field, as GraphQL reports it."""
    return ValidationError(
        {field: ValidationError(message, code=code.value, params=params or None)}
    )
