"""Saleor's CheckoutErrorCode values and the error every checkout service raises."""

import enum

from django.core.exceptions import ValidationError


class CheckoutErrorCode(enum.StrEnum):
    BILLING_ADDRESS_NOT_SET = "BILLING_ADDRESS_NOT_SET"
    CHANNEL_INACTIVE = "CHANNEL_INACTIVE"
    CHECKOUT_NOT_FULLY_PAID = "CHECKOUT_NOT_FULLY_PAID"
    DELIVERY_METHOD_NOT_APPLICABLE = "DELIVERY_METHOD_NOT_APPLICABLE"
    EMAIL_NOT_SET = "EMAIL_NOT_SET"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    INVALID = "INVALID"
    INVALID_SHIPPING_METHOD = "INVALID_SHIPPING_METHOD"
    NO_LINES = "NO_LINES"
    NOT_FOUND = "NOT_FOUND"
    PAYMENT_ERROR = "PAYMENT_ERROR"
    PRODUCT_NOT_PUBLISHED = "PRODUCT_NOT_PUBLISHED"
    PRODUCT_UNAVAILABLE_FOR_PURCHASE = "PRODUCT_UNAVAILABLE_FOR_PURCHASE"
    QUANTITY_GREATER_THAN_LIMIT = "QUANTITY_GREATER_THAN_LIMIT"
    REQUIRED = "REQUIRED"
    SHIPPING_ADDRESS_NOT_SET = "SHIPPING_ADDRESS_NOT_SET"
    SHIPPING_METHOD_NOT_SET = "SHIPPING_METHOD_NOT_SET"
    UNAVAILABLE_VARIANT_IN_CHANNEL = "UNAVAILABLE_VARIANT_IN_CHANNEL"
    ZERO_QUANTITY = "ZERO_QUANTITY"


def checkout_error(
    *, field: str, code: CheckoutErrorCode, message: str
) -> ValidationError:
    """Return a ValidationError shaped as Saleor's {field, code, message}."""
    return ValidationError({field: ValidationError(message, code=code.value)})
