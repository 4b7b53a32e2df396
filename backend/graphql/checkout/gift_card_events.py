"""Saleor's gift card history types; Lumbar sells no gift cards, so none exist."""

import graphene
from graphene import relay

from ..account.types import User
from ..core.lazy import lazy_type
from ..core.money import Money

GiftCardEventsEnum = graphene.Enum(
    "GiftCardEventsEnum",
    [
        (name, name)
        for name in (
            "ISSUED BOUGHT UPDATED ACTIVATED DEACTIVATED BALANCE_RESET "
            "EXPIRY_DATE_UPDATED TAGS_UPDATED SENT_TO_CUSTOMER RESENT NOTE_ADDED "
            "USED_IN_ORDER REFUNDED_IN_ORDER BALANCE_ADJUSTED ASSIGNED_TO_USER "
            "UNASSIGNED_FROM_USER"
        ).split()
    ],
)


class GiftCardEventBalance(graphene.ObjectType):
    initial_balance = graphene.Field(Money, description="Initial balance.")
    current_balance = graphene.Field(
        Money, required=True, description="Current balance of the gift card."
    )
    old_initial_balance = graphene.Field(
        Money, description="Previous initial balance of the gift card."
    )
    old_current_balance = graphene.Field(
        Money, description="Previous current balance of the gift card."
    )


class GiftCardEvent(graphene.ObjectType):
    date = graphene.DateTime(description="Date when event happened.")
    type = graphene.Field(GiftCardEventsEnum, description="Gift card event type.")
    user = graphene.Field(User, description="User who performed the action.")
    app = graphene.Field(
        lazy_type("backend.graphql.app.types.App"),
        description="App that performed the action.",
    )
    message = graphene.String(description="Content of the event.")
    email = graphene.String(description="Email of the customer.")
    order_id = graphene.ID(description="The order where the card was used or bought.")
    order_number = graphene.String(
        description="Number of the order where the card was used or bought."
    )
    tags = graphene.List(
        graphene.NonNull(graphene.String), description="The list of gift card tags."
    )
    old_tags = graphene.List(
        graphene.NonNull(graphene.String), description="The list of old gift card tags."
    )
    balance = graphene.Field(GiftCardEventBalance, description="The gift card balance.")
    expiry_date = graphene.Date(description="The gift card expiry date.")
    old_expiry_date = graphene.Date(description="Previous gift card expiry date.")

    class Meta:
        interfaces = (relay.Node,)
        description = "History log of the gift card."
