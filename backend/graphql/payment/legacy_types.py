"""Saleor's legacy Payment and its Transactions.

Lumbar keeps money only in the Transactions API (TransactionItem), so no
order has a legacy payment: ``Order.payments`` is always an empty list,
which is what Saleor answers for an order paid through transactions.
"""

import graphene
from graphene import relay

from ..core.lazy import lazy_type
from ..core.money import Money
from ..meta.types import ObjectWithMetadata
from ..order.enums import PaymentChargeStatusEnum

LEGACY = (
    "The legacy Payments API is deprecated and will be removed. Use the "
    "Transactions API instead."
)

TransactionKind = graphene.Enum(
    "TransactionKind",
    [
        (name, name)
        for name in (
            "EXTERNAL AUTH PENDING ACTION_TO_CONFIRM REFUND REFUND_ONGOING "
            "CAPTURE VOID CONFIRM CANCEL"
        ).split()
    ],
)
OrderAction = graphene.Enum(
    "OrderAction",
    [
        ("CAPTURE", "CAPTURE"),
        ("MARK_AS_PAID", "MARK_AS_PAID"),
        ("REFUND", "REFUND"),
        ("VOID", "VOID"),
    ],
)


class CreditCard(graphene.ObjectType):
    brand = graphene.String(required=True, description="Card brand.")
    first_digits = graphene.String(description="First 4 digits of the card number.")
    last_digits = graphene.String(
        required=True, description="Last 4 digits of the card number."
    )
    exp_month = graphene.Int(
        description="Two-digit number representing the card's expiration month."
    )
    exp_year = graphene.Int(
        description="Four-digit number representing the card's expiration year."
    )


class Transaction(graphene.ObjectType):
    created = graphene.DateTime(required=True)
    payment = graphene.Field(lambda: Payment, required=True)
    token = graphene.String(required=True)
    kind = graphene.Field(TransactionKind, required=True)
    is_success = graphene.Boolean(required=True)
    error = graphene.String()
    amount = graphene.Field(Money, description="Total amount of the transaction.")

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents a transaction of a legacy payment."


class Payment(graphene.ObjectType):
    gateway = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    created = graphene.DateTime(required=True)
    modified = graphene.DateTime(required=True)
    token = graphene.String(required=True)
    checkout = graphene.Field(lazy_type("backend.graphql.checkout.types.Checkout"))
    order = graphene.Field(lazy_type("backend.graphql.order.types.Order"))
    payment_method_type = graphene.String(required=True)
    customer_ip_address = graphene.String(description="IP address of the user.")
    charge_status = graphene.Field(
        PaymentChargeStatusEnum, required=True, description="Internal payment status."
    )
    actions = graphene.List(
        graphene.NonNull(OrderAction),
        required=True,
        description="List of actions that can be performed in the current state "
        "of a payment.",
    )
    total = graphene.Field(Money, description="Total amount of the payment.")
    captured_amount = graphene.Field(
        Money, description="Total amount captured for this payment."
    )
    transactions = graphene.List(
        graphene.NonNull(Transaction),
        description="List of all transactions within this payment.",
    )
    available_capture_amount = graphene.Field(
        Money, description="Maximum amount of money that can be captured."
    )
    available_refund_amount = graphene.Field(
        Money, description="Maximum amount of money that can be refunded."
    )
    credit_card = graphene.Field(
        CreditCard, description="The details of the card used for this payment."
    )
    psp_reference = graphene.String(description="PSP reference of the payment.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents a payment of a given type."
