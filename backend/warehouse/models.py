import datetime

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest

from backend.account.models import Address
from backend.channel.models import Channel
from backend.core.models import ModelWithMetadata
from backend.product.models import ProductVariant

from .rules import validate_time_zone, validate_weekdays


class WarehouseClickAndCollectOption(models.TextChoices):
    DISABLED = "disabled", "Disabled"
    LOCAL_STOCK = "local", "Local stock only"
    ALL_WAREHOUSES = "all", "All warehouses"


SATURDAY = 5


def default_shipping_weekdays() -> list[int]:
    return [0, 1, 2, 3, 4]


class Warehouse(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    company_name = models.CharField(blank=True, max_length=255)
    email = models.EmailField(blank=True, default="")
    address = models.ForeignKey(Address, on_delete=models.PROTECT)
    is_private = models.BooleanField(default=True)
    click_and_collect_option = models.CharField(
        max_length=30,
        choices=WarehouseClickAndCollectOption.choices,
        default=WarehouseClickAndCollectOption.DISABLED,
    )
    channels = models.ManyToManyField(
        Channel, related_name="warehouses", through="ChannelWarehouse", blank=True
    )
    external_reference = models.CharField(
        max_length=250, unique=True, blank=True, null=True
    )
    # Delivery-promise rules, edited by operations staff (MANAGE_SHIPPING).
    time_zone = models.CharField(
        max_length=64, default="America/New_York", validators=[validate_time_zone]
    )
    cutoff_time = models.TimeField(
        default=datetime.time(14, 0),
        help_text="Orders placed before this local time leave the same day.",
    )
    shipping_weekdays = models.JSONField(
        default=default_shipping_weekdays,
        validators=[validate_weekdays],
        help_text="Days the carrier collects: 0 = Monday ... 6 = Sunday.",
    )
    saturday_cutoff_time = models.TimeField(
        null=True,
        blank=True,
        help_text="An earlier cut-off for Saturdays (e.g. mornings only).",
    )
    handling_days = models.PositiveSmallIntegerField(
        default=0, help_text="Shipping days spent picking and packing before handover."
    )

    class Meta:
        ordering = ("-slug",)

    def __str__(self) -> str:
        return self.name

    def cutoffs(self) -> dict[int, datetime.time]:
        """Return each shipping weekday's local cut-off time."""
        return warehouse_cutoffs(
            shipping_weekdays=self.shipping_weekdays,
            cutoff_time=self.cutoff_time,
            saturday_cutoff_time=self.saturday_cutoff_time,
        )


def warehouse_cutoffs(
    *,
    shipping_weekdays: list[int],
    cutoff_time: datetime.time,
    saturday_cutoff_time: datetime.time | None,
) -> dict[int, datetime.time]:
    """Return each shipping weekday's local cut-off time."""
    return {
        day: saturday_cutoff_time
        if day == SATURDAY and saturday_cutoff_time
        else cutoff_time
        for day in shipping_weekdays
    }


class WarehouseDeliveryRules(Warehouse):
    """The warehouse's delivery rules, edited apart from its address and stock."""

    class Meta:
        proxy = True
        verbose_name = "warehouse delivery rules"
        verbose_name_plural = "warehouse delivery rules"


class WarehouseHoliday(models.Model):
    """A date the warehouse hands nothing to the carrier."""

    warehouse = models.ForeignKey(
        Warehouse, related_name="holidays", on_delete=models.CASCADE
    )
    date = models.DateField()
    name = models.CharField(max_length=100, blank=True, default="")

    class Meta:
        ordering = ("date", "pk")
        unique_together = [["warehouse", "date"]]

    def __str__(self) -> str:
        return f"{self.warehouse}: {self.date} {self.name}".strip()


class ChannelWarehouse(models.Model):
    channel = models.ForeignKey(
        Channel, related_name="channelwarehouse", on_delete=models.CASCADE
    )
    warehouse = models.ForeignKey(
        Warehouse, related_name="channelwarehouse", on_delete=models.CASCADE
    )
    sort_order = models.IntegerField(default=0)

    class Meta:
        unique_together = (("channel", "warehouse"),)
        ordering = ("sort_order", "pk")

    def __str__(self) -> str:
        return f"{self.warehouse_id} in {self.channel_id}"


class StockQuerySet(models.QuerySet):
    def for_channel(self, channel_slug: str | None):
        """Stock in the channel's warehouses; in any channel's for None."""
        if channel_slug is None:
            linked = ChannelWarehouse.objects.filter(
                warehouse_id=OuterRef("warehouse_id")
            )
            return self.filter(Exists(linked))
        return self.filter(warehouse__channels__slug=channel_slug)

    def annotate_available_quantity(self):
        return self.annotate(available_quantity=F("quantity") - F("quantity_allocated"))

    def annotate_sellable(self, *, now: datetime.datetime, checkout_token=None):
        """Annotate ``quantity_sellable``: what a shopper can still buy of a row.

        The one rule for a stock figure shown or checked: the quantity less
        what orders hold (allocations) and what other carts hold now
        (live reservations of any checkout but ``checkout_token``), never
        below zero. checkout_complete counts the same on its locked rows.
        """
        reserved = (
            Reservation.objects.held_by_others(now=now, checkout_token=checkout_token)
            .filter(stock_id=OuterRef("pk"))
            .values("stock_id")
            .annotate(total=Sum("quantity_reserved"))
            .values("total")
        )
        return self.annotate(
            quantity_sellable=Greatest(
                F("quantity")
                - F("quantity_allocated")
                - Coalesce(Subquery(reserved), 0),
                0,
            )
        )

    def sellable(self, *, now: datetime.datetime, checkout_token=None):
        """Rows with a unit a shopper can buy (see ``annotate_sellable``)."""
        return self.annotate_sellable(now=now, checkout_token=checkout_token).filter(
            quantity_sellable__gt=0
        )


class Stock(models.Model):
    warehouse = models.ForeignKey(
        Warehouse, related_name="stock", on_delete=models.CASCADE
    )
    product_variant = models.ForeignKey(
        ProductVariant, related_name="stocks", on_delete=models.CASCADE
    )
    quantity = models.IntegerField(default=0)
    quantity_allocated = models.IntegerField(default=0)
    # Lumbar extension: where pickers find it ("A-03-2"); pick lists sort by it.
    bin_location = models.CharField(max_length=32, blank=True, default="")

    objects = StockQuerySet.as_manager()

    class Meta:
        unique_together = [["warehouse", "product_variant"]]
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0), name="stock_quantity_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(quantity_allocated__gte=0),
                name="stock_allocated_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_variant} @ {self.warehouse}: {self.quantity}"

    @property
    def quantity_available(self) -> int:
        return max(self.quantity - self.quantity_allocated, 0)


