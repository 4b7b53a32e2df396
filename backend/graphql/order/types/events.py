"""OrderEvent: an order's history, as Saleor shows it."""

from decimal import Decimal

import graphene
from graphene import relay

from backend.core.permissions import PermissionEnum, user_has_any_permission
from backend.order.models import OrderEvent as OrderEventModel

from ...account.dataloaders import UserByIdLoader
from ...core.lazy import lazy_type
from ..enums import OrderEventsEnum

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


class OrderEvent(graphene.ObjectType):
    date = graphene.DateTime(
        description="Date when event happened at in ISO 8601 format."
    )
    type = graphene.Field(OrderEventsEnum, description="Order event type.")
    message = graphene.String(description="Content of the event.")
    email = graphene.String(description="Email of the customer.")
    amount = graphene.Float(description="Amount of money.")
    order_number = graphene.String(description="User-friendly number of an order.")
    user = graphene.Field(
        lazy_type("backend.graphql.account.types.User"),
        description="User who performed the action.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "History log of the order."

    @staticmethod
    def resolve_type(root: OrderEventModel, info):
        return EVENT_TYPES.get(root.type, "OTHER")

    @staticmethod
    def resolve_message(root: OrderEventModel, info):
        return root.parameters.get("message")

    @staticmethod
    def resolve_email(root: OrderEventModel, info):
        return root.parameters.get("email")

    @staticmethod
    def resolve_amount(root: OrderEventModel, info):
        amount = root.parameters.get("amount")
        return float(Decimal(amount)) if amount is not None else None

    @staticmethod
    def resolve_order_number(root: OrderEventModel, info):
        return str(root.order.number)

    @staticmethod
    def resolve_user(root: OrderEventModel, info):
        # Saleor shows who acted to that person and to those who manage
        # accounts; anyone else reads null.
        if root.user_id is None:
            return None
        requestor = getattr(info.context, "user", None)
        if requestor is None or not requestor.is_authenticated:
            return None
        if requestor.pk == root.user_id or user_has_any_permission(
            requestor, PermissionEnum.MANAGE_USERS, PermissionEnum.MANAGE_STAFF
        ):
            return UserByIdLoader(info).load_for(root, lambda event: event.user_id)
        return None
