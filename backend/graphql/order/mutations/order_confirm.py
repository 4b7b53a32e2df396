"""orderConfirm: confirm an unconfirmed order."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.order.services import order_confirm

from ..errors import OrderError
from ..types import Order
from .base import OrderMutation, order_for_payload, order_pk_from_global_id


class OrderConfirm(OrderMutation):
    order = graphene.Field(Order)

    class Arguments:
        id = graphene.ID(required=True, description="ID of an order to confirm.")

    class Meta:
        description = "Confirms an unconfirmed order by changing status to unfulfilled."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, id):
        return {"order_id": order_pk_from_global_id(id), "user": info.context.user}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        order = order_confirm(**cleaned)
        return cls.success(order=order_for_payload(order.pk))
