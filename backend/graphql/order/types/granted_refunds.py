"""OrderGrantedRefund and its lines, as Saleor shows them."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.payment.models import OrderGrantedRefund as OrderGrantedRefundModel
from backend.payment.models import (
    OrderGrantedRefundLine as OrderGrantedRefundLineModel,
)

from ...account.types import User
from ...core.ids import global_id
from ...core.lazy import lazy_type
from ...core.money import Money
from ...core.permissions import OWNER, permission_required
from ...page.types import Page
from ...payment.types import TransactionEvent, TransactionItem
from ..enums import OrderGrantedRefundStatusEnum
from .lines import OrderLine


class OrderGrantedRefundLine(graphene.ObjectType):
    id = graphene.ID(required=True)
    quantity = graphene.Int(required=True, description="Number of items to refund.")
    order_line = graphene.Field(
        OrderLine,
        required=True,
        description="Line of the order associated with this granted refund.",
    )
    reason = graphene.String(description="Reason for refunding the line.")
    reason_reference = graphene.Field(
        Page,
        description="Reason Model (Page) reference for this refund line. Lumbar "
        "keeps no reason models: always null.",
    )

    class Meta:
        description = "Represents granted refund line."

    @staticmethod
    def resolve_reason_reference(root: OrderGrantedRefundLineModel, info):
        return None

    @staticmethod
    def resolve_id(root: OrderGrantedRefundLineModel, info):
        return global_id("OrderGrantedRefundLine", root.pk)

    @staticmethod
    def resolve_order_line(root: OrderGrantedRefundLineModel, info):
        return root.order_line


@permission_required(
    PermissionEnum.MANAGE_USERS,
    PermissionEnum.MANAGE_STAFF,
    OWNER,
    owner=lambda refund: refund.user_id,
)
def _granted_by(refund: OrderGrantedRefundModel, info):
    return refund.user


class OrderGrantedRefund(graphene.ObjectType):
    id = graphene.ID(required=True)
    created_at = graphene.DateTime(required=True, description="Time of creation.")
    updated_at = graphene.DateTime(required=True, description="Time of last update.")
    amount = graphene.Field(Money, required=True, description="Refund amount.")
    reason = graphene.String(description="Reason of the refund.")
    reason_reference = graphene.Field(
        Page,
        description="Reason Model (Page) reference for this refund. Always null.",
    )
    app = graphene.Field(
        lazy_type("backend.graphql.app.types.App"),
        description="App that performed the action. Lumbar has no apps: always null.",
    )
    user = graphene.Field(
        User,
        description="User who performed the action. Requires of of the following "
        "permissions: MANAGE_USERS, MANAGE_STAFF, OWNER.",
    )
    shipping_costs_included = graphene.Boolean(
        required=True,
        description="If true, the refunded amount includes the shipping price.If "
        "false, the refunded amount does not include the shipping price.",
    )
    lines = graphene.List(
        graphene.NonNull(OrderGrantedRefundLine),
        description="Lines assigned to the granted refund.",
    )
    status = graphene.Field(
        OrderGrantedRefundStatusEnum,
        required=True,
        description="Status of the granted refund calculated based on "
        "transactionItem assigned to granted refund.",
    )
    transaction_events = graphene.List(
        graphene.NonNull(TransactionEvent),
        description="List of refund events associated with the granted refund.",
    )
    transaction = graphene.Field(
        TransactionItem, description="The transaction assigned to the granted refund."
    )

    class Meta:
        description = "The details of granted refund."

    @staticmethod
    def resolve_id(root: OrderGrantedRefundModel, info):
        return global_id("OrderGrantedRefund", root.pk)

    @staticmethod
    def resolve_user(root: OrderGrantedRefundModel, info):
        if root.user_id is None:
            return None
        return _granted_by(root, info)

    @staticmethod
    def resolve_reason_reference(root: OrderGrantedRefundModel, info):
        return None

    @staticmethod
    def resolve_app(root: OrderGrantedRefundModel, info):
        return None

    @staticmethod
    def resolve_lines(root: OrderGrantedRefundModel, info):
        return list(root.lines.all())

    @staticmethod
    def resolve_status(root: OrderGrantedRefundModel, info):
        return root.status.upper()

    @staticmethod
    def resolve_transaction_events(root: OrderGrantedRefundModel, info):
        # Refunds are asked of the transaction itself (transactionRequestAction),
        # so no event belongs to a grant yet.
        return []

    @staticmethod
    def resolve_transaction(root: OrderGrantedRefundModel, info):
        return root.transaction_item
