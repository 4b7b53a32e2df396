"""Lumbar's stored order event types, named as Saleor's OrderEventsEnum."""

# Our stored event types → Saleor's OrderEventsEnum.
EVENT_TYPES = {
    "placed": "PLACED",
    "charged": "PAYMENT_CAPTURED",
    "authorized": "PAYMENT_AUTHORIZED",
    "canceled": "CANCELED",
    "note_added": "NOTE_ADDED",
    "note_updated": "NOTE_UPDATED",
    "updated_address": "UPDATED_ADDRESS",
    "email_sent": "EMAIL_SENT",
    "confirmed": "CONFIRMED",
    "marked_as_paid": "ORDER_MARKED_AS_PAID",
    "fulfilled_items": "FULFILLMENT_FULFILLED_ITEMS",
    "fulfillment_awaits_approval": "FULFILLMENT_AWAITS_APPROVAL",
    "fulfillment_canceled": "FULFILLMENT_CANCELED",
    "restocked_items": "FULFILLMENT_RESTOCKED_ITEMS",
    "tracking_updated": "TRACKING_UPDATED",
    "fulfillment_returned": "FULFILLMENT_RETURNED",
    "refunded": "PAYMENT_REFUNDED",
    "transaction_charge_requested": "TRANSACTION_CHARGE_REQUESTED",
    "transaction_refund_requested": "TRANSACTION_REFUND_REQUESTED",
    "transaction_cancel_requested": "TRANSACTION_CANCEL_REQUESTED",
}
