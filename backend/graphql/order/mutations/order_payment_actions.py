"""orderCapture, orderVoid and orderRefund: Saleor's legacy payment actions.

Every Lumbar payment is a transaction, so each asks the order's payment
through ``order_payment_action``, as Saleor does for transaction orders.
"""

import graphene

from backend.core.permissions import PermissionEnum
from backend.payment.refunds import order_payment_action
from backend.payment.transaction_actions import CANCEL, CHARGE, REFUND

from ...core.inputs import PositiveDecimal
from ..errors import OrderError
from ..types import Order
from .base import OrderMutation, order_for_payload, order_pk_from_global_id

LEGACY = (
    "The legacy Payments API is deprecated and will be removed. Use the "
    "Transactions API instead."
)


class _OrderPaymentAction(OrderMutation):
    action: str = ""

    class Meta:
        abstract = True

    @classmethod
    def clean_input(cls, info, id, amount=None):
        return {
            "order_id": order_pk_from_global_id(id),
            "action": cls.action,
            "amount": amount,
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        order = order_payment_action(**cleaned)
        return cls.success(order=order_for_payload(order.pk))


class OrderCapture(_OrderPaymentAction):
    action = CHARGE
    order = graphene.Field(Order, description="Captured order.")

    class Arguments:
        amount = PositiveDecimal(
            required=True, description="Amount of money to capture."
        )
        id = graphene.ID(required=True, description="ID of the order to capture.")

    class Meta:
        description = "Capture an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"


class OrderVoid(_OrderPaymentAction):
    action = CANCEL
    order = graphene.Field(Order, description="A voided order.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order to void.")

    class Meta:
        description = "Void an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"


class OrderRefund(_OrderPaymentAction):
    action = REFUND
    order = graphene.Field(Order, description="A refunded order.")

    class Arguments:
        amount = PositiveDecimal(
            required=True, description="Amount of money to refund."
        )
        id = graphene.ID(required=True, description="ID of the order to refund.")

    class Meta:
        description = "Refund an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"
