"""Saleor's transaction types and the gateways a checkout may pay through."""

from dataclasses import dataclass, field

import graphene
from graphene import relay

from backend.payment.gateways import payment_gateways_available
from backend.payment.models import TransactionEvent as TransactionEventModel
from backend.payment.models import TransactionItem as TransactionItemModel
from backend.payment.transaction_actions import transaction_actions_available

from ..core.money import Money
from ..meta.types import ObjectWithMetadata
from .dummy_app import DUMMY_APP_ID

TransactionEventTypeEnum = graphene.Enum(
    "TransactionEventTypeEnum",
    [
        (name, name)
        for name in (
            "AUTHORIZATION_SUCCESS AUTHORIZATION_FAILURE AUTHORIZATION_ADJUSTMENT "
            "AUTHORIZATION_REQUEST AUTHORIZATION_ACTION_REQUIRED "
            "CHARGE_ACTION_REQUIRED CHARGE_SUCCESS CHARGE_FAILURE CHARGE_BACK "
            "CHARGE_REQUEST REFUND_SUCCESS REFUND_FAILURE REFUND_REVERSE "
            "REFUND_REQUEST CANCEL_SUCCESS CANCEL_FAILURE CANCEL_REQUEST INFO"
        ).split()
    ],
)
TransactionActionEnum = graphene.Enum(
    "TransactionActionEnum",
    [("CHARGE", "CHARGE"), ("REFUND", "REFUND"), ("CANCEL", "CANCEL")],
)
TransactionFlowStrategyEnum = graphene.Enum(
    "TransactionFlowStrategyEnum",
    [("AUTHORIZATION", "AUTHORIZATION"), ("CHARGE", "CHARGE")],
)


class TransactionEvent(graphene.ObjectType):
    created_at = graphene.DateTime(required=True)
    psp_reference = graphene.String(
        required=True, description="PSP reference of transaction."
    )
    message = graphene.String(
        required=True, description="Message related to the event."
    )
    external_url = graphene.String(
        required=True,
        description="The url that will allow to redirect user to payment provider page "
        "with event details.",
    )
    amount = graphene.Field(
        Money, required=True, description="The amount related to this event."
    )
    type = graphene.Field(
        TransactionEventTypeEnum,
        description="The type of action related to this event.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents transaction's event."

    @staticmethod
    def resolve_external_url(root: TransactionEventModel, info):
        return ""

    @staticmethod
    def resolve_type(root: TransactionEventModel, info):
        return root.type.upper()


class TransactionItem(graphene.ObjectType):
    token = graphene.UUID(required=True, description="The transaction token.")
    created_at = graphene.DateTime(required=True)
    modified_at = graphene.DateTime(required=True)
    actions = graphene.List(
        graphene.NonNull(TransactionActionEnum),
        required=True,
        description="List of actions that can be performed in the current state of "
        "a payment.",
    )
    authorized_amount = graphene.Field(
        Money, required=True, description="Total amount authorized for this payment."
    )
    refunded_amount = graphene.Field(
        Money, required=True, description="Total amount refunded for this payment."
    )
    charged_amount = graphene.Field(
        Money, required=True, description="Total amount charged for this payment."
    )
    canceled_amount = graphene.Field(
        Money, required=True, description="Total amount canceled for this payment."
    )
    name = graphene.String(required=True, description="Name of the transaction.")
    message = graphene.String(
        required=True, description="Message related to the transaction."
    )
    psp_reference = graphene.String(
        required=True, description="PSP reference of transaction."
    )
    events = graphene.List(
        graphene.NonNull(TransactionEvent),
        required=True,
        description="List of all transaction's events.",
    )
    external_url = graphene.String(
        required=True,
        description="The url that will allow to redirect user to payment provider page "
        "with transaction event details.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Represents a payment transaction. Lumbar's transactions carry no "
            "metadata of their own."
        )

    @staticmethod
    def resolve_id(root: TransactionItemModel, info):
        return root.token

    @staticmethod
    def resolve_actions(root: TransactionItemModel, info):
        return transaction_actions_available(root)

    @staticmethod
    def resolve_canceled_amount(root: TransactionItemModel, info):
        return root.amount_canceled

    @staticmethod
    def resolve_authorized_amount(root: TransactionItemModel, info):
        return root.amount_authorized

    @staticmethod
    def resolve_refunded_amount(root: TransactionItemModel, info):
        return root.amount_refunded

    @staticmethod
    def resolve_charged_amount(root: TransactionItemModel, info):
        return root.amount_charged

    @staticmethod
    def resolve_events(root: TransactionItemModel, info):
        return list(root.events.all())

    @staticmethod
    def resolve_external_url(root: TransactionItemModel, info):
        return ""


class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True, description="Gateway config key.")
    value = graphene.String(description="Gateway config value for key.")

    class Meta:
        description = "Payment gateway client configuration key and value pair."


@dataclass(frozen=True)
class PaymentGatewayData:
    id: str
    name: str
    currencies: list[str]
    config: list = field(default_factory=list)


# The Saleor Dummy Payment App, answered by the test gateway (see
# dummy_app.py); offered wherever the test gateway is enabled.
DUMMY_APP_GATEWAY_NAME = "Dummy Payment App (test gateway, no real payments)"


def gateways_offered(currencies: list[str]) -> list[PaymentGatewayData]:
    """Return the gateways a shopper may pay through, in these currencies."""
    gateways = []
    for gateway in payment_gateways_available():
        gateways.append(
            PaymentGatewayData(id=gateway.id, name=gateway.name, currencies=currencies)
        )
        if gateway.id == "lumbar.payments.test":
            gateways.append(
                PaymentGatewayData(
                    id=DUMMY_APP_ID, name=DUMMY_APP_GATEWAY_NAME, currencies=currencies
                )
            )
    return gateways


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True, description="Payment gateway name.")
    id = graphene.ID(required=True, description="Payment gateway ID.")
    config = graphene.List(
        graphene.NonNull(GatewayConfigLine),
        required=True,
        description="Payment gateway client configuration.",
    )
    currencies = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Payment gateway supported currencies.",
    )

    class Meta:
        description = (
            "Available payment gateway backend with configuration necessary to setup "
            "client."
        )
