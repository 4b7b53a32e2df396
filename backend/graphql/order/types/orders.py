"""Order, as Saleor shows it."""

from decimal import Decimal

import graphene
from graphene import relay
from prices import Money

from backend.core.permissions import PermissionEnum
from backend.order.models import Order as OrderModel

from ...account.types import User
from ...channel.types import Channel
from ...checkout.types import DeliveryMethod
from ...core.connection import create_connection_type
from ...core.dataloaders import resolve_for_siblings
from ...core.ids import global_id
from ...core.money import Money as MoneyType
from ...core.money import TaxedMoney as TaxedMoneyType
from ...core.money import taxed
from ...core.permissions import permission_required
from ...discount.types import OrderDiscount, Voucher, order_discounts
from ...meta.types import ObjectWithMetadata
from ...payment.types import TransactionItem
from ...shipping.types import ShippingMethod, ShippingMethodData
from ...shop.types import Address
from ..dataloaders import (
    FulfillmentsByOrderIdLoader,
    GrantedRefundsByOrderIdLoader,
    OrderEventsByOrderIdLoader,
    TransactionsByOrderIdLoader,
)
from ..enums import (
    OrderAuthorizeStatusEnum,
    OrderChargeStatusEnum,
    OrderStatus,
    PaymentChargeStatusEnum,
)
from .events import OrderEvent
from .fulfillments import Fulfillment
from .granted_refunds import OrderGrantedRefund
from .lines import OrderLine
from .order_payments import OrderPaymentFields

PAYMENT_STATUS = {
    "none": "NOT_CHARGED",
    "partial": "PARTIALLY_CHARGED",
    "full": "FULLY_CHARGED",
    "overcharged": "FULLY_CHARGED",
}
PAYMENT_STATUS_DISPLAY = {
    "NOT_CHARGED": "Not charged",
    "PARTIALLY_CHARGED": "Partially charged",
    "FULLY_CHARGED": "Fully charged",
}


def order_status_name(value: str) -> str:
    return value.upper().replace(" ", "_")


