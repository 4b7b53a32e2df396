import uuid

from django.conf import settings
from django.db import connection, models
from django.db.models import F, Func, Q
from django.utils import timezone
from django_prices.models import MoneyField

from backend.account.models import Address
from backend.channel.models import Channel
from backend.core.models import ModelWithMetadata
from backend.discount.models import Voucher
from backend.product.models import (
    PRICE_DECIMAL_PLACES,
    PRICE_MAX_DIGITS,
    ProductVariant,
)
from backend.shipping.models import ShippingMethod

ORDER_NUMBER_SEQUENCE = "order_order_number_seq"


def get_order_number() -> int:
    """Return the next order number; PostgreSQL hands it out without races."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [ORDER_NUMBER_SEQUENCE])
        return cursor.fetchone()[0]


def _amount(**kwargs) -> models.DecimalField:
    return models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        default=0,
        **kwargs,
    )


class OrderStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Unconfirmed"
    UNFULFILLED = "unfulfilled", "Unfulfilled"
    PARTIALLY_FULFILLED = "partially fulfilled", "Partially fulfilled"
    FULFILLED = "fulfilled", "Fulfilled"
    PARTIALLY_RETURNED = "partially returned", "Partially returned"
    RETURNED = "returned", "Returned"
    CANCELED = "canceled", "Canceled"


# What the shopper reads: "Shipped", where staff read Saleor's "Fulfilled".
SHOPPER_STATUS_LABELS = {
    OrderStatus.UNCONFIRMED: "Received",
    OrderStatus.UNFULFILLED: "Being prepared",
    OrderStatus.PARTIALLY_FULFILLED: "Partly shipped",
    OrderStatus.FULFILLED: "Shipped",
    OrderStatus.PARTIALLY_RETURNED: "Partly returned",
    OrderStatus.RETURNED: "Returned",
    OrderStatus.CANCELED: "Canceled",
}


class OrderChargeStatus(models.TextChoices):
    NONE = "none", "None"
    PARTIAL = "partial", "Partial"
    FULL = "full", "Full"
    OVERCHARGED = "overcharged", "Overcharged"


class OrderAuthorizeStatus(models.TextChoices):
    NONE = "none", "None"
    PARTIAL = "partial", "Partial"
    FULL = "full", "Full"


class ShipByOrNever(Func):
    """An order's ship-by moment, or infinity when none was recorded.

    Sorts and compares like ``ship_by`` with no ship-by last, but as one
    value: the ship-by queue's lanes are ranges of it in one index.
    """

    template = "COALESCE(%(expressions)s, 'infinity'::timestamptz)"
    output_field = models.DateTimeField()


class Order(ModelWithMetadata):
    number = models.IntegerField(unique=True, default=get_order_number, editable=False)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    status = models.CharField(
        max_length=32, choices=OrderStatus.choices, default=OrderStatus.UNFULFILLED
    )
    charge_status = models.CharField(
        max_length=32,
        choices=OrderChargeStatus.choices,
        default=OrderChargeStatus.NONE,
    )
    authorize_status = models.CharField(
        max_length=32,
        choices=OrderAuthorizeStatus.choices,
        default=OrderAuthorizeStatus.NONE,
    )
    channel = models.ForeignKey(
        Channel, related_name="orders", on_delete=models.PROTECT
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="orders",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    user_email = models.EmailField(blank=True, default="")
    # Copies: editing the customer's address book never changes a placed order.
    billing_address = models.ForeignKey(
        Address, related_name="+", null=True, on_delete=models.SET_NULL
    )
    shipping_address = models.ForeignKey(
        Address, related_name="+", null=True, on_delete=models.SET_NULL
    )
    shipping_method = models.ForeignKey(
        ShippingMethod,
        related_name="orders",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    shipping_method_name = models.CharField(max_length=255, blank=True, default="")
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    shipping_price_amount = _amount()
    shipping_price = MoneyField(
        amount_field="shipping_price_amount", currency_field="currency"
    )
    subtotal_amount = _amount()
    subtotal = MoneyField(amount_field="subtotal_amount", currency_field="currency")
    total_amount = _amount()
    total = MoneyField(amount_field="total_amount", currency_field="currency")
    total_charged_amount = _amount()
    total_charged = MoneyField(
        amount_field="total_charged_amount", currency_field="currency"
    )
    total_authorized_amount = _amount()
    total_authorized = MoneyField(
        amount_field="total_authorized_amount", currency_field="currency"
    )
    # What the voucher took off the subtotal or shipping: total is
    # subtotal + shipping_price - discount.
    discount_amount = _amount()
    discount = MoneyField(amount_field="discount_amount", currency_field="currency")
    voucher = models.ForeignKey(
        Voucher, related_name="orders", null=True, blank=True, on_delete=models.SET_NULL
    )
    voucher_code = models.CharField(max_length=255, blank=True, default="")
    checkout_token = models.CharField(max_length=36, blank=True, default="")
    # The delivery promise made at placement (backend/shipping/promise.py):
    # the dates the shopper was shown and when the parcel must leave to
    # keep them. Kept as promised, whatever the rules become later.
    promised_earliest = models.DateField(null=True, blank=True)
    promised_latest = models.DateField(null=True, blank=True)
    ship_by = models.DateTimeField(null=True, blank=True, db_index=True)
    # When operations were warned this order may miss ship_by (once only).
    ship_by_alert_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-number",)
        constraints = [
            # One order per checkout, whatever races reach the database.
            models.UniqueConstraint(
                fields=["checkout_token"],
                condition=~Q(checkout_token=""),
                name="order_unique_checkout_token",
            ),
        ]
        indexes = [
            # The ship-by queue: open orders only (a tenth of a store's
            # history at most), in the queue's order.
            models.Index(
                fields=["ship_by", "number"],
                condition=Q(
                    status__in=[
                        OrderStatus.UNFULFILLED,
                        OrderStatus.PARTIALLY_FULFILLED,
                    ]
                ),
                name="order_open_ship_by_idx",
            ),
            # The ops queue's lanes: ranges of ship-by (none recorded last).
            models.Index(
                ShipByOrNever("ship_by"),
                F("number"),
                condition=Q(
                    status__in=[
                        OrderStatus.UNFULFILLED,
                        OrderStatus.PARTIALLY_FULFILLED,
                    ]
                ),
                name="order_open_ship_by_key",
            ),
            # Staff lists by status, newest first (orders(filter: {status})).
            models.Index(fields=["status", "-number"], name="order_status_number"),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def shopper_status(self) -> str:
        """Return the status as the shopper's pages and emails word it."""
        return SHOPPER_STATUS_LABELS.get(self.status, self.get_status_display())


class OrderLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    variant = models.ForeignKey(
        ProductVariant,
        related_name="order_lines",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    # Snapshots: a later rename, price change or delete leaves the order as sold.
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True, default="")
    product_sku = models.CharField(max_length=255, null=True, blank=True)
    product_variant_id = models.CharField(max_length=255, null=True, blank=True)
    is_shipping_required = models.BooleanField(default=True)
    quantity = models.IntegerField()
    quantity_fulfilled = models.IntegerField(default=0)
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    unit_price_amount = _amount()
    unit_price = MoneyField(amount_field="unit_price_amount", currency_field="currency")
    total_price_amount = _amount()
    total_price = MoneyField(
        amount_field="total_price_amount", currency_field="currency"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ("created_at", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="order_line_quantity_positive"
            ),
            # Never more sent than sold, whatever races reach the database.
            models.CheckConstraint(
                condition=Q(quantity_fulfilled__gte=0)
                & Q(quantity_fulfilled__lte=models.F("quantity")),
                name="order_line_fulfilled_within_quantity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_name} ({self.variant_name})"


class OrderEvents(models.TextChoices):
    PLACED = "placed", "The order was placed"
    PAYMENT_CHARGED = "charged", "The payment was charged"
    PAYMENT_AUTHORIZED = "authorized", "The payment was authorized"
    CANCELED = "canceled", "The order was canceled"
    NOTE_ADDED = "note_added", "A note was added"
    NOTE_UPDATED = "note_updated", "A note was edited"
    UPDATED_ADDRESS = "updated_address", "An address was updated"
    FULFILLMENT_FULFILLED_ITEMS = "fulfilled_items", "Items were fulfilled"
    FULFILLMENT_AWAITS_APPROVAL = (
        "fulfillment_awaits_approval",
        "A fulfillment awaits approval",
    )
    FULFILLMENT_CANCELED = "fulfillment_canceled", "A fulfillment was canceled"
    FULFILLMENT_RESTOCKED_ITEMS = "restocked_items", "Items were put back in stock"
    TRACKING_UPDATED = "tracking_updated", "The tracking number was updated"
    FULFILLMENT_RETURNED = "fulfillment_returned", "A parcel came back"
    PAYMENT_REFUNDED = "refunded", "The payment was refunded"
    EMAIL_SENT = "email_sent", "An email was sent to the customer"
    CONFIRMED = "confirmed", "The order was confirmed"
    MARKED_AS_PAID = "marked_as_paid", "The order was marked as paid"
    TRANSACTION_CHARGE_REQUESTED = (
        "transaction_charge_requested",
        "A charge of a transaction was requested",
    )
    TRANSACTION_REFUND_REQUESTED = (
        "transaction_refund_requested",
        "A refund of a transaction was requested",
    )
    TRANSACTION_CANCEL_REQUESTED = (
        "transaction_cancel_requested",
        "A cancel of a transaction was requested",
    )


class OrderEvent(models.Model):
    date = models.DateTimeField(default=timezone.now, editable=False)
    type = models.CharField(max_length=255, choices=OrderEvents.choices)
    order = models.ForeignKey(Order, related_name="events", on_delete=models.CASCADE)
    parameters = models.JSONField(blank=True, default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ("date", "pk")

    def __str__(self) -> str:
        return f"{self.type} on {self.order_id}"


class FulfillmentStatus(models.TextChoices):
    FULFILLED = "fulfilled", "Fulfilled"
    REFUNDED = "refunded", "Refunded"
    RETURNED = "returned", "Returned"
    REPLACED = "replaced", "Replaced"
    REFUNDED_AND_RETURNED = "refunded_and_returned", "Refunded and returned"
    CANCELED = "canceled", "Canceled"
    WAITING_FOR_APPROVAL = "waiting_for_approval", "Waiting for approval"


# Saleor's limit on Fulfillment.tracking_number.
TRACKING_NUMBER_MAX_LENGTH = 255


class Fulfillment(ModelWithMetadata):
    """A parcel: some of an order's lines, sent from one warehouse."""

    # 1, 2, 3 ... within the order; shown as "#<order number>-<n>".
    fulfillment_order = models.PositiveIntegerField(editable=False)
    order = models.ForeignKey(
        Order, related_name="fulfillments", on_delete=models.CASCADE
    )
    status = models.CharField(
        max_length=32,
        choices=FulfillmentStatus.choices,
        default=FulfillmentStatus.FULFILLED,
    )
    tracking_number = models.CharField(
        max_length=TRACKING_NUMBER_MAX_LENGTH, blank=True, default=""
    )
    # Lumbar extension: Saleor keeps no carrier; the shipped email links to it.
    carrier = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Set once the "shipped" email went out, so a retried task sends nothing.
    shipped_email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("pk",)
        unique_together = [["order", "fulfillment_order"]]

    def __str__(self) -> str:
        return self.composed_id

    @property
    def composed_id(self) -> str:
        return f"{self.order.number}-{self.fulfillment_order}"


class FulfillmentLine(models.Model):
    order_line = models.ForeignKey(
        OrderLine, related_name="fulfillment_lines", on_delete=models.CASCADE
    )
    fulfillment = models.ForeignKey(
        Fulfillment, related_name="lines", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()
    stock = models.ForeignKey(
        "warehouse.Stock",
        related_name="fulfillment_lines",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="fulfillment_line_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.order_line_id}"