class Allocation(models.Model):
    """Stock held in one warehouse for one order line."""

    order_line = models.ForeignKey(
        "order.OrderLine", related_name="allocations", on_delete=models.CASCADE
    )
    stock = models.ForeignKey(
        Stock, related_name="allocations", on_delete=models.CASCADE
    )
    quantity_allocated = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [["order_line", "stock"]]
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_allocated__gte=0),
                name="allocation_quantity_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity_allocated} of {self.stock_id}"


class StockAdjustmentReason(models.TextChoices):
    RECEIVED = "received", "Received from supplier"
    COUNT = "count", "Stock count correction"
    DAMAGED = "damaged", "Damaged or lost"
    RETURNED = "returned", "Returned by a customer"
    OTHER = "other", "Other"


class StockAdjustment(models.Model):
    """One change of a stock level by staff, with why: the stock's history."""

    stock = models.ForeignKey(
        Stock, related_name="adjustments", on_delete=models.CASCADE
    )
    quantity_before = models.IntegerField()
    quantity_after = models.IntegerField()
    reason = models.CharField(max_length=32, choices=StockAdjustmentReason.choices)
    note = models.CharField(max_length=250, blank=True, default="")
    user = models.ForeignKey(
        "account.User",
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.stock_id}: {self.quantity_before} → {self.quantity_after}"

    @property
    def change(self) -> int:
        return self.quantity_after - self.quantity_before


class ReservationQuerySet(models.QuerySet):
    def active(self, *, now):
        return self.filter(reserved_until__gt=now)

    def held_by_others(self, *, now, checkout_token=None):
        """Live reservations of every checkout but ``checkout_token``."""
        held = self.active(now=now)
        if checkout_token is not None:
            held = held.exclude(checkout_line__checkout_id=checkout_token)
        return held


class Reservation(models.Model):
    """Stock a checkout line holds for a while, as Saleor's reservations.

    Only kept while the shop's reservation durations are set; a reservation
    past ``reserved_until`` holds nothing and the beat deletes it.
    """

    checkout_line = models.ForeignKey(
        "checkout.CheckoutLine", related_name="reservations", on_delete=models.CASCADE
    )
    stock = models.ForeignKey(
        Stock, related_name="reservations", on_delete=models.CASCADE
    )
    quantity_reserved = models.PositiveIntegerField(default=0)
    reserved_until = models.DateTimeField(db_index=True)

    objects = ReservationQuerySet.as_manager()

    class Meta:
        unique_together = [["checkout_line", "stock"]]
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.quantity_reserved} of {self.stock_id} to {self.reserved_until}"


class RestockAlert(models.Model):
    """A shopper's wish to be emailed when a sold-out variant is back.

    One pending alert per variant, channel and email; ``sent_at`` marks the
    one email it sends.
    """

    variant = models.ForeignKey(
        ProductVariant, related_name="restock_alerts", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(Channel, related_name="+", on_delete=models.CASCADE)
    email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["variant", "channel", "email"],
                condition=Q(sent_at__isnull=True),
                name="restock_alert_one_pending",
            )
        ]
        indexes = [
            models.Index(
                fields=["variant"],
                condition=Q(sent_at__isnull=True),
                name="restock_alert_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} for variant {self.variant_id}"
