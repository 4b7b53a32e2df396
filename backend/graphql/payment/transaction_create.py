"""transactionCreate: staff record a payment made outside any gateway."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.payment.manual_transactions import order_transaction_create

from ..core.errors import Error, _code_enum
from ..core.inputs import MetadataInput, PositiveDecimal
from ..core.mutations import BaseMutation
from ..order.mutations.base import order_pk_from_global_id
from .types import TransactionActionEnum, TransactionItem

TransactionCreateErrorCode = _code_enum(
    "TransactionCreateErrorCode",
    "INVALID GRAPHQL_ERROR NOT_FOUND INCORRECT_CURRENCY METADATA_KEY_REQUIRED UNIQUE",
)


class TransactionCreateError(Error):
    code = graphene.Field(
        TransactionCreateErrorCode, required=True, description="The error code."
    )


class MoneyInput(graphene.InputObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    amount = PositiveDecimal(required=True, description="Amount of money.")


class TransactionCreateInput(graphene.InputObjectType):
    name = graphene.String(description="Payment name of the transaction.")
    message = graphene.String(description="The message of the transaction.")
    psp_reference = graphene.String(description="PSP Reference of the transaction. ")
    available_actions = graphene.List(
        graphene.NonNull(TransactionActionEnum),
        description="List of all possible actions for the transaction. Lumbar "
        "derives them from the gateway that holds the money; a manual "
        "transaction has none.",
    )
    amount_authorized = MoneyInput(description="Amount authorized by this transaction.")
    amount_charged = MoneyInput(description="Amount charged by this transaction.")
    amount_refunded = MoneyInput(description="Amount refunded by this transaction.")
    amount_canceled = MoneyInput(description="Amount canceled by this transaction.")
    metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Payment public metadata. Lumbar keeps none on transactions.",
    )
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Payment private metadata. Lumbar keeps none on transactions.",
    )
    external_url = graphene.String(
        description="The url that will allow to redirect user to payment provider "
        "page with transaction event details. Lumbar keeps none."
    )


class TransactionEventInput(graphene.InputObjectType):
    psp_reference = graphene.String(description="PSP Reference related to this action.")
    message = graphene.String(description="The message related to the event.")


def _not_kept(transaction_input) -> None:
    for field, name in (
        ("metadata", "metadata"),
        ("private_metadata", "privateMetadata"),
        ("external_url", "externalUrl"),
    ):
        if transaction_input.get(field):
            raise ValidationError(
                {
                    name: ValidationError(
                        f"Lumbar keeps no {name} on transactions.", code="INVALID"
                    )
                }
            )


class TransactionCreate(BaseMutation):
    transaction = graphene.Field(TransactionItem)

    class Arguments:
        id = graphene.ID(
            required=True,
            description="The ID of the checkout or order. Lumbar records manual "
            "transactions on orders.",
        )
        transaction = TransactionCreateInput(
            required=True,
            description="Input data required to create a new transaction.",
        )
        transaction_event = TransactionEventInput(
            description="Data that defines a transaction event."
        )

    class Meta:
        description = "Creates transaction for checkout or order."
        permissions = (PermissionEnum.HANDLE_PAYMENTS,)
        error_type_class = TransactionCreateError

    @classmethod
    def clean_input(cls, info, id, transaction, transaction_event=None):
        _not_kept(transaction)
        event = transaction_event or {}
        return {
            "order_id": order_pk_from_global_id(id),
            "amounts": {
                key: (money["amount"], money["currency"])
                for key in (
                    "amount_authorized",
                    "amount_charged",
                    "amount_refunded",
                    "amount_canceled",
                )
                if (money := transaction.get(key)) is not None
            },
            "name": transaction.get("name") or "",
            "message": transaction.get("message") or "",
            "psp_reference": transaction.get("psp_reference") or "",
            "event_message": event.get("message") or "",
            "event_psp_reference": event.get("psp_reference") or "",
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(transaction=order_transaction_create(**cleaned))
