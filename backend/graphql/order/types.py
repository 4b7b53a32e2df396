"""Order, OrderLine and OrderEvent as Saleor shows them."""

from decimal import Decimal

import graphene
from graphene import relay
from prices import Money

from backend.core.permissions import PermissionEnum
from backend.order.models import Fulfillment as FulfillmentModel
from backend.order.models import FulfillmentLine as FulfillmentLineModel
from backend.order.models import Order as OrderModel
from backend.order.models import OrderEvent as OrderEventModel
from backend.order.models import OrderLine as OrderLineModel

from ..account.types import User
from ..channel.types import Channel
from ..checkout.types import DeliveryMethod, taxed
from ..core.channel import ChannelContext
from ..core.connection import create_connection_type
from ..core.dataloaders import DataLoader
from ..core.ids import global_id
from ..core.lazy import lazy_type
from ..core.money import Money as MoneyType
from ..core.money import TaxedMoney as TaxedMoneyType
from ..core.permissions import permission_required
from ..core.types import Image
from ..discount.types import OrderDiscount, Voucher, order_discounts
from ..meta.types import ObjectWithMetadata
from ..payment.types import TransactionItem
from ..product.enums import ThumbnailFormatEnum
from ..shipping.types import ShippingMethod, ShippingMethodData
from ..shop.types import Address
from .granted_refunds import GrantedRefundsByOrderIdLoader, OrderGrantedRefund

ProductVariant = lazy_type("backend.graphql.product.types.ProductVariant")

OrderStatus = graphene.Enum(
    "OrderStatus",
    [
        (name, name)
        for name in (
            "DRAFT UNCONFIRMED UNFULFILLED PARTIALLY_FULFILLED PARTIALLY_RETURNED "
            "RETURNED FULFILLED CANCELED EXPIRED"
        ).split()
    ],
)
OrderChargeStatusEnum = graphene.Enum(
    "OrderChargeStatusEnum",
    [(name, name) for name in ("NONE", "PARTIAL", "FULL", "OVERCHARGED")],
)
OrderAuthorizeStatusEnum = graphene.Enum(
    "OrderAuthorizeStatusEnum", [(name, name) for name in ("NONE", "PARTIAL", "FULL")]
)
PaymentChargeStatusEnum = graphene.Enum(
    "PaymentChargeStatusEnum",
    [
        (name, name)
        for name in (
            "NOT_CHARGED PENDING PARTIALLY_CHARGED FULLY_CHARGED PARTIALLY_REFUNDED "
            "FULLY_REFUNDED REFUSED CANCELLED"
        ).split()
    ],
)
OrderEventsEnum = graphene.Enum(
    "OrderEventsEnum",
    [
        (name, name)
        for name in (
            "DRAFT_CREATED DRAFT_CREATED_FROM_REPLACE ADDED_PRODUCTS REMOVED_PRODUCTS "
            "PLACED PLACED_FROM_DRAFT PLACED_AUTOMATICALLY_FROM_PAID_CHECKOUT "
            "OVERSOLD_ITEMS CANCELED EXPIRED ORDER_MARKED_AS_PAID ORDER_FULLY_PAID "
            "ORDER_REPLACEMENT_CREATED ORDER_DISCOUNT_ADDED "
            "ORDER_DISCOUNT_AUTOMATICALLY_UPDATED ORDER_DISCOUNT_UPDATED "
            "ORDER_DISCOUNT_DELETED ORDER_LINE_DISCOUNT_UPDATED "
            "ORDER_LINE_DISCOUNT_REMOVED ORDER_LINE_PRODUCT_DELETED "
            "ORDER_LINE_VARIANT_DELETED UPDATED_ADDRESS EMAIL_SENT CONFIRMED "
            "PAYMENT_AUTHORIZED PAYMENT_CAPTURED EXTERNAL_SERVICE_NOTIFICATION "
            "PAYMENT_REFUNDED PAYMENT_VOIDED PAYMENT_FAILED TRANSACTION_EVENT "
            "TRANSACTION_CHARGE_REQUESTED TRANSACTION_REFUND_REQUESTED "
            "TRANSACTION_CANCEL_REQUESTED TRANSACTION_MARK_AS_PAID_FAILED "
            "INVOICE_REQUESTED INVOICE_GENERATED INVOICE_UPDATED INVOICE_SENT "
            "FULFILLMENT_CANCELED FULFILLMENT_RESTOCKED_ITEMS "
            "FULFILLMENT_FULFILLED_ITEMS FULFILLMENT_REFUNDED FULFILLMENT_RETURNED "
            "FULFILLMENT_REPLACED FULFILLMENT_AWAITS_APPROVAL TRACKING_UPDATED "
            "NOTE_ADDED NOTE_UPDATED OTHER"
        ).split()
    ],
)

# Our stored event types → Saleor's OrderEventsEnum.
EVENT_TYPES = {
    "placed": "PLACED",
    "charged": "PAYMENT_CAPTURED",
    "authorized": "PAYMENT_AUTHORIZED",
    "canceled": "CANCELED",
    "note_added": "NOTE_ADDED",
    "email_sent": "EMAIL_SENT",
    "confirmed": "CONFIRMED",
    "marked_as_paid": "ORDER_MARKED_AS_PAID",
    "fulfilled_items": "FULFILLMENT_FULFILLED_ITEMS",
    "fulfillment_awaits_approval": "FULFILLMENT_AWAITS_APPROVAL",
    "fulfillment_canceled": "FULFILLMENT_CANCELED",
    "restocked_items": "FULFILLMENT_RESTOCKED_ITEMS",
    "tracking_updated": "TRACKING_UPDATED",
    "fulfillment_returned": "FULFILLMENT_RETURNED",
    "refunded": "PAYMENT_REFUNDED",
    "transaction_charge_requested": "TRANSACTION_CHARGE_REQUESTED",
    "transaction_refund_requested": "TRANSACTION_REFUND_REQUESTED",
    "transaction_cancel_requested": "TRANSACTION_CANCEL_REQUESTED",
}

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


