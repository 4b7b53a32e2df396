"""Which shipping methods can deliver an order, and at what price."""

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Q
from prices import Money

from .models import ShippingMethod, ShippingMethodChannelListing, ShippingZone


@dataclass(frozen=True)
class ShippingMethodOption:
    method: ShippingMethod
    price: Money


def shipping_methods_applicable(
    *,
    channel_id: int,
    country: str,
    subtotal: Money,
    product_ids: Collection[int],
) -> list[ShippingMethodOption]:
    """Return the methods that ship these products to the country.

    A method applies when its zone covers the country and the channel, the
    subtotal is inside its channel listing's minimum and maximum order price,
    and it excludes none of the products (Saleor's excluded products).
    """
    listings = (
        ShippingMethodChannelListing.objects.filter(
            channel_id=channel_id,
            shipping_method__shipping_zone__channels__id=channel_id,
            shipping_method__shipping_zone__countries__contains=country,
        )
        .filter(
            Q(minimum_order_price_amount__isnull=True)
            | Q(minimum_order_price_amount__lte=subtotal.amount)
        )
        .filter(
            Q(maximum_order_price_amount__isnull=True)
            | Q(maximum_order_price_amount__gte=subtotal.amount)
        )
        .select_related("shipping_method")
        .order_by("price_amount", "shipping_method__name", "pk")
    )
    if product_ids:
        listings = listings.exclude(
            shipping_method__excluded_products__id__in=list(product_ids)
        )
    return [
        ShippingMethodOption(method=listing.shipping_method, price=listing.price)
        for listing in listings
    ]


def countries_in_shipping_zones() -> set[str]:
    """Return the codes of the countries some shipping zone covers."""
    return {
        country.code
        for zone in ShippingZone.objects.only("countries")
        for country in zone.countries
    }


def channel_shippable_countries(*, channel_id: int) -> list:
    """Return the countries the channel's shipping zones cover, by name."""
    found = {}
    for zone in ShippingZone.objects.filter(channels__id=channel_id).only("countries"):
        for country in zone.countries:
            found[country.code] = country
    return sorted(found.values(), key=lambda country: country.name)


def shipping_methods_of_channel(
    *, channel_id: int, country: str | None = None
) -> list[ShippingMethodOption]:
    """Return the channel's methods with their prices, to the country if given."""
    listings = ShippingMethodChannelListing.objects.filter(
        channel_id=channel_id, shipping_method__shipping_zone__channels__id=channel_id
    )
    if country:
        listings = listings.filter(
            shipping_method__shipping_zone__countries__contains=country
        )
    listings = (
        listings.select_related("shipping_method")
        .order_by("price_amount", "shipping_method__name", "pk")
        .distinct()
    )
    return [
        ShippingMethodOption(method=listing.shipping_method, price=listing.price)
        for listing in listings
    ]
