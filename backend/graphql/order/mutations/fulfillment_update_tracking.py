"""orderFulfillmentUpdateTracking: set a parcel's tracking number."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.order.fulfillments import fulfillment_tracking_update

from ..errors import OrderError
from ..types import Fulfillment, Order
from .base import OrderMutation, fulfillment_pk_from_global_id, order_for_payload


class FulfillmentUpdateTrackingInput(graphene.InputObjectType):
    tracking_number = graphene.String(description="Fulfillment tracking number.")
    notify_customer = graphene.Boolean(
        default_value=False,
        description="If true, send an email notification to the customer.",
    )
    carrier = graphene.String(
        description="Lumbar: the carrier the parcel travels with (e.g. UPS)."
    )


class FulfillmentUpdateTracking(OrderMutation):
    fulfillment = graphene.Field(
        Fulfillment, description="A fulfillment with updated tracking."
    )
    order = graphene.Field(
        Order, description="Order for which fulfillment was updated."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of a fulfillment to update.")
        input = FulfillmentUpdateTrackingInput(
            required=True, description="Fields required to update a fulfillment."
        )

    class Meta:
        description = "Updates a fulfillment for an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, id, input):
        return {
            "fulfillment_id": fulfillment_pk_from_global_id(id),
            "tracking_number": input.get("tracking_number") or "",
            "carrier": input.get("carrier"),
            "notify_customer": bool(input.get("notify_customer")),
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        fulfillment = fulfillment_tracking_update(**cleaned)
        return cls.success(
            fulfillment=fulfillment, order=order_for_payload(fulfillment.order_id)
        )
