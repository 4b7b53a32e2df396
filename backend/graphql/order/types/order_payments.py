"""The money side of Saleor's Order: payments, refunds and what is pending.

Lumbar keeps money in transactions (TransactionItem); the totals come from
``backend.payment.totals``, the one rule for them. Legacy payments, gift
cards and invoices do not exist in Lumbar, so their lists are empty.
"""

from decimal import Decimal

import graphene
from prices import Money

from backend.core.permissions import PermissionEnum
from backend.order.models import Order as OrderModel
from backend.payment.mark_as_paid import order_mark_as_paid_refusal
from backend.payment.totals import OrderTransactionTotals, order_transaction_totals

from ...checkout.types import GiftCard
from ...core.money import Money as MoneyType
from ...core.permissions import permission_required
from ...payment.legacy_types import LEGACY, OrderAction, Payment
from ...payment.types import transaction_amounts_of
from ..dataloaders import GrantedRefundsByOrderIdLoader, TransactionsByOrderIdLoader
from .invoices import Invoice

MANAGE_ORDERS_NOTE = "\n\nRequires one of the following permissions: MANAGE_ORDERS."


def order_transaction_totals_of(root: OrderModel, info) -> OrderTransactionTotals:
    """Return what the order's transactions add up to, batched over a page."""
    items = TransactionsByOrderIdLoader(info).load_for(root, lambda order: order.pk)
    granted = GrantedRefundsByOrderIdLoader(info).load_for(root, lambda o: o.pk)
    return order_transaction_totals(
        amounts=[transaction_amounts_of(item) for item in items],
        granted_refunds=sum((refund.amount_value for refund in granted), Decimal(0)),
    )


def _money(root: OrderModel, info, name: str) -> Money:
    return Money(getattr(order_transaction_totals_of(root, info), name), root.currency)


class OrderPaymentFields(graphene.ObjectType):
    actions = graphene.List(
        graphene.NonNull(OrderAction),
        required=True,
        description="List of actions that can be performed in the current state "
        "of an order.",
    )
    payments = graphene.List(
        graphene.NonNull(Payment),
        required=True,
        description="List of payments for the order. Lumbar takes payments "
        "through transactions only: always empty.",
        deprecation_reason=LEGACY,
    )
    gift_cards = graphene.List(
        graphene.NonNull(GiftCard),
        required=True,
        description="List of user gift cards. Lumbar sells none: always empty.",
    )
    invoices = graphene.List(
        graphene.NonNull(Invoice),
        required=True,
        description="List of order invoices. Lumbar issues none: always empty.",
    )
    collection_point_name = graphene.String(
        description="Name of the collection point where the order should be "
        "picked up by the customer. Lumbar only ships: always null."
    )
    total_refunded = graphene.Field(
        MoneyType, required=True, description="Total refund amount for the order."
    )
    total_canceled = graphene.Field(
        MoneyType, required=True, description="Amount canceled for the order."
    )
    total_refund_pending = graphene.Field(
        MoneyType,
        required=True,
        description="Total amount of ongoing refund requests for the order's "
        "transactions." + MANAGE_ORDERS_NOTE,
    )
    total_authorize_pending = graphene.Field(
        MoneyType,
        required=True,
        description="Total amount of ongoing authorize requests for the order's "
        "transactions." + MANAGE_ORDERS_NOTE,
    )
    total_charge_pending = graphene.Field(
        MoneyType,
        required=True,
        description="Total amount of ongoing charge requests for the order's "
        "transactions." + MANAGE_ORDERS_NOTE,
    )
    total_cancel_pending = graphene.Field(
        MoneyType,
        required=True,
        description="Total amount of ongoing cancel requests for the order's "
        "transactions." + MANAGE_ORDERS_NOTE,
    )
    total_remaining_grant = graphene.Field(
        MoneyType,
        required=True,
        description="The difference amount between granted refund and the amounts "
        "that are pending and refunded." + MANAGE_ORDERS_NOTE,
    )

    class Meta:
        abstract = True

    @staticmethod
    def resolve_actions(root: OrderModel, info):
        # Saleor offers capture, refund and void on a legacy payment, which
        # Lumbar never has; marking paid is offered when the service would
        # accept it.
        if order_mark_as_paid_refusal(order=root) is None:
            return ["MARK_AS_PAID"]
        return []

    @staticmethod
    def resolve_payments(root: OrderModel, info):
        return []

    @staticmethod
    def resolve_gift_cards(root: OrderModel, info):
        return []

    @staticmethod
    def resolve_invoices(root: OrderModel, info):
        return []

    @staticmethod
    def resolve_collection_point_name(root: OrderModel, info):
        return None

    @staticmethod
    def resolve_total_refunded(root: OrderModel, info):
        return _money(root, info, "refunded")

    @staticmethod
    def resolve_total_canceled(root: OrderModel, info):
        return _money(root, info, "canceled")

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_total_refund_pending(root: OrderModel, info):
        return _money(root, info, "refund_pending")

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_total_authorize_pending(root: OrderModel, info):
        return _money(root, info, "authorize_pending")

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_total_charge_pending(root: OrderModel, info):
        return _money(root, info, "charge_pending")

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_total_cancel_pending(root: OrderModel, info):
        return _money(root, info, "cancel_pending")

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_total_remaining_grant(root: OrderModel, info):
        return _money(root, info, "remaining_grant")
