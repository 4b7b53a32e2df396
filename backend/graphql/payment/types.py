"""Saleor's transaction types and the gateways a checkout may pay through."""

from dataclasses import dataclass, field

import graphene
from graphene import relay
from prices import Money as PricesMoney

from backend.payment.gateways import payment_gateways_available
from backend.payment.models import TransactionEvent as TransactionEventModel
from backend.payment.models import TransactionItem as TransactionItemModel
from backend.payment.totals import TransactionAmounts, transaction_amounts
from backend.payment.transaction_actions import transaction_actions_available

from ..core.lazy import lazy_type
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


def transaction_events(item: TransactionItemModel) -> list[TransactionEventModel]:
    """Return the transaction's events, oldest first (prefetched if loaded)."""
    return sorted(item.events.all(), key=lambda event: (event.created_at, event.pk))


def transaction_amounts_of(item: TransactionItemModel) -> TransactionAmounts:
    """Return the transaction's amounts as Saleor reports them, once a row."""
    cached = getattr(item, "_saleor_amounts", None)
    if cached is None:
        events = item.events.all()
        last = max(events, key=lambda event: event.pk, default=None)
        cached = transaction_amounts(item=item, last_event=last)
        item._saleor_amounts = cached
    return cached


def _amount(item: TransactionItemModel, name: str) -> PricesMoney:
    return PricesMoney(getattr(transaction_amounts_of(item), name), item.currency)


class PaymentMethodDetails(graphene.Interface):
    name = graphene.String(required=True, description="Name of the payment method.")

    class Meta:
        description = "Represents a payment method used for a transaction."


class CardPaymentMethodDetails(graphene.ObjectType):
    brand = graphene.String(description="Card brand.")
    first_digits = graphene.String(description="First 4 digits of the card number.")
    last_digits = graphene.String(description="Last 4 digits of the card number.")
    exp_month = graphene.Int(
        description="Two-digit number representing the card's expiration month."
    )
    exp_year = graphene.Int(
        description="Four-digit number representing the card's expiration year."
    )

    class Meta:
        interfaces = (PaymentMethodDetails,)
        description = "Represents a card payment method used for a transaction."


class GiftCardPaymentMethodDetails(graphene.ObjectType):
    brand = graphene.String(description="Brand of the gift card.")
    last_chars = graphene.String(
        description="Last characters of the gift card code. Max 4 characters."
    )
    is_saleor_giftcard = graphene.Boolean(
        required=True,
        description="Indicates whether the gift card is a built-in Saleor gift card.",
    )

    class Meta:
        interfaces = (PaymentMethodDetails,)
        description = "Represents a gift card payment method used for a transaction."


class OtherPaymentMethodDetails(graphene.ObjectType):
    class Meta:
        interfaces = (PaymentMethodDetails,)
        description = "Represents a payment method used for a transaction."


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
    created_by = graphene.Field(
        lazy_type("backend.graphql.app.types.UserOrApp"),
        description="User or App that created the transaction event.",
    )
    reason_reference = graphene.Field(
        lazy_type("backend.graphql.page.types.Page"),
        description="Reason model of the transaction refund. Lumbar keeps no "
        "reason models: always null.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents transaction's event."

    @staticmethod
    def resolve_created_by(root: TransactionEventModel, info):
        return root.user

    @staticmethod
    def resolve_reason_reference(root: TransactionEventModel, info):
        return None

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
    authorize_pending_amount = graphene.Field(
        Money,
        required=True,
        description="Total amount of ongoing authorization requests for the "
        "transaction.",
    )
    charge_pending_amount = graphene.Field(
        Money,
        required=True,
        description="Total amount of ongoing charge requests for the transaction.",
    )
    refund_pending_amount = graphene.Field(
        Money,
        required=True,
        description="Total amount of ongoing refund requests for the transaction.",
    )
    cancel_pending_amount = graphene.Field(
        Money,
        required=True,
        description="Total amount of ongoing cancel requests for the transaction.",
    )
    created_by = graphene.Field(
        lazy_type("backend.graphql.app.types.UserOrApp"),
        description="User or App that created the transaction.",
    )
    payment_method_details = graphene.Field(
        PaymentMethodDetails,
        description="Payment method used for this transaction. Lumbar records "
        "none: always null.",
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
        return _amount(root, "canceled")

    @staticmethod
    def resolve_authorized_amount(root: TransactionItemModel, info):
        return _amount(root, "authorized")

    @staticmethod
    def resolve_refunded_amount(root: TransactionItemModel, info):
        return _amount(root, "refunded")

    @staticmethod
    def resolve_charged_amount(root: TransactionItemModel, info):
        return _amount(root, "charged")

    @staticmethod
    def resolve_authorize_pending_amount(root: TransactionItemModel, info):
        return _amount(root, "authorize_pending")

    @staticmethod
    def resolve_charge_pending_amount(root: TransactionItemModel, info):
        return _amount(root, "charge_pending")

    @staticmethod
    def resolve_refund_pending_amount(root: TransactionItemModel, info):
        return _amount(root, "refund_pending")

    @staticmethod
    def resolve_cancel_pending_amount(root: TransactionItemModel, info):
        return _amount(root, "cancel_pending")

    @staticmethod
    def resolve_created_by(root: TransactionItemModel, info):
        # Whoever asked for its first event: staff marking an order paid; a
        # shopper's payment names no one.
        events = transaction_events(root)
        return events[0].user if events else None

    @staticmethod
    def resolve_payment_method_details(root: TransactionItemModel, info):
        return None

    @staticmethod
    def resolve_events(root: TransactionItemModel, info):
        return transaction_events(root)

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
