"""Per-request loaders for zones and methods: one query per relation a page."""

from collections import defaultdict

from prices import Money

from backend.product.models import Product
from backend.shipping.models import (
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingMethodPostalCodeRule,
    ShippingZone,
)

from ..core.dataloaders import DataLoader


def _grouped(rows, key_of, keys) -> list[list]:
    found = defaultdict(list)
    for row in rows:
        found[key_of(row)].append(row)
    return [found[key] for key in keys]


class MethodsByZoneIdLoader(DataLoader):
    """A zone's methods; in a channel, only those listed there (as Saleor)."""

    context_key = "shipping_methods_by_zone_id"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        methods = ShippingMethod.objects.filter(shipping_zone_id__in=keys)
        if self.channel_slug:
            methods = methods.filter(channel_listings__channel__slug=self.channel_slug)
        return _grouped(methods.order_by("pk"), lambda m: m.shipping_zone_id, keys)


class ListingsByMethodIdLoader(DataLoader):
    context_key = "shipping_listings_by_method_id"

    def batch_load(self, keys):
        listings = (
            ShippingMethodChannelListing.objects.filter(shipping_method_id__in=keys)
            .select_related("channel")
            .order_by("pk")
        )
        return _grouped(listings, lambda x: x.shipping_method_id, keys)


class PostalCodeRulesByMethodIdLoader(DataLoader):
    context_key = "postal_code_rules_by_method_id"

    def batch_load(self, keys):
        rules = ShippingMethodPostalCodeRule.objects.filter(
            shipping_method_id__in=keys
        ).order_by("pk")
        return _grouped(rules, lambda r: r.shipping_method_id, keys)


class PricesByZoneIdLoader(DataLoader):
    """The prices of a zone's methods in one channel, for its price range."""

    context_key = "shipping_prices_by_zone_id"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        listings = ShippingMethodChannelListing.objects.filter(
            shipping_method__shipping_zone_id__in=keys,
            channel__slug=self.channel_slug,
        ).values_list("shipping_method__shipping_zone_id", "price_amount", "currency")
        found = defaultdict(list)
        for zone_id, amount, currency in listings:
            found[zone_id].append(Money(amount, currency))
        return [found[key] for key in keys]


class ChannelsByZoneIdLoader(DataLoader):
    context_key = "channels_by_zone_id"

    def batch_load(self, keys):
        links = (
            ShippingZone.channels.through.objects.filter(shippingzone_id__in=keys)
            .select_related("channel")
            .order_by("channel__slug")
        )
        found = defaultdict(list)
        for link in links:
            found[link.shippingzone_id].append(link.channel)
        return [found[key] for key in keys]


class WarehousesByZoneIdLoader(DataLoader):
    context_key = "warehouses_by_zone_id"

    def batch_load(self, keys):
        links = (
            ShippingZone.warehouses.through.objects.filter(shippingzone_id__in=keys)
            .select_related("warehouse__address")
            .order_by("warehouse__name", "warehouse_id")
        )
        found = defaultdict(list)
        for link in links:
            found[link.shippingzone_id].append(link.warehouse)
        return [found[key] for key in keys]


class ExcludedProductsByMethodIdLoader(DataLoader):
    """The products each method refuses, by name (one query for a zone)."""

    context_key = "excluded_products_by_method_id"

    def batch_load(self, keys):
        through = ShippingMethod.excluded_products.through
        links = list(
            through.objects.filter(shippingmethod_id__in=keys).values_list(
                "shippingmethod_id", "product_id"
            )
        )
        products = Product.objects.in_bulk({pk for _, pk in links})
        found = defaultdict(list)
        for method_id, product_id in links:
            found[method_id].append(products[product_id])
        return [
            sorted(found[key], key=lambda product: (product.name, product.pk))
            for key in keys
        ]
