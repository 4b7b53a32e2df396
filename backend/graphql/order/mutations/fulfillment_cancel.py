"""orderFulfillmentCancel: cancel a parcel; its units go back to stock."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.order.errors import OrderErrorCode, order_error
from backend.order.fulfillments import fulfillment_cancel
from backend.order.models import FulfillmentLine

from ...core.mutations import decode_global_id
from ..errors import OrderError
from ..types import Fulfillment, Order
from .base import OrderMutation, fulfillment_pk_from_global_id, order_for_payload


class FulfillmentCancelInput(graphene.InputObjectType):
    warehouse_id = graphene.ID(
        description="ID of a warehouse where items will be restocked. Optional "
        "when fulfillment is in WAITING_FOR_APPROVAL state."
    )


class FulfillmentCancel(OrderMutation):
    fulfillment = graphene.Field(Fulfillment, description="A canceled fulfillment.")
    order = graphene.Field(Order, description="Order which fulfillment was cancelled.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a fulfillment to cancel.")
        input = FulfillmentCancelInput(
            description="Fields required to cancel a fulfillment."
        )

    class Meta:
        description = "Cancels existing fulfillment and optionally restocks items."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, id, input=None):
        fulfillment_pk = fulfillment_pk_from_global_id(id)
        warehouse_id = (input or {}).get("warehouse_id")
        if warehouse_id:
            warehouse_pk = decode_global_id(
                warehouse_id, type_names=("Warehouse",), field_name="warehouse_id"
            )
            sent_from = set(
                FulfillmentLine.objects.filter(
                    fulfillment_id=fulfillment_pk
                ).values_list("stock__warehouse_id", flat=True)
            )
            # Units go back where they left from; another warehouse would
            # make stock there that nobody counted in.
            if sent_from and sent_from != {warehouse_pk}:
                raise order_error(
                    "warehouse_id",
                    "Lumbar restocks a canceled fulfillment into the warehouse it "
                    "was sent from.",
                    OrderErrorCode.INVALID,
                )
        return {"fulfillment_id": fulfillment_pk, "user": info.context.user}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        fulfillment = fulfillment_cancel(**cleaned)
        return cls.success(
            fulfillment=fulfillment, order=order_for_payload(fulfillment.order_id)
        )
