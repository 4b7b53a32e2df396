"""orderFulfill: send order lines from warehouses."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.order.errors import OrderErrorCode, order_error
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.warehouse.models import Warehouse

from ...core.ids import uuid_from_global_id
from ...core.mutations import decode_global_id, id_error
from ..errors import OrderError
from ..types import Fulfillment, Order
from .base import (
    OrderMutation,
    order_for_payload,
    order_pk_from_global_id,
    stock_exceeded_refusal,
)


class OrderFulfillStockInput(graphene.InputObjectType):
    quantity = graphene.Int(
        required=True,
        description="The number of line items to be fulfilled from given warehouse.",
    )
    warehouse = graphene.ID(
        required=True,
        description="ID of a warehouse from which the line will be fulfilled.",
    )


class OrderFulfillLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(description="The ID of the order line.")
    stocks = graphene.List(
        graphene.NonNull(OrderFulfillStockInput),
        required=True,
        description="List of stock items to create.",
    )


class OrderFulfillInput(graphene.InputObjectType):
    lines = graphene.List(
        graphene.NonNull(OrderFulfillLineInput),
        required=True,
        description="List of items informing how to fulfill the order.",
    )
    notify_customer = graphene.Boolean(
        description="If true, send an email notification to the customer."
    )
    allow_stock_to_be_exceeded = graphene.Boolean(
        default_value=False,
        description="If true, then allow proceed fulfillment when stock is exceeded.",
    )
    tracking_number = graphene.String(description="Fulfillment tracking number.")
    carrier = graphene.String(
        description="Lumbar: the carrier the parcels travel with (e.g. UPS); the "
        "shipped email links to its tracking page."
    )


def fulfil_lines(lines_input) -> list[FulfilLine]:
    """Return one domain line per (order line, warehouse) with a quantity."""
    lines: list[FulfilLine] = []
    asked_zero = False
    warehouse_pks = []
    for line in lines_input:
        line_id = uuid_from_global_id(
            line.get("order_line_id"), type_name="OrderLine", field="orderLineId"
        )
        for stock in line["stocks"]:
            warehouse_pk = decode_global_id(
                stock["warehouse"], type_names=("Warehouse",), field_name="warehouse"
            )
            warehouse_pks.append((warehouse_pk, stock["warehouse"]))
            if stock["quantity"] == 0:
                # The dashboard sends every line; a zero means "not this one".
                asked_zero = True
                continue
            lines.append(FulfilLine(line_id, stock["quantity"], warehouse_pk))
    known = Warehouse.objects.in_bulk({pk for pk, _ in warehouse_pks})
    for pk, global_id in warehouse_pks:
        if pk not in known:
            raise id_error(
                "warehouse", f"Couldn't resolve to a node: {global_id}", "NOT_FOUND"
            )
    if not lines and asked_zero:
        raise order_error(
            "lines",
            "Total quantity must be larger than 0.",
            OrderErrorCode.ZERO_QUANTITY,
        )
    return lines


class OrderFulfill(OrderMutation):
    fulfillments = graphene.List(
        graphene.NonNull(Fulfillment), description="List of created fulfillments."
    )
    order = graphene.Field(Order, description="Fulfilled order.")

    class Arguments:
        order = graphene.ID(description="ID of the order to be fulfilled.")
        input = OrderFulfillInput(
            required=True, description="Fields required to create a fulfillment."
        )

    class Meta:
        description = "Creates new fulfillments for an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, order=None, input=None):
        if not order:
            raise order_error("order", "Order is required.", OrderErrorCode.REQUIRED)
        order_pk = order_pk_from_global_id(order, field="order")
        notify = input.get("notify_customer")
        return {
            "order_id": order_pk,
            "lines": fulfil_lines(input["lines"]),
            "tracking_number": input.get("tracking_number") or "",
            "carrier": input.get("carrier") or "",
            "notify_customer": True if notify is None else notify,
            "user": info.context.user,
            "allow_stock_to_be_exceeded": bool(input.get("allow_stock_to_be_exceeded")),
        }

    @classmethod
    def perform_mutation(cls, info, *, allow_stock_to_be_exceeded, **cleaned):
        try:
            fulfillments = order_fulfil(**cleaned)
        except ValidationError as error:
            if allow_stock_to_be_exceeded:
                raise stock_exceeded_refusal(error) from None
            raise
        return cls.success(
            fulfillments=fulfillments, order=order_for_payload(cleaned["order_id"])
        )
