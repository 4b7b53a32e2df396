"""Fulfillment and its lines: what left the warehouse, as Saleor shows it."""

import graphene
from graphene import relay

from backend.order.models import Fulfillment as FulfillmentModel
from backend.order.models import FulfillmentLine as FulfillmentLineModel

from ...core.money import Money
from ...meta.types import ObjectWithMetadata
from ...page.types import Page
from ...warehouse.types import Warehouse
from ..enums import FulfillmentStatus
from .lines import OrderLine


class FulfillmentLine(graphene.ObjectType):
    quantity = graphene.Int(
        required=True,
        description="The number of items included in the fulfillment line.",
    )
    order_line = graphene.Field(
        OrderLine,
        description="The order line to which the fulfillment line is related.",
    )
    reason = graphene.String(
        description="Reason for returning this fulfillment line. Lumbar records "
        "no reasons: always null."
    )
    reason_reference = graphene.Field(
        Page,
        description="Reason Model (Page) reference for this fulfillment line. "
        "Always null.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents line of the fulfillment."

    @staticmethod
    def resolve_reason(root: FulfillmentLineModel, info):
        return None

    @staticmethod
    def resolve_reason_reference(root: FulfillmentLineModel, info):
        return None

    @staticmethod
    def resolve_order_line(root: FulfillmentLineModel, info):
        return root.order_line


class Fulfillment(graphene.ObjectType):
    fulfillment_order = graphene.Int(
        required=True, description="Sequence in which the fulfillments were created."
    )
    status = graphene.Field(FulfillmentStatus, required=True)
    tracking_number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(FulfillmentLine))
    status_display = graphene.String()
    carrier = graphene.String(
        description="Lumbar: the carrier the parcel travels with, if known."
    )
    warehouse = graphene.Field(
        Warehouse, description="Warehouse from fulfillment was fulfilled."
    )
    shipping_refunded_amount = graphene.Field(
        Money,
        description="Amount of refunded shipping price. Lumbar refunds through "
        "transactions, never a refund fulfillment: always null.",
    )
    total_refunded_amount = graphene.Field(
        Money,
        description="Total refunded amount assigned to this fulfillment. Always "
        "null (see shippingRefundedAmount).",
    )
    reason = graphene.String(
        description="Reason for returning this fulfillment. Lumbar records no "
        "reasons: always null."
    )
    reason_reference = graphene.Field(
        Page,
        description="Reason Model (Page) reference for this fulfillment. Always null.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents order fulfillment."

    @staticmethod
    def resolve_carrier(root: FulfillmentModel, info):
        return root.carrier or None

    @staticmethod
    def resolve_warehouse(root: FulfillmentModel, info):
        # A parcel leaves one warehouse: the one its lines' stock is in.
        for line in root.lines.all():
            if line.stock is not None:
                return line.stock.warehouse
        return None

    @staticmethod
    def resolve_shipping_refunded_amount(root: FulfillmentModel, info):
        return None

    @staticmethod
    def resolve_total_refunded_amount(root: FulfillmentModel, info):
        return None

    @staticmethod
    def resolve_reason(root: FulfillmentModel, info):
        return None

    @staticmethod
    def resolve_reason_reference(root: FulfillmentModel, info):
        return None

    @staticmethod
    def resolve_status(root: FulfillmentModel, info):
        return root.status.upper()

    @staticmethod
    def resolve_created(root: FulfillmentModel, info):
        return root.created_at

    @staticmethod
    def resolve_lines(root: FulfillmentModel, info):
        return list(root.lines.all())

    @staticmethod
    def resolve_status_display(root: FulfillmentModel, info):
        return root.get_status_display()
