"""Saleor's CheckoutError, with every code its enum lists."""

import graphene

from ..core.enums import AddressTypeEnum
from ..core.errors import Error, _code_enum

CheckoutErrorCode = _code_enum(
    "CheckoutErrorCode",
    "BILLING_ADDRESS_NOT_SET CHECKOUT_NOT_FULLY_PAID GRAPHQL_ERROR "
    "PRODUCT_NOT_PUBLISHED PRODUCT_UNAVAILABLE_FOR_PURCHASE INSUFFICIENT_STOCK "
    "INVALID INVALID_SHIPPING_METHOD NOT_FOUND PAYMENT_ERROR "
    "PRICE_OVERRIDE_REASON_WITHOUT_OVERRIDE QUANTITY_GREATER_THAN_LIMIT REQUIRED "
    "SHIPPING_ADDRESS_NOT_SET SHIPPING_METHOD_NOT_APPLICABLE "
    "DELIVERY_METHOD_NOT_APPLICABLE SHIPPING_METHOD_NOT_SET SHIPPING_NOT_REQUIRED "
    "TAX_ERROR UNIQUE VOUCHER_NOT_APPLICABLE GIFT_CARD_NOT_APPLICABLE ZERO_QUANTITY "
    "MISSING_CHANNEL_SLUG CHANNEL_INACTIVE UNAVAILABLE_VARIANT_IN_CHANNEL "
    "EMAIL_NOT_SET NO_LINES INACTIVE_PAYMENT NON_EDITABLE_GIFT_LINE "
    "NON_REMOVABLE_GIFT_LINE SHIPPING_CHANGE_FORBIDDEN MISSING_ADDRESS_DATA",
)


class CheckoutError(Error):
    code = graphene.Field(
        CheckoutErrorCode, required=True, description="The error code."
    )
    variants = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of varint IDs which causes the error.",
    )
    lines = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of line Ids which cause the error.",
    )
    address_type = graphene.Field(
        AddressTypeEnum, description="A type of address that causes the error."
    )
