"""Vouchers, as Saleor models them, for whole orders and shipping.

A ``Voucher`` holds the rules (type, value type, date window, usage limit);
its ``VoucherChannelListing`` rows hold the value and minimum spend per
channel; shoppers type one of its ``VoucherCode`` codes. ``usage_limit``
counts uses of all the voucher's codes together (``Voucher.used``); each
code also counts its own uses. ``VoucherCustomer`` records who used a
voucher that may be used once per customer.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django_prices.models import MoneyField

from backend.channel.models import Channel
from backend.core.models import ModelWithMetadata
from backend.product.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS


class VoucherType(models.TextChoices):
    ENTIRE_ORDER = "entire_order", "Entire order"
    SHIPPING = "shipping", "Shipping"


class DiscountValueType(models.TextChoices):
    FIXED = "fixed", "Fixed amount"
    PERCENTAGE = "percentage", "Percentage"


class VoucherQuerySet(models.QuerySet):
    def active(self, *, at=None):
        """Filter to vouchers whose date window holds ``at`` (default now)."""
        at = at or timezone.now()
        return self.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=at), start_date__lte=at
        )


class Voucher(ModelWithMetadata):
    name = models.CharField(max_length=255, blank=True, default="")
    type = models.CharField(
        max_length=20, choices=VoucherType.choices, default=VoucherType.ENTIRE_ORDER
    )
    discount_value_type = models.CharField(
        max_length=10,
        choices=DiscountValueType.choices,
        default=DiscountValueType.FIXED,
    )
    start_date = models.DateTimeField(default=timezone.now)
    end_date = models.DateTimeField(null=True, blank=True)
    usage_limit = models.PositiveIntegerField(null=True, blank=True)
    used = models.PositiveIntegerField(default=0, editable=False)
    apply_once_per_customer = models.BooleanField(default=False)

    objects = VoucherQuerySet.as_manager()

    class Meta:
        ordering = ("name", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(usage_limit__isnull=True) | Q(used__lte=F("usage_limit")),
                name="voucher_used_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return self.name or f"Voucher {self.pk}"

    def is_active(self, *, at=None) -> bool:
        at = at or timezone.now()
        started = self.start_date <= at
        return started and (self.end_date is None or self.end_date >= at)

    def is_used_up(self) -> bool:
        return self.usage_limit is not None and self.used >= self.usage_limit


class VoucherCode(models.Model):
    voucher = models.ForeignKey(Voucher, related_name="codes", on_delete=models.CASCADE)
    code = models.CharField(max_length=255, unique=True, db_index=True)
    used = models.PositiveIntegerField(default=0, editable=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "code")

    def __str__(self) -> str:
        return self.code


class VoucherChannelListing(models.Model):
    voucher = models.ForeignKey(
        Voucher, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        Channel, related_name="voucher_listings", on_delete=models.CASCADE
    )
    discount_value = models.DecimalField(
        max_digits=PRICE_MAX_DIGITS, decimal_places=PRICE_DECIMAL_PLACES
    )
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    min_spent_amount = models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    min_spent = MoneyField(amount_field="min_spent_amount", currency_field="currency")

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["voucher", "channel"], name="voucher_listing_one_per_channel"
            ),
            models.CheckConstraint(
                condition=Q(discount_value__gte=0),
                name="voucher_listing_value_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voucher} in {self.channel_id}"


class VoucherCustomer(models.Model):
    voucher = models.ForeignKey(
        Voucher, related_name="customers", on_delete=models.CASCADE
    )
    customer_email = models.EmailField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["voucher", "customer_email"],
                name="voucher_customer_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.customer_email} used {self.voucher_id}"
