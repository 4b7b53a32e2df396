"""transactionRequestAction: charge, refund or cancel a payment transaction."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.payment.transaction_actions import transaction_request_action

from ..core.errors import Error, _code_enum
from ..core.ids import uuid_from_global_id
from ..core.inputs import PositiveDecimal
from ..core.mutations import BaseMutation
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
        **_,
    ):
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
