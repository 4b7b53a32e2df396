"""orderGrantRefundUpdate: change a granted refund before it is sent."""

import graphene
from django.core.exceptions import ValidationError
from graphql_relay import to_global_id

from backend.core.permissions import PermissionEnum
from backend.payment.granted_refunds import GrantedLine, order_grant_refund_update

from ...core.errors import error_params
from ...core.ids import uuid_from_global_id
from ...core.mutations import BaseMutation, decode_global_id
from ..errors import OrderGrantRefundUpdateError, OrderGrantRefundUpdateLineError
from ..types import Order, OrderGrantedRefund
from .base import order_for_payload
from .order_grant_refund_create import _order_line_uuid, reason_reference_refusal


class OrderGrantRefundUpdateLineAddInput(graphene.InputObjectType):
    id = graphene.ID(required=True, description="The ID of the order line.")
    quantity = graphene.Int(
        required=True, description="The quantity of line items to be marked to refund."
    )
    reason = graphene.String(description="Reason of the granted refund for the line.")
    reason_reference = graphene.ID(
        description="ID of a `Page` (Model) to reference in reason."
    )


class OrderGrantRefundUpdateInput(graphene.InputObjectType):
    amount = graphene.Decimal(
        description="Amount of the granted refund. if not provided and "
        "`addLines` or `removeLines` or `grantRefundForShipping` is provided, "
        "amount will be calculated automatically."
    )
    reason = graphene.String(description="Reason of the granted refund.")
    reason_reference = graphene.ID(
        description="ID of a `Page` (Model) to reference in reason."
    )
    add_lines = graphene.List(
        graphene.NonNull(OrderGrantRefundUpdateLineAddInput),
        description="Lines to assign to granted refund.",
    )
    remove_lines = graphene.List(
        graphene.NonNull(graphene.ID),
        description="Lines to remove from granted refund.",
    )
    grant_refund_for_shipping = graphene.Boolean(
        description="Determine if granted refund should include shipping costs."
    )
    transaction_id = graphene.ID(
        description="The ID of the transaction item related to the granted refund."
    )


class OrderGrantRefundUpdate(BaseMutation):
    order = graphene.Field(
        Order, description="Order which has assigned updated grant refund."
    )
    granted_refund = graphene.Field(
        OrderGrantedRefund, description="Created granted refund."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the granted refund.")
        input = OrderGrantRefundUpdateInput(
            required=True,
            description="Fields required to update a granted refund.",
        )

    class Meta:
        description = (
            "Updates granted refund.\n\nRequires one of the following permissions: "
            "MANAGE_ORDERS."
        )
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderGrantRefundUpdateError

    @classmethod
    def clean_input(cls, info, id, input):
        reason_reference_refusal(input, "reasonReference")
        for line in input.get("add_lines") or []:
            reason_reference_refusal(line, "addLines")
        transaction_id = input.get("transaction_id")
        return {
            "granted_refund_id": decode_global_id(
                id, type_names=("OrderGrantedRefund",), field_name="id"
            ),
            "amount": input.get("amount"),
            "reason": input.get("reason"),
            "add_lines": [
                GrantedLine(
                    order_line_id=_order_line_uuid(line["id"], field="addLines"),
                    quantity=line["quantity"],
                    reason=line.get("reason") or "",
                )
                for line in input.get("add_lines") or []
            ],
            "remove_line_ids": [
                decode_global_id(
                    line_id,
                    type_names=("OrderGrantedRefundLine",),
                    field_name="removeLines",
                )
                for line_id in input.get("remove_lines") or []
            ],
            "grant_refund_for_shipping": input.get("grant_refund_for_shipping"),
            "transaction_token": transaction_id
            and uuid_from_global_id(
                transaction_id, type_name="TransactionItem", field="transactionId"
            ),
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        granted = order_grant_refund_update(**cleaned)
        return cls.success(
            order=order_for_payload(granted.order_id), granted_refund=granted
        )

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        params = error_params(error)
        for item, extra in zip(payload.errors, params, strict=True):
            for key, type_name in (
                ("add_lines", "OrderLine"),
                ("remove_lines", "OrderGrantedRefundLine"),
            ):
                if extra.get(key):
                    setattr(
                        item,
                        key,
                        [
                            OrderGrantRefundUpdateLineError(
                                field=line["field"],
                                message=line["message"],
                                code=line["code"],
                                line_id=to_global_id(type_name, line["line_id"]),
                            )
                            for line in extra[key]
                        ],
                    )
        return payload
