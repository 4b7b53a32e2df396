"""transactionRequestAction and transactionRequestRefundForGrantedRefund:
charge, refund or cancel a payment transaction."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.payment.granted_refunds import granted_refund_request
from backend.payment.transaction_actions import transaction_request_action

from ..core.errors import Error, _code_enum
from ..core.ids import uuid_from_global_id
from ..core.inputs import PositiveDecimal
from ..core.mutations import BaseMutation, decode_global_id
from .types import TransactionActionEnum, TransactionItem

TransactionRequestActionErrorCode = _code_enum(
    "TransactionRequestActionErrorCode",
    "INVALID REQUIRED GRAPHQL_ERROR NOT_FOUND "
    "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK",
)


class TransactionRequestActionError(Error):
    code = graphene.Field(
        TransactionRequestActionErrorCode,
        required=True,
        description="The error code.",
    )


class TransactionRequestAction(BaseMutation):
    transaction = graphene.Field(TransactionItem)

    class Arguments:
        action_type = graphene.Argument(
            TransactionActionEnum,
            required=True,
            description="Determines the action type.",
        )
        amount = PositiveDecimal(
            description="Transaction request amount. If empty, maximal possible "
            "amount will be used."
        )
        id = graphene.ID(
            description="The ID of the transaction. One of field id or token is "
            "required."
        )
        refund_reason = graphene.String(description="Reason of the refund")
        refund_reason_reference = graphene.ID(
            description="ID of a `Page` (Model) to reference in reason."
        )
        token = graphene.UUID(
            description="The token of the transaction. One of field id or token is "
            "required."
        )

    class Meta:
        description = (
            "Request an action for payment transaction. Lumbar runs it through "
            "the gateway that holds the payment and records the request and the "
            "outcome as transaction events.\n\nRequires one of the following "
            "permissions: HANDLE_PAYMENTS."
        )
        permissions = (PermissionEnum.HANDLE_PAYMENTS,)
        error_type_class = TransactionRequestActionError

    @classmethod
    def clean_input(
        cls,
        info,
        action_type,
        id=None,
        token=None,
        amount=None,
        refund_reason=None,
        refund_reason_reference=None,
        **_,
    ):
        if refund_reason_reference:
            raise ValidationError(
                {
                    "refundReasonReference": ValidationError(
                        "Reason reference type is not configured: Lumbar sets no "
                        "page type for refund reasons.",
                        code="INVALID",
                    )
                }
            )
        if (id is None) == (token is None):
            raise ValidationError(
                {"id": ValidationError("Provide one of: id, token.", code="INVALID")}
            )
        if token is None:
            token = uuid_from_global_id(id, type_name="TransactionItem", field="id")
        return {
            "transaction_token": token,
            "action": getattr(action_type, "name", action_type),
            "amount": amount,
            "reason": refund_reason or "",
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        item = transaction_request_action(**cleaned)
        return cls.success(transaction=item)


TransactionRequestRefundForGrantedRefundErrorCode = _code_enum(
    "TransactionRequestRefundForGrantedRefundErrorCode",
    "INVALID GRAPHQL_ERROR NOT_FOUND AMOUNT_GREATER_THAN_AVAILABLE "
    "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK REFUND_ALREADY_PROCESSED "
    "REFUND_IS_PENDING",
)


class TransactionRequestRefundForGrantedRefundError(Error):
    code = graphene.Field(
        TransactionRequestRefundForGrantedRefundErrorCode,
        required=True,
        description="The error code.",
    )


class TransactionRequestRefundForGrantedRefund(BaseMutation):
    transaction = graphene.Field(TransactionItem)

    class Arguments:
        granted_refund_id = graphene.ID(
            required=True, description="The ID of the granted refund."
        )
        id = graphene.ID(
            description="The ID of the transaction. One of field id or token is "
            "required, if `transactionItem` is not already assigned to the "
            "`orderGrantedRefund`. If `transactionItem` is already assigned to the "
            "grantedRefund the field will be ignored."
        )
        token = graphene.UUID(
            description="The token of the transaction. One of field id or token is "
            "required, if `transactionItem` is not already assigned to the "
            "`orderGrantedRefund`. If `transactionItem` is already assigned to the "
            "grantedRefund the field will be ignored."
        )

    class Meta:
        description = (
            "Request a refund for payment transaction based on granted refund.\n\n"
            "Requires one of the following permissions: HANDLE_PAYMENTS."
        )
        permissions = (PermissionEnum.HANDLE_PAYMENTS,)
        error_type_class = TransactionRequestRefundForGrantedRefundError

    @classmethod
    def clean_input(cls, info, granted_refund_id, id=None, token=None):
        if id is not None and token is not None:
            raise ValidationError(
                {"id": ValidationError("Provide one of: id, token.", code="INVALID")}
            )
        if id is not None:
            token = uuid_from_global_id(id, type_name="TransactionItem", field="id")
        return {
            "granted_refund_id": decode_global_id(
                granted_refund_id,
                type_names=("OrderGrantedRefund",),
                field_name="grantedRefundId",
            ),
            "transaction_token": token,
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(transaction=granted_refund_request(**cleaned))
