"""Fulfillment and its lines: what left the warehouse, as Saleor shows it."""

import graphene
from graphene import relay

from backend.order.models import Fulfillment as FulfillmentModel
from backend.order.models import FulfillmentLine as FulfillmentLineModel

from ...meta.types import ObjectWithMetadata
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

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents line of the fulfillment."

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

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents order fulfillment."

    @staticmethod
    def resolve_carrier(root: FulfillmentModel, info):
        return root.carrier or None

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
