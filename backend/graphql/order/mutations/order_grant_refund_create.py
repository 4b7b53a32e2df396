"""orderGrantRefundCreate: grant a refund on an order, from one payment."""

import graphene
from django.core.exceptions import ValidationError
from graphql_relay import from_global_id, to_global_id

from backend.core.permissions import PermissionEnum
from backend.payment.granted_refunds import GrantedLine, order_grant_refund_create

from ...core.errors import error_params
from ...core.ids import uuid_from_global_id
from ...core.mutations import BaseMutation, id_error
from ..errors import OrderGrantRefundCreateError, OrderGrantRefundCreateLineError
from ..types import Order, OrderGrantedRefund
from .base import order_for_payload, order_pk_from_global_id


class OrderGrantRefundCreateLineInput(graphene.InputObjectType):
    id = graphene.ID(required=True, description="The ID of the order line.")
    quantity = graphene.Int(
        required=True, description="The quantity of line items to be marked to refund."
    )
    reason = graphene.String(description="Reason of the granted refund for the line.")
    reason_reference = graphene.ID(
        description="ID of a `Page` (Model) to reference in reason."
    )


class OrderGrantRefundCreateInput(graphene.InputObjectType):
    amount = graphene.Decimal(
        description="Amount of the granted refund. If not provided, the amount will "
        "be calculated automatically based on provided `lines` and "
        "`grantRefundForShipping`."
    )
    reason = graphene.String(description="Reason of the granted refund.")
    reason_reference = graphene.ID(
        description="ID of a `Page` (Model) to reference in reason."
    )
    lines = graphene.List(
        graphene.NonNull(OrderGrantRefundCreateLineInput),
        description="Lines to assign to granted refund.",
    )
    grant_refund_for_shipping = graphene.Boolean(
        description="Determine if granted refund should include shipping costs."
    )
    transaction_id = graphene.ID(
        required=True,
        description="The ID of the transaction item related to the granted refund. "
        "If `amount` provided in the input, the transaction.chargedAmount needs to "
        "be equal or greater than provided `amount`.If `amount` is not provided in "
        "the input and calculated automatically by Saleor, the "
        "`min(calculatedAmount, transaction.chargedAmount)` will be used.",
    )


def _order_line_uuid(global_id: str, *, field: str = "lines") -> str:
    try:
        type_name, raw = from_global_id(global_id or "")
    except (ValueError, TypeError, UnicodeDecodeError):
        type_name, raw = "", ""
    if type_name != "OrderLine" or not raw:
        raise id_error(field, f"Couldn't resolve to a node: {global_id}")
    return raw


def reason_reference_refusal(data, field: str) -> None:
    """Refuse a reason reference: no page type is set up for refund reasons."""
    if data.get("reason_reference"):
        raise id_error(
            field,
            "Reason reference type is not configured: Lumbar sets no page type "
            "for refund reasons.",
            "INVALID",
        )


class OrderGrantRefundCreate(BaseMutation):
    order = graphene.Field(
        Order, description="Order which has assigned new grant refund."
    )
    granted_refund = graphene.Field(
        OrderGrantedRefund, description="Created granted refund."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order.")
        input = OrderGrantRefundCreateInput(
            required=True,
            description="Fields required to create a granted refund for the order.",
        )

    class Meta:
        description = (
            "Adds granted refund to the order.\n\nRequires one of the following "
            "permissions: MANAGE_ORDERS."
        )
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderGrantRefundCreateError

    @classmethod
    def clean_input(cls, info, id, input):
        reason_reference_refusal(input, "reasonReference")
        for line in input.get("lines") or []:
            reason_reference_refusal(line, "lines")
        lines = [
            GrantedLine(
                order_line_id=_order_line_uuid(line["id"]),
                quantity=line["quantity"],
                reason=line.get("reason") or "",
            )
            for line in input.get("lines") or []
        ]
        return {
            "order_id": order_pk_from_global_id(id),
            "transaction_token": uuid_from_global_id(
                input["transaction_id"],
                type_name="TransactionItem",
                field="transactionId",
            ),
            "amount": input.get("amount"),
            "reason": input.get("reason") or "",
            "lines": lines,
            "grant_refund_for_shipping": bool(input.get("grant_refund_for_shipping")),
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        granted = order_grant_refund_create(**cleaned)
        return cls.success(
            order=order_for_payload(cleaned["order_id"]), granted_refund=granted
        )

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        # The domain names the refused lines; show each as Saleor's line error.
        params = error_params(error)
        for item, extra in zip(payload.errors, params, strict=True):
            if extra.get("lines"):
                item.lines = [
                    OrderGrantRefundCreateLineError(
                        field=line["field"],
                        message=line["message"],
                        code=line["code"],
                        line_id=to_global_id("OrderLine", line["line_id"]),
                    )
                    for line in extra["lines"]
                ]
        return payload