class Order(OrderPaymentFields):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field(OrderStatus, required=True)
    user = graphene.Field(User, description="User who placed the order.")
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    shipping_method_name = graphene.String(description="Method used for shipping.")
    channel = graphene.Field(Channel, required=True)
    fulfillments = graphene.List(
        graphene.NonNull(Fulfillment),
        required=True,
        description="List of shipments for the order.",
    )
    lines = graphene.List(
        graphene.NonNull(OrderLine), required=True, description="List of order lines."
    )
    shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        required=True,
        description="Shipping methods related to this order.",
    )
    number = graphene.String(
        required=True, description="User-friendly number of an order."
    )
    is_paid = graphene.Boolean(
        required=True, description="Informs if an order is fully paid."
    )
    payment_status = graphene.Field(
        PaymentChargeStatusEnum, required=True, description="Internal payment status."
    )
    payment_status_display = graphene.String(
        required=True, description="User-friendly payment status."
    )
    authorize_status = graphene.Field(
        OrderAuthorizeStatusEnum,
        required=True,
        description="The authorize status of the order.",
    )
    charge_status = graphene.Field(
        OrderChargeStatusEnum,
        required=True,
        description="The charge status of the order.",
    )
    tax_exemption = graphene.Boolean(
        required=True, description="Returns True if order has to be exempt from taxes."
    )
    transactions = graphene.List(
        graphene.NonNull(TransactionItem),
        required=True,
        description="List of transactions for the order.\n\nRequires one of the "
        "following permissions: MANAGE_ORDERS, HANDLE_PAYMENTS.",
    )
    total = graphene.Field(
        TaxedMoneyType, required=True, description="Total amount of the order."
    )
    undiscounted_total = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Undiscounted total amount of the order.",
    )
    shipping_method = graphene.Field(
        ShippingMethod, deprecation_reason="Use `deliveryMethod` instead."
    )
    undiscounted_shipping_price = graphene.Field(
        MoneyType, required=True, description="Undiscounted total price of shipping."
    )
    shipping_price = graphene.Field(
        TaxedMoneyType, required=True, description="Total price of shipping."
    )
    shipping_tax_rate = graphene.Float(required=True)
    token = graphene.String(required=True, deprecation_reason="Use `id` instead.")
    voucher = graphene.Field(Voucher)
    voucher_code = graphene.String(description="Voucher code that was used for Order.")
    customer_note = graphene.String(required=True)
    subtotal = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="The sum of line prices not including shipping.",
    )
    status_display = graphene.String(
        required=True, description="User-friendly order status."
    )
    can_finalize = graphene.Boolean(
        required=True,
        description="Informs whether a draft order can be finalized"
        "(turned into a regular order).",
    )
    total_authorized = graphene.Field(
        MoneyType, required=True, description="Amount authorized for the order."
    )
    total_captured = graphene.Field(
        MoneyType, required=True, deprecation_reason="Use `totalCharged` instead."
    )
    total_charged = graphene.Field(
        MoneyType, required=True, description="Amount charged for the order."
    )
    events = graphene.List(
        graphene.NonNull(OrderEvent),
        required=True,
        description="List of events associated with the order.\n\nRequires one "
        "of the following permissions: MANAGE_ORDERS.",
    )
    total_balance = graphene.Field(
        MoneyType,
        required=True,
        description="The difference between the paid and the order total amount.",
    )
    user_email = graphene.String(description="Email address of the customer.")
    is_shipping_required = graphene.Boolean(
        required=True, description="Returns True, if order requires shipping."
    )
    delivery_method = graphene.Field(
        DeliveryMethod, description="The delivery method selected for this order."
    )
    discounts = graphene.List(
        graphene.NonNull(OrderDiscount),
        required=True,
        description="List of all discounts assigned to the order.",
    )
    display_gross_prices = graphene.Boolean(
        required=True,
        description="Determines whether displayed prices should include taxes.",
    )
    checkout_id = graphene.ID(
        description="ID of the checkout that the order was created from."
    )
    granted_refunds = graphene.List(
        graphene.NonNull(OrderGrantedRefund),
        required=True,
        description="List of granted refunds.\n\nRequires one of the following "
        "permissions: MANAGE_ORDERS.",
    )
    total_granted_refund = graphene.Field(
        MoneyType,
        required=True,
        description="Total amount of granted refund.\n\nRequires one of the "
        "following permissions: MANAGE_ORDERS.",
    )
    ship_by = graphene.DateTime(
        description="Lumbar: the moment the order must leave the warehouse to "
        "keep its delivery promise."
    )
    promised_earliest = graphene.Date(
        description="Lumbar: the earliest delivery date promised at checkout."
    )
    promised_latest = graphene.Date(
        description="Lumbar: the latest delivery date promised at checkout."
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents an order in the shop."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, OrderModel)

    @staticmethod
    def resolve_id(root: OrderModel, info):
        # Saleor's order ids are UUIDs; ours is the secret token.
        return root.token

    @staticmethod
    def resolve_created(root: OrderModel, info):
        return root.created_at

    @staticmethod
    def resolve_status(root: OrderModel, info):
        return order_status_name(root.status)

    @staticmethod
    def resolve_user(root: OrderModel, info):
        return root.user

    @staticmethod
    def resolve_shipping_method_name(root: OrderModel, info):
        return root.shipping_method_name or None

    @staticmethod
    def resolve_fulfillments(root: OrderModel, info):
        return FulfillmentsByOrderIdLoader(info).load_for(root, lambda order: order.pk)

    @staticmethod
    def resolve_lines(root: OrderModel, info):
        # One sibling group for the lines of a whole page of orders, so their
        # allocations and variants load in one batch each.
        return resolve_for_siblings(
            info, root, "order_lines", lambda order: list(order.lines.all())
        )

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_granted_refunds(root: OrderModel, info):
        return GrantedRefundsByOrderIdLoader(info).load_for(root, lambda o: o.pk)

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_total_granted_refund(root: OrderModel, info):
        granted = GrantedRefundsByOrderIdLoader(info).load_for(root, lambda o: o.pk)
        total = sum((refund.amount_value for refund in granted), Decimal(0))
        return Money(total, root.currency)

    @staticmethod
    def _shipping(root: OrderModel) -> ShippingMethodData | None:
        if root.shipping_method is None:
            return None
        return ShippingMethodData(
            method=root.shipping_method, price=root.shipping_price
        )

    @staticmethod
    def resolve_shipping_methods(root: OrderModel, info):
        method = Order._shipping(root)
        return [method] if method else []

    @staticmethod
    def resolve_number(root: OrderModel, info):
        return str(root.number)

    @staticmethod
    def resolve_is_paid(root: OrderModel, info):
        return root.total_charged_amount >= root.total_amount

    @staticmethod
    def resolve_payment_status(root: OrderModel, info):
        return PAYMENT_STATUS[root.charge_status]

    @staticmethod
    def resolve_payment_status_display(root: OrderModel, info):
        return PAYMENT_STATUS_DISPLAY[PAYMENT_STATUS[root.charge_status]]

    @staticmethod
    def resolve_authorize_status(root: OrderModel, info):
        return root.authorize_status.upper()

    @staticmethod
    def resolve_charge_status(root: OrderModel, info):
        return root.charge_status.upper()

    @staticmethod
    def resolve_tax_exemption(root: OrderModel, info):
        return False

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS, PermissionEnum.HANDLE_PAYMENTS)
    def resolve_transactions(root: OrderModel, info):
        return TransactionsByOrderIdLoader(info).load_for(root, lambda o: o.pk)

    @staticmethod
    def resolve_total(root: OrderModel, info):
        return taxed(root.total)

    @staticmethod
    def resolve_undiscounted_total(root: OrderModel, info):
        return taxed(root.subtotal + root.shipping_price)

    @staticmethod
    def resolve_shipping_method(root: OrderModel, info):
        return Order._shipping(root)

    @staticmethod
    def resolve_undiscounted_shipping_price(root: OrderModel, info):
        return root.shipping_price

    @staticmethod
    def resolve_shipping_price(root: OrderModel, info):
        return taxed(root.shipping_price)

    @staticmethod
    def resolve_shipping_tax_rate(root: OrderModel, info):
        return 0.0

    @staticmethod
    def resolve_token(root: OrderModel, info):
        return str(root.token)

    @staticmethod
    def resolve_voucher(root: OrderModel, info):
        voucher = root.voucher
        if voucher is not None:
            voucher.used_code = root.voucher_code
        return voucher

    @staticmethod
    def resolve_discounts(root: OrderModel, info):
        return order_discounts(root)

    @staticmethod
    def resolve_voucher_code(root: OrderModel, info):
        return root.voucher_code or None

    @staticmethod
    def resolve_customer_note(root: OrderModel, info):
        return ""

    @staticmethod
    def resolve_subtotal(root: OrderModel, info):
        return taxed(root.subtotal)

    @staticmethod
    def resolve_status_display(root: OrderModel, info):
        return root.get_status_display()

    @staticmethod
    def resolve_can_finalize(root: OrderModel, info):
        return False

    @staticmethod
    def resolve_total_authorized(root: OrderModel, info):
        return root.total_authorized

    @staticmethod
    def resolve_total_captured(root: OrderModel, info):
        return root.total_charged

    @staticmethod
    def resolve_total_charged(root: OrderModel, info):
        return root.total_charged

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_events(root: OrderModel, info):
        return OrderEventsByOrderIdLoader(info).load_for(root, lambda o: o.pk)

    @staticmethod
    def resolve_total_balance(root: OrderModel, info):
        return Money(root.total_charged_amount - root.total_amount, root.currency)

    @staticmethod
    def resolve_user_email(root: OrderModel, info):
        return root.user_email or None

    @staticmethod
    def resolve_is_shipping_required(root: OrderModel, info):
        return any(line.is_shipping_required for line in root.lines.all())

    @staticmethod
    def resolve_delivery_method(root: OrderModel, info):
        return Order._shipping(root)

    @staticmethod
    def resolve_display_gross_prices(root: OrderModel, info):
        return True

    @staticmethod
    def resolve_checkout_id(root: OrderModel, info):
        return (
            global_id("Checkout", root.checkout_token) if root.checkout_token else None
        )


OrderCountableConnection = create_connection_type(Order)
