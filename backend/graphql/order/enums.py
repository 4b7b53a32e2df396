"""The order enums Saleor's order, fulfilment and refund types share."""

import graphene

OrderStatus = graphene.Enum(
    "OrderStatus",
    [
        (name, name)
        for name in (
            "DRAFT UNCONFIRMED UNFULFILLED PARTIALLY_FULFILLED PARTIALLY_RETURNED "
            "RETURNED FULFILLED CANCELED EXPIRED"
        ).split()
    ],
)
OrderChargeStatusEnum = graphene.Enum(
    "OrderChargeStatusEnum",
    [(name, name) for name in ("NONE", "PARTIAL", "FULL", "OVERCHARGED")],
)
OrderAuthorizeStatusEnum = graphene.Enum(
    "OrderAuthorizeStatusEnum", [(name, name) for name in ("NONE", "PARTIAL", "FULL")]
)
PaymentChargeStatusEnum = graphene.Enum(
    "PaymentChargeStatusEnum",
    [
        (name, name)
        for name in (
            "NOT_CHARGED PENDING PARTIALLY_CHARGED FULLY_CHARGED PARTIALLY_REFUNDED "
            "FULLY_REFUNDED REFUSED CANCELLED"
        ).split()
    ],
)
OrderEventsEnum = graphene.Enum(
    "OrderEventsEnum",
    [
        (name, name)
        for name in (
            "DRAFT_CREATED DRAFT_CREATED_FROM_REPLACE ADDED_PRODUCTS REMOVED_PRODUCTS "
            "PLACED PLACED_FROM_DRAFT PLACED_AUTOMATICALLY_FROM_PAID_CHECKOUT "
            "OVERSOLD_ITEMS CANCELED EXPIRED ORDER_MARKED_AS_PAID ORDER_FULLY_PAID "
            "ORDER_REPLACEMENT_CREATED ORDER_DISCOUNT_ADDED "
            "ORDER_DISCOUNT_AUTOMATICALLY_UPDATED ORDER_DISCOUNT_UPDATED "
            "ORDER_DISCOUNT_DELETED ORDER_LINE_DISCOUNT_UPDATED "
            "ORDER_LINE_DISCOUNT_REMOVED ORDER_LINE_PRODUCT_DELETED "
            "ORDER_LINE_VARIANT_DELETED UPDATED_ADDRESS EMAIL_SENT CONFIRMED "
            "PAYMENT_AUTHORIZED PAYMENT_CAPTURED EXTERNAL_SERVICE_NOTIFICATION "
            "PAYMENT_REFUNDED PAYMENT_VOIDED PAYMENT_FAILED TRANSACTION_EVENT "
            "TRANSACTION_CHARGE_REQUESTED TRANSACTION_REFUND_REQUESTED "
            "TRANSACTION_CANCEL_REQUESTED TRANSACTION_MARK_AS_PAID_FAILED "
            "INVOICE_REQUESTED INVOICE_GENERATED INVOICE_UPDATED INVOICE_SENT "
            "FULFILLMENT_CANCELED FULFILLMENT_RESTOCKED_ITEMS "
            "FULFILLMENT_FULFILLED_ITEMS FULFILLMENT_REFUNDED FULFILLMENT_RETURNED "
            "FULFILLMENT_REPLACED FULFILLMENT_AWAITS_APPROVAL TRACKING_UPDATED "
            "NOTE_ADDED NOTE_UPDATED OTHER"
        ).split()
    ],
)


FulfillmentStatus = graphene.Enum(
    "FulfillmentStatus",
    [
        (name, name)
        for name in (
            "FULFILLED REFUNDED RETURNED REPLACED REFUNDED_AND_RETURNED CANCELED "
            "WAITING_FOR_APPROVAL"
        ).split()
    ],
)


OrderGrantedRefundStatusEnum = graphene.Enum(
    "OrderGrantedRefundStatusEnum",
    [(name, name) for name in ("NONE", "PENDING", "SUCCESS", "FAILURE")],
)
