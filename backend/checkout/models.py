import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.account.models import Address
from backend.channel.models import Channel
from backend.core.models import ModelWithMetadata
from backend.product.models import ProductVariant
from backend.shipping.models import ShippingMethod


class CheckoutQuerySet(models.QuerySet):
    def by_token(self, token):
        """Filter by token; a malformed token matches nothing instead of raising."""
        try:
            token = uuid.UUID(str(token))
        except ValueError:
            return self.none()
        return self.filter(pk=token)


class Checkout(ModelWithMetadata):
    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_change = models.DateTimeField(auto_now=True, db_index=True)
    channel = models.ForeignKey(
        Channel, related_name="checkouts", on_delete=models.PROTECT
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="checkouts",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    email = models.EmailField(null=True, blank=True)
    shipping_address = models.ForeignKey(
        Address, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    billing_address = models.ForeignKey(
        Address, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    shipping_method = models.ForeignKey(
        ShippingMethod,
        related_name="checkouts",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    voucher_code = models.CharField(max_length=255, null=True, blank=True)
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)

    objects = CheckoutQuerySet.as_manager()

    class Meta:
        ordering = ("-last_change", "pk")

    def __str__(self) -> str:
        return str(self.token)


class CheckoutLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    checkout = models.ForeignKey(
        Checkout, related_name="lines", on_delete=models.CASCADE
    )
    variant = models.ForeignKey(
        ProductVariant, related_name="+", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ("created_at", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="checkout_line_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id}"
