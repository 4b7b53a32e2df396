import uuid

from django.conf import settings
from django.db import models
from django_prices.models import MoneyField

from backend.order.models import Order, OrderLine
from backend.product.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS


def _amount(**kwargs) -> models.DecimalField:
    return models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        default=0,
        **kwargs,
    )


class TransactionEventType(models.TextChoices):
    """Saleor's TransactionEventTypeEnum, as stored."""

    AUTHORIZATION_SUCCESS = "authorization_success"
    AUTHORIZATION_FAILURE = "authorization_failure"
    AUTHORIZATION_ACTION_REQUIRED = "authorization_action_required"
    CHARGE_SUCCESS = "charge_success"
    CHARGE_FAILURE = "charge_failure"
    CHARGE_ACTION_REQUIRED = "charge_action_required"
    CHARGE_REQUEST = "charge_request"
    REFUND_SUCCESS = "refund_success"
    REFUND_FAILURE = "refund_failure"
    REFUND_REQUEST = "refund_request"
    CANCEL_SUCCESS = "cancel_success"
    CANCEL_FAILURE = "cancel_failure"
    CANCEL_REQUEST = "cancel_request"
    INFO = "info"


class TransactionItem(models.Model):
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    name = models.CharField(max_length=512, blank=True, default="")
    message = models.CharField(max_length=512, blank=True, default="")
    psp_reference = models.CharField(max_length=512, blank=True, default="")
    # The gateway that holds the money, e.g. "lumbar.payments.test".
    gateway = models.CharField(max_length=255, blank=True, default="")
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    amount_charged_value = _amount()
    amount_charged = MoneyField(
        amount_field="amount_charged_value", currency_field="currency"
    )
    amount_authorized_value = _amount()
    amount_authorized = MoneyField(
        amount_field="amount_authorized_value", currency_field="currency"
    )
    amount_refunded_value = _amount()
    amount_refunded = MoneyField(
        amount_field="amount_refunded_value", currency_field="currency"
    )
    amount_canceled_value = _amount()
    amount_canceled = MoneyField(
        amount_field="amount_canceled_value", currency_field="currency"
    )
    checkout = models.ForeignKey(
        # A string: checkout sits above payment and imports it.
        "checkout.Checkout",
        related_name="payment_transactions",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    order = models.ForeignKey(
        Order,
        related_name="payment_transactions",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.gateway} {self.psp_reference}"


class TransactionEvent(models.Model):
    transaction = models.ForeignKey(
        TransactionItem, related_name="events", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    type = models.CharField(max_length=128, choices=TransactionEventType.choices)
    psp_reference = models.CharField(max_length=512, blank=True, default="")
    message = models.CharField(max_length=512, blank=True, default="")
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    amount_value = _amount()
    amount = MoneyField(amount_field="amount_value", currency_field="currency")
    # Staff who asked for the action (Saleor's createdBy), if any.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.type} {self.amount_value}"


class OrderGrantedRefundStatus(models.TextChoices):
    """Saleor's OrderGrantedRefundStatusEnum, as stored."""

    NONE = "none"
    PENDING = "pending"
    SUCCESS = "success"
    FAILURE = "failure"


class OrderGrantedRefund(models.Model):
    """Money staff granted back to the customer, to be refunded from a payment."""

    order = models.ForeignKey(
        Order, related_name="granted_refunds", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    amount_value = _amount()
    amount = MoneyField(amount_field="amount_value", currency_field="currency")
    reason = models.TextField(blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    shipping_costs_included = models.BooleanField(default=False)
    transaction_item = models.ForeignKey(
        TransactionItem,
        related_name="granted_refunds",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    status = models.CharField(
        max_length=32,
        choices=OrderGrantedRefundStatus.choices,
        default=OrderGrantedRefundStatus.NONE,
    )

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.amount_value} {self.currency} for {self.order_id}"


class OrderGrantedRefundLine(models.Model):
    granted_refund = models.ForeignKey(
        OrderGrantedRefund, related_name="lines", on_delete=models.CASCADE
    )
    order_line = models.ForeignKey(
        OrderLine, related_name="granted_refund_lines", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()
    reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["granted_refund", "order_line"],
                name="granted_refund_line_unique_order_line",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.order_line_id}"


# Stripe's webhook events live in their own module; imported here so
# Django sees the model.
from .stripe_models import StripeWebhookEvent  # noqa: E402, F401
