"""orderMarkAsPaid: record money received outside any gateway."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.payment.mark_as_paid import order_mark_as_paid

from ..errors import OrderError
from ..types import Order
from .base import OrderMutation, order_for_payload, order_pk_from_global_id


class OrderMarkAsPaid(OrderMutation):
    order = graphene.Field(Order, description="Order marked as paid.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order to mark paid.")
        transaction_reference = graphene.String(
            required=False, description="The external transaction reference."
        )

    class Meta:
        description = "Mark order as manually paid."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, id, transaction_reference=None):
        return {
            "order_id": order_pk_from_global_id(id),
            "transaction_reference": transaction_reference or "",
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        order = order_mark_as_paid(**cleaned)
        return cls.success(order=order_for_payload(order.pk))
