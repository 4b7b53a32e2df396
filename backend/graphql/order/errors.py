"""Saleor's OrderError and OrderNoteAddError, with their code enums."""

import graphene

from ..core.enums import AddressTypeEnum
from ..core.errors import Error

OrderErrorCode = graphene.Enum(
    "OrderErrorCode",
    [
        (code, code)
        for code in (
            "BILLING_ADDRESS_NOT_SET CANNOT_CANCEL_FULFILLMENT CANNOT_CANCEL_ORDER "
            "CANNOT_DELETE CANNOT_DISCOUNT CANNOT_REFUND CANNOT_FULFILL_UNPAID_ORDER "
            "CAPTURE_INACTIVE_PAYMENT GIFT_CARD_LINE NOT_EDITABLE FULFILL_ORDER_LINE "
            "GRAPHQL_ERROR INVALID PRODUCT_NOT_PUBLISHED "
            "PRODUCT_UNAVAILABLE_FOR_PURCHASE NOT_FOUND ORDER_NO_SHIPPING_ADDRESS "
            "PAYMENT_ERROR PAYMENT_MISSING TRANSACTION_ERROR REQUIRED "
            "SHIPPING_METHOD_NOT_APPLICABLE SHIPPING_METHOD_REQUIRED TAX_ERROR UNIQUE "
            "VOID_INACTIVE_PAYMENT ZERO_QUANTITY INVALID_QUANTITY INSUFFICIENT_STOCK "
            "DUPLICATED_INPUT_ITEM NOT_AVAILABLE_IN_CHANNEL CHANNEL_INACTIVE "
            "INVALID_VOUCHER INVALID_VOUCHER_CODE NON_EDITABLE_GIFT_LINE "
            "NON_REMOVABLE_GIFT_LINE MISSING_ADDRESS_DATA"
        ).split()
    ],
)

OrderNoteAddErrorCode = graphene.Enum(
    "OrderNoteAddErrorCode",
    [("GRAPHQL_ERROR", "GRAPHQL_ERROR"), ("REQUIRED", "REQUIRED")],
)


class OrderError(Error):
    code = graphene.Field(OrderErrorCode, required=True, description="The error code.")
    warehouse = graphene.ID(description="Warehouse ID which causes the error.")
    order_lines = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of order line IDs that cause the error.",
    )
    variants = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of product variants that are associated with the error",
    )
    address_type = graphene.Field(
        AddressTypeEnum, description="A type of address that causes the error."
    )


class OrderNoteAddError(Error):
    code = graphene.Field(OrderNoteAddErrorCode, description="The error code.")


OrderGrantRefundCreateErrorCode = graphene.Enum(
    "OrderGrantRefundCreateErrorCode",
    [
        (code, code)
        for code in (
            "GRAPHQL_ERROR NOT_FOUND NOT_CONFIGURED SHIPPING_COSTS_ALREADY_GRANTED "
            "AMOUNT_GREATER_THAN_AVAILABLE REQUIRED INVALID"
        ).split()
    ],
)
OrderGrantRefundCreateLineErrorCode = graphene.Enum(
    "OrderGrantRefundCreateLineErrorCode",
    [
        (code, code)
        for code in (
            "GRAPHQL_ERROR NOT_FOUND QUANTITY_GREATER_THAN_AVAILABLE INVALID "
            "NOT_CONFIGURED"
        ).split()
    ],
)


class OrderGrantRefundCreateLineError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` "
        "indicates that the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(
        OrderGrantRefundCreateLineErrorCode,
        required=True,
        description="The error code.",
    )
    line_id = graphene.ID(
        required=True, description="The ID of the line related to the error."
    )


class OrderGrantRefundCreateError(Error):
    code = graphene.Field(
        OrderGrantRefundCreateErrorCode, required=True, description="The error code."
    )
    lines = graphene.List(
        graphene.NonNull(OrderGrantRefundCreateLineError),
        description="List of lines which cause the error.",
    )


OrderGrantRefundUpdateErrorCode = graphene.Enum(
    "OrderGrantRefundUpdateErrorCode",
    [
        (code, code)
        for code in (
            "GRAPHQL_ERROR NOT_FOUND NOT_CONFIGURED REQUIRED INVALID "
            "AMOUNT_GREATER_THAN_AVAILABLE SHIPPING_COSTS_ALREADY_GRANTED"
        ).split()
    ],
)
OrderGrantRefundUpdateLineErrorCode = graphene.Enum(
    "OrderGrantRefundUpdateLineErrorCode",
    [
        (code, code)
        for code in (
            "GRAPHQL_ERROR NOT_FOUND QUANTITY_GREATER_THAN_AVAILABLE INVALID "
            "NOT_CONFIGURED"
        ).split()
    ],
)


class OrderGrantRefundUpdateLineError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` "
        "indicates that the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(
        OrderGrantRefundUpdateLineErrorCode,
        required=True,
        description="The error code.",
    )
    line_id = graphene.ID(
        required=True, description="The ID of the line related to the error."
    )


class OrderGrantRefundUpdateError(Error):
    code = graphene.Field(
        OrderGrantRefundUpdateErrorCode, required=True, description="The error code."
    )
    add_lines = graphene.List(
        graphene.NonNull(OrderGrantRefundUpdateLineError),
        description="List of lines to add which cause the error.",
    )
    remove_lines = graphene.List(
        graphene.NonNull(OrderGrantRefundUpdateLineError),
        description="List of lines to remove which cause the error.",
    )
