"""OrderEvent: an order's history, as Saleor shows it."""

import uuid
from decimal import Decimal

import graphene
from graphene import relay

from backend.core.permissions import PermissionEnum
from backend.order.models import OrderEvent as OrderEventModel

from ...account.types import User
from ...core.inputs import PositiveDecimal
from ...core.lazy import lazy_type
from ...core.money import Money
from ...core.permissions import OWNER, reader_may
from ...discount.types import DiscountValueTypeEnum
from ...warehouse.types import Warehouse
from ..dataloaders import OrderLineByIdLoader, WarehouseByIdLoader
from ..enums import OrderEventsEnum
from ..event_types import EVENT_TYPES
from .lines import OrderLine

OrderEventsEmailsEnum = graphene.Enum(
    "OrderEventsEmailsEnum",
    [
        (name, name)
        for name in (
            "PAYMENT_CONFIRMATION CONFIRMED SHIPPING_CONFIRMATION TRACKING_UPDATED "
            "ORDER_CONFIRMATION ORDER_CANCEL ORDER_REFUND FULFILLMENT_CONFIRMATION"
        ).split()
    ],
)


class OrderEventDiscountObject(graphene.ObjectType):
    value_type = graphene.Field(
        DiscountValueTypeEnum,
        required=True,
        description="Type of the discount: fixed or percent.",
    )
    value = PositiveDecimal(
        required=True,
        description="Value of the discount. Can store fixed value or percent value.",
    )
    reason = graphene.String(description="Explanation for the applied discount.")
    amount = graphene.Field(Money, description="Returns amount of discount.")
    old_value_type = graphene.Field(
        DiscountValueTypeEnum, description="Type of the discount: fixed or percent."
    )
    old_value = PositiveDecimal(
        description="Value of the discount. Can store fixed value or percent value."
    )
    old_amount = graphene.Field(Money, description="Returns amount of discount.")


class OrderEventOrderLineObject(graphene.ObjectType):
    quantity = graphene.Int(description="The variant quantity.")
    order_line = graphene.Field(OrderLine, description="The order line.")
    item_name = graphene.String(description="The variant name.")
    discount = graphene.Field(
        OrderEventDiscountObject, description="The discount applied to the order line."
    )


class OrderEvent(graphene.ObjectType):
    date = graphene.DateTime(
        description="Date when event happened at in ISO 8601 format."
    )
    type = graphene.Field(OrderEventsEnum, description="Order event type.")
    user = graphene.Field(User, description="User who performed the action.")
    app = graphene.Field(
        lazy_type("backend.graphql.app.types.App"),
        description="App that performed the action. Lumbar has no apps: always null.",
    )
    message = graphene.String(description="Content of the event.")
    email = graphene.String(description="Email of the customer.")
    email_type = graphene.Field(
        OrderEventsEmailsEnum, description="Type of an email sent to the customer."
    )
    amount = graphene.Float(description="Amount of money.")
    quantity = graphene.Int(description="Number of items.")
    composed_id = graphene.String(description="Composed ID of the Fulfillment.")
    order_number = graphene.String(description="User-friendly number of an order.")
    invoice_number = graphene.String(
        description="Number of an invoice related to the order. Lumbar issues no "
        "invoices: always null."
    )
    lines = graphene.List(
        graphene.NonNull(OrderEventOrderLineObject), description="The concerned lines."
    )
    warehouse = graphene.Field(
        Warehouse, description="The warehouse were items were restocked."
    )
    transaction_reference = graphene.String(
        description="The transaction reference of captured payment."
    )
    shipping_costs_included = graphene.Boolean(
        description="Define if shipping costs were included to the refund."
    )
    related_order = graphene.Field(
        lazy_type("backend.graphql.order.types.Order"),
        description="The order which is related to this order. Lumbar makes no "
        "replacement orders: always null.",
    )
    related = graphene.Field(
        lambda: OrderEvent,
        description="The order event related to this event.",
    )
    discount = graphene.Field(
        OrderEventDiscountObject,
        description="The discount applied to the order. Lumbar's staff do not "
        "discount placed orders: always null.",
    )
    reference = graphene.String(description="The reference of payment's transaction.")

    class Meta:
        interfaces = (relay.Node,)
        description = "History log of the order."

    @staticmethod
    def resolve_type(root: OrderEventModel, info):
        return EVENT_TYPES.get(root.type, "OTHER")

    @staticmethod
    def resolve_user(root: OrderEventModel, info):
        # Saleor's rule: the actor shows to themselves and to who manages
        # people; everyone else reads null.
        if root.user_id is None:
            return None
        permissions = (PermissionEnum.MANAGE_USERS, PermissionEnum.MANAGE_STAFF, OWNER)
        if reader_may(info, permissions, owner_id=root.user_id):
            return root.user
        return None

    @staticmethod
    def resolve_app(root: OrderEventModel, info):
        return None

    @staticmethod
    def resolve_message(root: OrderEventModel, info):
        return root.parameters.get("message")

    @staticmethod
    def resolve_email(root: OrderEventModel, info):
        return root.parameters.get("email")

    @staticmethod
    def resolve_email_type(root: OrderEventModel, info):
        email_type = (root.parameters.get("email_type") or "").upper()
        known = OrderEventsEmailsEnum._meta.enum.__members__
        return email_type if email_type in known else None

    @staticmethod
    def resolve_amount(root: OrderEventModel, info):
        amount = root.parameters.get("amount")
        return float(Decimal(amount)) if amount is not None else None

    @staticmethod
    def resolve_quantity(root: OrderEventModel, info):
        return root.parameters.get("quantity")

    @staticmethod
    def resolve_composed_id(root: OrderEventModel, info):
        return root.parameters.get("fulfillment")

    @staticmethod
    def resolve_order_number(root: OrderEventModel, info):
        return str(root.order.number)

    @staticmethod
    def resolve_invoice_number(root: OrderEventModel, info):
        return None

    @staticmethod
    def resolve_lines(root: OrderEventModel, info):
        stored = root.parameters.get("lines")
        if not stored:
            return None
        found = OrderLineByIdLoader(info).load_many(
            uuid.UUID(str(line["line_pk"])) for line in stored
        )
        return [
            OrderEventOrderLineObject(
                quantity=line["quantity"],
                order_line=order_line,
                item_name=str(order_line) if order_line is not None else None,
            )
            for line, order_line in zip(stored, found, strict=True)
        ]

    @staticmethod
    def resolve_warehouse(root: OrderEventModel, info):
        warehouse_id = root.parameters.get("warehouse")
        if warehouse_id is None:
            return None
        return WarehouseByIdLoader(info).load(warehouse_id)

    @staticmethod
    def resolve_transaction_reference(root: OrderEventModel, info):
        return root.parameters.get("transaction_reference") or None

    @staticmethod
    def resolve_shipping_costs_included(root: OrderEventModel, info):
        return root.parameters.get("shipping_costs_included")

    @staticmethod
    def resolve_related_order(root: OrderEventModel, info):
        return None

    @staticmethod
    def resolve_related(root: OrderEventModel, info):
        return None

    @staticmethod
    def resolve_discount(root: OrderEventModel, info):
        return None

    @staticmethod
    def resolve_reference(root: OrderEventModel, info):
        return root.parameters.get("reference") or None