class OrderEvent(graphene.ObjectType):
    date = graphene.DateTime(
        description="Date when event happened at in ISO 8601 format."
    )
    type = graphene.Field(OrderEventsEnum, description="Order event type.")
    message = graphene.String(description="Content of the event.")
    email = graphene.String(description="Email of the customer.")
    amount = graphene.Float(description="Amount of money.")
    order_number = graphene.String(description="User-friendly number of an order.")

    class Meta:
        interfaces = (relay.Node,)
        description = "History log of the order."

    @staticmethod
    def resolve_type(root: OrderEventModel, info):
        return EVENT_TYPES.get(root.type, "OTHER")

    @staticmethod
    def resolve_message(root: OrderEventModel, info):
        return root.parameters.get("message")

    @staticmethod
    def resolve_email(root: OrderEventModel, info):
        return root.parameters.get("email")

    @staticmethod
    def resolve_amount(root: OrderEventModel, info):
        amount = root.parameters.get("amount")
        return float(Decimal(amount)) if amount is not None else None

    @staticmethod
    def resolve_order_number(root: OrderEventModel, info):
        return str(root.order.number)


class OrderLine(graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    product_variant_id = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    tax_rate = graphene.Float(required=True)
    unit_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Price of the single item in the order line.",
    )
    undiscounted_unit_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Price of the single item in the "
        "order line without any discount applied.",
    )
    total_price = graphene.Field(
        TaxedMoneyType, required=True, description="Price of the order line."
    )
    undiscounted_total_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Price of the order line without discounts.",
    )
    variant = graphene.Field(
        ProductVariant,
        description="A purchased product variant. Note: this field may be null if the "
        "variant has been removed from stock at all.",
    )
    translated_product_name = graphene.String(
        required=True, description="Product name in the customer's language"
    )
    translated_variant_name = graphene.String(
        required=True, description="Variant name in the customer's language"
    )
    thumbnail = graphene.Field(
        Image,
        size=graphene.Int(
            description="Size of the image. If not supplied, the original size will "
            "be returned."
        ),
        format=ThumbnailFormatEnum(
            default_value="ORIGINAL",
            description="The format of the image. When not provided, format of the "
            "original image will be used.",
        ),
    )
    quantity_to_fulfill = graphene.Int(
        required=True, description="A quantity of items remaining to be fulfilled."
    )
    is_gift = graphene.Boolean(description="Determine if the line is a gift.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents order line of particular order."

    @staticmethod
    def resolve_tax_rate(root: OrderLineModel, info):
        return 0.0

    @staticmethod
    def resolve_unit_price(root: OrderLineModel, info):
        return taxed(root.unit_price)

    @staticmethod
    def resolve_undiscounted_unit_price(root: OrderLineModel, info):
        return taxed(root.unit_price)

    @staticmethod
    def resolve_total_price(root: OrderLineModel, info):
        return taxed(root.total_price)

    @staticmethod
    def resolve_undiscounted_total_price(root: OrderLineModel, info):
        return taxed(root.total_price)

    @staticmethod
    def resolve_variant(root: OrderLineModel, info):
        if root.variant is None:
            return None
        return ChannelContext(node=root.variant, channel_slug=root.order.channel.slug)

    @staticmethod
    def resolve_thumbnail(root: OrderLineModel, info, size=None, format=None):
        from ..product.types.products import Product

        if root.variant is None:
            return None
        product = ChannelContext(
            node=root.variant.product, channel_slug=root.order.channel.slug
        )
        return Product.resolve_thumbnail(product, info, size=size, format=format)

    @staticmethod
    def resolve_translated_product_name(root: OrderLineModel, info):
        return root.product_name

    @staticmethod
    def resolve_translated_variant_name(root: OrderLineModel, info):
        return root.variant_name

    @staticmethod
    def resolve_quantity_to_fulfill(root: OrderLineModel, info):
        return root.quantity - root.quantity_fulfilled

    @staticmethod
    def resolve_is_gift(root: OrderLineModel, info):
        return False


class FulfillmentsByOrderIdLoader(DataLoader):
    """An order's fulfilments with their lines, for a page of orders at once."""

    def batch_load(self, keys):
        found = {key: [] for key in keys}
        for fulfillment in FulfillmentModel.objects.filter(
            order_id__in=keys
        ).prefetch_related("lines__order_line"):
            found[fulfillment.order_id].append(fulfillment)
        return [found[key] for key in keys]


FulfillmentStatus = graphene.Enum(
    "FulfillmentStatus",
    [
        (name, name)
        for name in (
            "FULFILLED REFUNDED RETURNED REPLACED REFUNDED_AND_RETURNED CANCELED "
            "WAITING_FOR_APPROVAL"
        ).split()
    ],
)


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


class Order(graphene.ObjectType):
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
        return list(root.lines.all())

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
        return list(root.payment_transactions.all())

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
        return list(root.events.all())

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
