"""orderFulfillmentApprove: send a parcel that waited for approval."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.order.fulfillments import fulfillment_approve

from ..errors import OrderError
from ..types import Fulfillment, Order
from .base import (
    OrderMutation,
    fulfillment_pk_from_global_id,
    order_for_payload,
    stock_exceeded_refusal,
)


class FulfillmentApprove(OrderMutation):
    fulfillment = graphene.Field(Fulfillment, description="An approved fulfillment.")
    order = graphene.Field(Order, description="Order which fulfillment was approved.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a fulfillment to approve.")
        notify_customer = graphene.Boolean(
            required=True, description="True if confirmation email should be send."
        )
        allow_stock_to_be_exceeded = graphene.Boolean(
            default_value=False, description="True if stock could be exceeded."
        )

    class Meta:
        description = "Approve existing fulfillment."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, id, notify_customer, allow_stock_to_be_exceeded=False):
        return {
            "fulfillment_id": fulfillment_pk_from_global_id(id),
            "notify_customer": notify_customer,
            "user": info.context.user,
            "allow_stock_to_be_exceeded": bool(allow_stock_to_be_exceeded),
        }

    @classmethod
    def perform_mutation(cls, info, *, allow_stock_to_be_exceeded, **cleaned):
        try:
            fulfillment = fulfillment_approve(**cleaned)
        except ValidationError as error:
            if allow_stock_to_be_exceeded:
                raise stock_exceeded_refusal(error) from None
            raise
        return cls.success(
            fulfillment=fulfillment, order=order_for_payload(fulfillment.order_id)
        )
