from django.conf import settings
from django.db import models
from django_countries.fields import CountryField
from django_prices.models import MoneyField

from backend.channel.models import Channel
from backend.core.models import ModelWithMetadata
from backend.product.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS

from .rules import validate_delivery_days


class ShippingMethodType(models.TextChoices):
    PRICE_BASED = "price", "Price based shipping"


class ShippingZone(ModelWithMetadata):
    name = models.CharField(max_length=100)
    countries = CountryField(multiple=True, default=list, blank=True)
    default = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    channels = models.ManyToManyField(Channel, related_name="shipping_zones")
    # Saleor's link: which warehouses send to the zone. The promise reads
    # the channel's warehouses; this is kept for the API and the dashboard.
    warehouses = models.ManyToManyField(
        "warehouse.Warehouse", related_name="shipping_zones", blank=True
    )

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.name


class ShippingMethod(ModelWithMetadata):
    name = models.CharField(max_length=100)
    type = models.CharField(
        max_length=30,
        choices=ShippingMethodType.choices,
        default=ShippingMethodType.PRICE_BASED,
    )
    shipping_zone = models.ForeignKey(
        ShippingZone, related_name="shipping_methods", on_delete=models.CASCADE
    )
    minimum_delivery_days = models.PositiveIntegerField(null=True, blank=True)
    maximum_delivery_days = models.PositiveIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)
    carrier = models.CharField(max_length=100, blank=True, default="")
    # Saleor's rule: a checkout holding any of these cannot use the method.
    excluded_products = models.ManyToManyField(
        "product.Product", related_name="excluded_shipping_methods", blank=True
    )

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        validate_delivery_days(
            minimum=self.minimum_delivery_days, maximum=self.maximum_delivery_days
        )


class PostalCodeRuleInclusionType(models.TextChoices):
    INCLUDE = "include", "Include"
    EXCLUDE = "exclude", "Exclude"


class ShippingMethodPostalCodeRule(models.Model):
    """Saleor's rule: a postal code or range a method includes or excludes."""

    shipping_method = models.ForeignKey(
        ShippingMethod, related_name="postal_code_rules", on_delete=models.CASCADE
    )
    start = models.CharField(max_length=32)
    end = models.CharField(max_length=32, blank=True, null=True)
    inclusion_type = models.CharField(
        max_length=32,
        choices=PostalCodeRuleInclusionType.choices,
        default=PostalCodeRuleInclusionType.EXCLUDE,
    )

    class Meta:
        ordering = ("pk",)
        unique_together = [["shipping_method", "start", "end"]]

    def __str__(self) -> str:
        span = f"{self.start}-{self.end}" if self.end else self.start
        return f"{self.inclusion_type} {span}"


def _money_amount(**kwargs) -> models.DecimalField:
    return models.DecimalField(
        max_digits=PRICE_MAX_DIGITS, decimal_places=PRICE_DECIMAL_PLACES, **kwargs
    )


class ShippingMethodChannelListing(models.Model):
    shipping_method = models.ForeignKey(
        ShippingMethod, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        Channel, related_name="shipping_method_listings", on_delete=models.CASCADE
    )
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    price_amount = _money_amount(default=0)
    price = MoneyField(amount_field="price_amount", currency_field="currency")
    minimum_order_price_amount = _money_amount(default=0, null=True, blank=True)
    minimum_order_price = MoneyField(
        amount_field="minimum_order_price_amount", currency_field="currency"
    )
    maximum_order_price_amount = _money_amount(null=True, blank=True)
    maximum_order_price = MoneyField(
        amount_field="maximum_order_price_amount", currency_field="currency"
    )

    class Meta:
        unique_together = (("shipping_method", "channel"),)
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.shipping_method} in {self.channel_id}: {self.price_amount}"
